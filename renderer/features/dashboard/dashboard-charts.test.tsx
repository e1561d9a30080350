import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, makeNotification } from '../../testing/fake-backend';
import { warningsOf } from '../../testing/fake-warnings';
import { renderApp } from '../../testing/render-app';

// The page draws its charts with ECharts (SVG) in jsdom: slower than a plain page on a busy machine.
const SLOW = { timeout: 10_000 };

/** Two Saudi notifications (one closing in three days, untriaged) and one Kazakh one, in the default period. */
function backendWithData() {
  const backend = createFakeBackend({
    notifications: [
      makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/1', memberCode: 'SAU', distributionDate: '2026-10-02', commentDeadline: '2026-11-24', titleZh: '电池技术法规' }),
      makeNotification({ id: 2, symbol: 'G/SPS/N/SAU/2', area: 'SPS', memberCode: 'SAU', distributionDate: '2026-09-10', commentDeadline: '2027-01-10' }),
      makeNotification({ id: 3, symbol: 'G/TBT/N/KAZ/3', memberCode: 'KAZ', memberName: '哈萨克斯坦', distributionDate: '2026-11-03', commentDeadline: null }),
    ],
  });
  backend.settings = { ...backend.settings, demoOffered: true };
  return backend;
}

const linksOf = (chart: string) => screen.findByRole('list', { name: `${chart}：逐项查看` }, SLOW);

describe('dashboard charts and filters', { timeout: 30_000 }, () => {
  it('asks for what the address says and keeps a preset in the address', async () => {
    const backend = backendWithData();
    renderApp({ backend, route: { section: 'dashboard', id: null, query: 'from=2026-01-01&to=2026-06-30&members=GCC&industries=ev' } });
    await waitFor(() => expect(backend.callsTo('dashboardGet')[0]).toEqual({ from: '2026-01-01', to: '2026-06-30', memberCodes: ['GCC'], industries: ['ev'] }), SLOW);

    fireEvent.click(await screen.findByRole('button', { name: '本月' }, SLOW));
    await waitFor(() =>
      expect(backend.callsTo('dashboardGet').at(-1)).toEqual({ from: '2026-11-01', to: '2026-11-21', memberCodes: ['GCC'], industries: ['ev'] }),
    );
    expect(window.location.hash).toBe('#/dashboard?from=2026-11-01&to=2026-11-21&members=GCC&industries=ev');
    expect(screen.getByRole('button', { name: '本月' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(backend.callsTo('dashboardGet').at(-1)).toEqual({}));
    expect(window.location.hash).toBe('#/dashboard');
  });

  it('opens the notification list of a member with the period set', async () => {
    const backend = backendWithData();
    renderApp({ backend });
    const members = await linksOf('各成员通报数');
    fireEvent.click(within(members).getByRole('button', { name: '沙特阿拉伯 2' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('通报'));
    await waitFor(() =>
      expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ memberCodes: ['SAU'], distributedFrom: '2025-12-01', distributedTo: '2026-11-21' }),
    );
    expect(backend.callsTo('notificationsList').at(-1)).not.toHaveProperty('industries');
  });

  it('opens the cards and the morning list with the members of a bloc', async () => {
    const backend = backendWithData();
    renderApp({ backend, route: { section: 'dashboard', id: null, query: 'members=GCC' } });
    const card = await screen.findByRole('group', { name: '本周截止评议' }, SLOW);
    expect(card.querySelector('.stat-value')?.textContent).toBe('1');
    fireEvent.click(within(card).getByRole('button', { name: '本周截止评议：查看清单' }));
    await waitFor(() => expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ memberCodes: ['OMN', 'SAU'], deadlineWithinDays: 6 }));
    expect(backend.callsTo('notificationsList').at(-1)).not.toHaveProperty('distributedFrom');

    act(() => window.history.back());
    await screen.findByRole('region', { name: /未分拣且即将截止/ }, SLOW);
    const urgent = screen.getByRole('region', { name: /未分拣且即将截止/ });
    expect(within(urgent).getByRole('cell', { name: '电池技术法规' })).toBeTruthy();
    expect(within(urgent).getByRole('cell', { name: '3 天' })).toBeTruthy();
    fireEvent.click(within(urgent).getByRole('button', { name: /共 1 条/ }));
    await waitFor(() =>
      expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ memberCodes: ['OMN', 'SAU'], deadlineWithinDays: 14, triageStatuses: ['new'] }),
    );
  });

  it('opens the warnings inbox on a level, and reloads only when what it counts changes', async () => {
    const backend = backendWithData();
    warningsOf(backend).seed();
    renderApp({ backend, route: { section: 'dashboard', id: null, query: 'members=SAU' } });
    const levels = await linksOf('未关闭的风险预警（按等级）');
    const calls = backend.callsTo('dashboardGet').length;
    act(() => backend.emit('dataChanged', { entity: 'savedSearches' }));
    act(() => backend.emit('dataChanged', { entity: 'warnings' }));
    await waitFor(() => expect(backend.callsTo('dashboardGet').length).toBe(calls + 1));

    const red = within(levels).getAllByRole('button').find((b) => b.textContent?.startsWith('红'))!;
    fireEvent.click(red);
    await waitFor(() => expect(window.location.hash).toBe('#/warnings?level=red&state=new,acknowledged,planned&member=SAU'));
  });
});
