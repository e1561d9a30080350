import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../shared/contract';
import { fixedClock } from '../../shared/domain/clock';
import { ClockProvider } from '../clock/clock-context';
import { createI18n } from '../i18n/i18n';
import { DateField } from './date-field';
import { Modal } from './modal';

/** A field whose value lives in the test, as in a form; every value it is given is recorded. */
function Harness({ initial = '', min, max, locale = 'zh-CN', seen, now = '2026-11-21T04:00:00' }: { initial?: string; min?: string; max?: string; locale?: Locale; seen: string[]; now?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <ClockProvider clock={fixedClock(now)}>
      <I18nextProvider i18n={createI18n(locale)}>
        <label htmlFor="d">日期</label>
        <DateField
          id="d"
          value={value}
          min={min}
          max={max}
          onChange={(next) => {
            seen.push(next);
            setValue(next);
          }}
        />
      </I18nextProvider>
    </ClockProvider>
  );
}

const box = (): HTMLInputElement => screen.getByLabelText('日期');

describe('the date box', () => {
  it('takes a date as ePing and Chinese documents write it, and shows it as YYYY-MM-DD once left', () => {
    const seen: string[] = [];
    render(<Harness seen={seen} />);
    fireEvent.change(box(), { target: { value: '21/11/2026' } });
    expect(seen.at(-1)).toBe('2026-11-21');
    expect(box().value).toBe('21/11/2026');
    fireEvent.blur(box());
    expect(box().value).toBe('2026-11-21');
    fireEvent.change(box(), { target: { value: '2027年3月5日' } });
    fireEvent.blur(box());
    expect(seen.at(-1)).toBe('2027-03-05');
    expect(box().value).toBe('2027-03-05');
  });

  it('keeps text that is no date, says why once the box is left, and clears to empty', () => {
    const seen: string[] = [];
    render(<Harness seen={seen} />);
    fireEvent.change(box(), { target: { value: '30/02/2026' } });
    expect(seen.at(-1)).toBe('30/02/2026');
    expect(box().getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(box());
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('日历中没有这一天。')).toBeTruthy();
    fireEvent.change(box(), { target: { value: 'soon' } });
    fireEvent.blur(box());
    expect(screen.getByText(/不是日期/)).toBeTruthy();
    fireEvent.change(box(), { target: { value: '' } });
    expect(seen.at(-1)).toBe('');
    fireEvent.blur(box());
    expect(box().getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps half-typed text when the parent takes only dates, and is reset when the parent clears', () => {
    function DatesOnly() {
      const [value, setValue] = useState('2026-11-04');
      return (
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <label htmlFor="d">日期</label>
          <DateField id="d" value={value} onChange={(next) => /^\d{4}-\d{2}-\d{2}$/.test(next) && setValue(next)} />
          <button type="button" onClick={() => setValue('')}>清除</button>
        </I18nextProvider>
      );
    }
    render(<DatesOnly />);
    fireEvent.change(box(), { target: { value: '2026-11-0' } });
    expect(box().value).toBe('2026-11-0');
    fireEvent.change(box(), { target: { value: '2026-11-05' } });
    expect(box().value).toBe('2026-11-05');
    fireEvent.click(screen.getByRole('button', { name: '清除' }));
    expect(box().value).toBe('');
  });

  it('refuses a typed day outside its range, in the language of the app', () => {
    render(<Harness seen={[]} min="2026-11-01" max="2026-11-21" locale="en" />);
    fireEvent.change(box(), { target: { value: '2026-10-31' } });
    fireEvent.blur(box());
    expect(screen.getByText('The date cannot be before 1 Nov 2026.')).toBeTruthy();
    fireEvent.change(box(), { target: { value: '2026-11-22' } });
    fireEvent.blur(box());
    expect(screen.getByText('The date cannot be after 21 Nov 2026.')).toBeTruthy();
  });

  it('opens a calendar in the app language, with days outside the range disabled; a chosen day fills the box', () => {
    const seen: string[] = [];
    render(<Harness seen={seen} initial="2026-11-10" min="2026-11-05" max="2026-11-21" />);
    fireEvent.click(screen.getByRole('button', { name: '从日历中选择' }));
    const calendar = screen.getByRole('dialog', { name: '日历' });
    // Weeks start on Monday and the weekdays are Chinese.
    const weekdays = within(calendar).getAllByRole('columnheader', { hidden: true }).map((th) => th.textContent);
    expect(weekdays[0]).toMatch(/一/);
    const day = (n: number): HTMLButtonElement => within(calendar).getByRole('button', { name: new RegExp(`2026年11月${n}日`) });
    // Focus goes to the box's day, so the arrow keys move from there.
    expect(document.activeElement).toBe(day(10));
    expect(day(4).disabled).toBe(true);
    expect(day(22).disabled).toBe(true);
    fireEvent.click(day(18));
    expect(seen.at(-1)).toBe('2026-11-18');
    expect(box().value).toBe('2026-11-18');
    expect(screen.queryByRole('dialog', { name: '日历' })).toBeNull();
    expect(document.activeElement).toBe(box());
  });

  it('opens an empty box\'s calendar on the month of the app clock', () => {
    render(<Harness seen={[]} now="2031-03-14T04:00:00" />);
    fireEvent.click(screen.getByRole('button', { name: '从日历中选择' }));
    const calendar = screen.getByRole('dialog', { name: '日历' });
    expect(within(calendar).getByRole('button', { name: /2031年3月14日/ })).toBeTruthy();
  });

  it('opens the calendar from the keyboard, and Esc closes only the calendar, not the dialog around it', () => {
    const onClose = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <Modal title="Reply" closeLabel="Close" onClose={onClose}>
          <label htmlFor="d">日期</label>
          <DateField id="d" value="" onChange={() => undefined} />
        </Modal>
      </I18nextProvider>,
    );
    fireEvent.keyDown(box(), { key: 'ArrowDown', altKey: true });
    const calendar = screen.getByRole('dialog', { name: 'Calendar' });
    fireEvent.keyDown(within(calendar).getAllByRole('button').at(-1)!, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Calendar' })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(box(), { key: 'F4' });
    expect(screen.getByRole('dialog', { name: 'Calendar' })).toBeTruthy();
    // Esc in the box itself closes the calendar too, and still not the dialog.
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Calendar' })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
