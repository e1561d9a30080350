import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../testing/fake-backend';
import { renderApp } from '../testing/render-app';

const DAMAGED = { status: 'damaged', reason: 'quick check: Tree 7 page 31: btreeInitPage() returns error code 11', detectedAt: '2026-11-21T06:00:00.000Z', lastCheck: null } as const;

describe('a damaged store', () => {
  it('shows a lasting banner at start that leads to Settings', async () => {
    const backend = createFakeBackend();
    backend.storeHealth = { ...DAMAGED };
    renderApp({ backend });
    const banner = await screen.findByRole('alert', { name: '数据库已损坏，目前为只读' });
    expect(banner.textContent).toContain('设置 › 备份');
    expect(within(banner).queryByRole('button', { name: '关闭' })).toBeNull();
    fireEvent.click(within(banner).getByRole('button', { name: '前往设置' }));
    expect(await screen.findByRole('heading', { level: 1, name: '设置' })).toBeTruthy();
  });

  it('goes when the store is sound again after a change of data (a restore), also once the error was dismissed', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'settings', id: null } });
    fireEvent.change(await screen.findByLabelText('内部截止提前工作日'), { target: { value: '8' } });
    backend.failures.settingsUpdate = { code: 'DB_CORRUPT', message: 'The store is damaged, so nothing more is written to it.' };
    backend.storeHealth = { ...DAMAGED };
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByRole('alert', { name: '数据库已损坏，目前为只读' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '关闭错误提示' }));
    delete backend.failures.settingsUpdate;
    backend.storeHealth = { status: 'ok', reason: null, detectedAt: null, lastCheck: null };
    act(() => backend.emit('dataChanged', { entity: '*' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: '数据库已损坏，目前为只读' })).toBeNull());
  });

  it('says the same in English', async () => {
    const backend = createFakeBackend({ settings: { locale: 'en' } });
    backend.storeHealth = { ...DAMAGED };
    renderApp({ backend });
    expect((await screen.findByRole('alert', { name: 'The store is damaged and now read-only' })).textContent).toContain('Settings › Backups');
  });

  it('appears when a call comes back DB_CORRUPT, with what to do under the error', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'settings', id: null } });
    fireEvent.change(await screen.findByLabelText('内部截止提前工作日'), { target: { value: '8' } });
    backend.failures.settingsUpdate = { code: 'DB_CORRUPT', message: 'The store is damaged, so nothing more is written to it.' };
    backend.storeHealth = { ...DAMAGED };
    expect(screen.queryByRole('alert', { name: '数据库已损坏，目前为只读' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByRole('alert', { name: '数据库已损坏，目前为只读' })).toBeTruthy();
    await waitFor(() => expect(document.body.textContent).toContain('请在“设置 › 备份”中恢复最近的完好备份'));
  });
});

describe('checking the store from Settings', () => {
  it('says when the last check ran, as a date and time in the interface language', async () => {
    const backend = createFakeBackend();
    backend.storeHealth = { status: 'ok', reason: null, detectedAt: null, lastCheck: { kind: 'full', ok: true, problems: [], at: '2026-11-21T06:00:00.000Z', ms: 812 } };
    renderApp({ backend, route: { section: 'settings', id: null } });
    const box = await screen.findByRole('region', { name: '数据库检查' });
    await waitFor(() => expect(box.textContent).toContain('上次检查：2026年11月21日 06:00'));
    expect(box.textContent).not.toContain('T06:00:00');
  });

  it('runs the full check on demand and shows that it passed', async () => {
    const { backend } = renderApp({ route: { section: 'settings', id: null } });
    const box = await screen.findByRole('region', { name: '数据库检查' });
    fireEvent.click(within(box).getByRole('button', { name: '立即检查数据库' }));
    expect((await within(box).findByRole('status')).textContent).toBe('检查通过：数据库完好（完整检查，用时 1234 毫秒）。');
    expect(backend.callsTo('storeCheck')).toEqual([{ full: true }]);
  });

  it('lists what a failed check found and raises the damage banner', async () => {
    const backend = createFakeBackend();
    backend.nextCheck = { ok: false, problems: ['*** in database main ***', 'Tree 7 page 31: btreeInitPage() returns error code 11'] };
    renderApp({ backend, route: { section: 'settings', id: null } });
    const box = await screen.findByRole('region', { name: '数据库检查' });
    fireEvent.click(within(box).getByRole('button', { name: '立即检查数据库' }));
    const status = await within(box).findByRole('status');
    expect(status.textContent).toContain('检查发现损坏（完整检查）');
    expect(within(status).getAllByRole('listitem').map((li) => li.textContent)).toEqual(backend.nextCheck.problems);
    expect(await screen.findByRole('alert', { name: '数据库已损坏，目前为只读' })).toBeTruthy();
  });
});
