import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayOf } from '../../shared/domain/clock';
import { AppRoot } from '../components/app-root';
import { createI18n } from '../i18n/i18n';
import { createAppStore } from '../stores/app-store';
import { formatRoute } from '../stores/route';
import { createFakeBackend, makeNotification } from '../testing/fake-backend';
import { fakeLayout } from '../testing/layout';
import { clockFromReading } from './backend-clock';

const LIST = { section: 'notifications', id: null } as const;

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

describe("the window's clock", () => {
  it('runs on from the reading the backend reports', () => {
    expect(todayOf(clockFromReading('2031-01-10T04:00:00.000Z'))).toBe('2031-01-10');
  });

  it('counts days from the backend clock when no clock is handed in (PINGYI_NOW in web mode)', async () => {
    // The backend's clock stands years away from the machine's, as PINGYI_NOW sets it.
    const backend = createFakeBackend({
      now: '2031-01-10T04:00:00.000Z',
      notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/9002', distributionDate: '2030-11-20', commentDeadline: '2031-01-20' })],
    });
    window.location.hash = formatRoute(LIST);
    const store = createAppStore({ api: backend.client.api, initialRoute: LIST });
    render(<AppRoot client={backend.client} i18n={createI18n()} store={store} />);
    const table = await screen.findByRole('table', { name: '通报列表' });
    expect(await within(table).findByText('剩 10 天')).toBeTruthy();
  });
});
