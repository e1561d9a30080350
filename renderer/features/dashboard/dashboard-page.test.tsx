import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, makeNotification } from '../../testing/fake-backend';
import { renderApp } from '../../testing/render-app';

const statValue = (label: string): string | null | undefined =>
  screen.getByRole('group', { name: label }).querySelector('.stat-value')?.textContent;

// The page draws its charts with ECharts (SVG) in jsdom: slower than a plain page on a busy machine.
const SLOW = { timeout: 10_000 };

describe('dashboard', { timeout: 30_000 }, () => {
  it('offers the demo data on a first run and loads it when asked', async () => {
    const { backend } = renderApp();
    const offer = await screen.findByRole('region', { name: '第一次使用？' });
    expect(await screen.findByRole('heading', { name: '还没有通报' })).toBeTruthy();

    fireEvent.click(within(offer).getByRole('button', { name: '加载示例数据' }));

    expect((await screen.findByText('已加载 2 条示例通报。', {}, SLOW)).textContent).toBeTruthy();
    expect(backend.callsTo('demoLoad')).toEqual([{}]);
    await waitFor(() => expect(statValue('期间通报')).toBe('2'), SLOW);
    expect(screen.queryByRole('region', { name: '第一次使用？' })).toBeNull();
    expect(backend.settings.demoOffered).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '查看通报' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('通报');
  });

  it('stops offering the demo data once declined', async () => {
    const { backend } = renderApp();
    const offer = await screen.findByRole('region', { name: '第一次使用？' });
    fireEvent.click(within(offer).getByRole('button', { name: '不用了' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '第一次使用？' })).toBeNull());
    expect(backend.callsTo('settingsUpdate')).toEqual([{ demoOffered: true }]);
    expect(backend.callsTo('demoLoad')).toEqual([]);
  });

  it('does not offer the demo data when notifications are already there', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/KAZ/1', source: 'eping' })] });
    renderApp({ backend });
    const backendNotification = backend.notifications[0]!;
    expect(backendNotification.distributionDate).toBe('2026-11-01');
    await screen.findByRole('group', { name: '期间通报' }, SLOW);
    expect(statValue('期间通报')).toBe('1');
    expect(screen.queryByRole('region', { name: '第一次使用？' })).toBeNull();
  });

  it('shows the load failure and keeps the offer', async () => {
    const backend = createFakeBackend();
    backend.failures.demoLoad = { code: 'CONFLICT', message: 'an import is running' };
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: '加载示例数据' }));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toContain('an import is running');
    expect(screen.getByRole('region', { name: '第一次使用？' })).toBeTruthy();
  });
});
