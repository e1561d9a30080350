import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/contract';
import { fixedClock } from '../../shared/domain/clock';
import { ClockProvider } from '../clock/clock-context';
import { createI18n } from '../i18n/i18n';
import { DeadlineBadge } from './deadline-badge';

const TODAY = '2026-11-21';

function badge(deadline: string | null, locale: Locale = 'zh-CN'): HTMLElement | null {
  const { container } = render(
    <I18nextProvider i18n={createI18n(locale)}>
      <DeadlineBadge deadline={deadline} today={TODAY} />
    </I18nextProvider>,
  );
  return container.querySelector('.deadline-badge');
}

describe('the days-left badge', () => {
  it('counts the days left, and the days since the final date for a month', () => {
    expect(badge('2026-12-31')).toMatchObject({ textContent: '剩 40 天', className: expect.stringContaining('deadline-badge-open') });
    expect(badge('2026-11-28')).toMatchObject({ textContent: '剩 7 天', className: expect.stringContaining('deadline-badge-closing-soon') });
    expect(badge('2026-11-21')).toMatchObject({ textContent: '今天截止' });
    expect(badge('2026-10-22')).toMatchObject({ textContent: '已过 30 天', className: expect.stringContaining('deadline-badge-overdue') });
  });

  it('says a comment period that ended long ago is closed, quietly, with the days in its tooltip', () => {
    const old = badge('1995-09-14');
    expect(old).toMatchObject({ textContent: '已截止', className: expect.stringContaining('deadline-badge-closed') });
    expect(old?.title).toBe('评议截止日已过 11391 天');
    expect(badge('2026-10-21', 'en')).toMatchObject({ textContent: 'Closed', title: 'Days since comments closed: 31' });
  });

  it('shows nothing without a final date', () => {
    expect(badge(null)).toBeNull();
  });

  it('counts from the app clock when no day is handed in, so the count follows the clock, not the machine', () => {
    const at = (now: string): string | null | undefined =>
      render(
        <ClockProvider clock={fixedClock(now)}>
          <I18nextProvider i18n={createI18n('zh-CN')}>
            <DeadlineBadge deadline="2026-12-31" />
          </I18nextProvider>
        </ClockProvider>,
      ).container.querySelector('.deadline-badge')?.textContent;
    expect(at('2026-11-21T04:00:00')).toBe('剩 40 天');
    expect(at('2026-12-21T04:00:00')).toBe('剩 10 天');
  });
});
