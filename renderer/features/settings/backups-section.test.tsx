import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DATA_ENTITIES } from '../../../shared/contract';
import { versionOf } from '../../stores/data-versions';
import { ACTING_AS_KEY } from '../comments/acting-as';
import { createFakeBackend, makeBackup } from '../../testing/fake-backend';
import { commentsOf } from '../../testing/fake-comments';
import { renderApp } from '../../testing/render-app';

const SETTINGS_ROUTE = { section: 'settings', id: null } as const;

function withBackups() {
  const backend = createFakeBackend();
  backend.backups.backups = [
    makeBackup({ id: '20261121-010000-daily', createdAt: '2026-11-21T01:00:00.000Z', size: 5 * 1024 * 1024, counts: { notifications: 120, comments: 4 } }),
    makeBackup({ id: '20261120-010000-weekly', kind: 'weekly', createdAt: '2026-11-20T01:00:00.000Z', check: { ok: false, message: 'Page 12: btreeInitPage() returns error code 11' } }),
  ];
  return backend;
}

const section = async () => screen.findByRole('region', { name: '备份与恢复' });

describe('settings › backups', () => {
  it('lists each backup with its time, kind, size, contents and check result', async () => {
    renderApp({ backend: withBackups(), route: SETTINGS_ROUTE });
    const table = await within(await section()).findByRole('table', { name: '备份列表' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (i: number) => within(rows[i] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(0).slice(0, 4)).toEqual(['每日', '5.0 MB', '120 条通报，4 份评议意见', '通过']);
    expect(cells(1).slice(0, 1)).toEqual(['每周']);
    expect(cells(1)[3]).toBe('未通过');
    // A backup that failed its check cannot be restored or opened.
    const bad = within(rows[1] as HTMLElement);
    expect((bad.getByRole('button', { name: /^恢复/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(rows[0] as HTMLElement).getByRole('button', { name: /^恢复/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('backs up now, showing the progress the backend reports and the result', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const card = await section();
    expect(await within(card).findByText('还没有备份。')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '立即备份' }));
    expect((await within(card).findByRole('status')).textContent).toBe('正在准备……');
    expect((within(card).getByRole('button', { name: '立即备份' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => backend.backups.progress(50, 200));
    expect(within(card).getByRole('status').textContent).toBe('正在备份…… 25% · 50 / 200');
    expect((within(card).getByRole('progressbar', { name: '备份' }) as HTMLProgressElement).value).toBe(25);
    // The section shows its own backup: the frame's tray does not show it a second time.
    expect(screen.queryByRole('complementary', { name: '正在进行的任务' })).toBeNull();
    act(() => backend.backups.finish(makeBackup({ id: '20261121-060000-manual', kind: 'manual', createdAt: '2026-11-21T06:00:00.000Z' })));
    expect(await screen.findByText('备份已完成：20261121-060000-manual')).toBeTruthy();
    const table = await within(card).findByRole('table', { name: '备份列表' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(backend.callsTo('backupsCreate')).toEqual([{}]);
  });

  it('cancels the backup it started', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const card = await section();
    fireEvent.click(await within(card).findByRole('button', { name: '立即备份' }));
    await within(card).findByRole('status');
    fireEvent.click(within(card).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(backend.callsTo('jobsCancel')).toEqual([{ jobId: backend.backups.jobId }]));
    act(() => backend.backups.finish({ error: { code: 'CANCELLED', message: 'The backup was cancelled; no copy was kept' } }));
    await waitFor(() => expect(within(card).queryByRole('status')).toBeNull());
    expect(within(card).queryByRole('alert')).toBeNull();
    expect((within(card).getByRole('button', { name: '立即备份' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says so when a backup fails its check', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const card = await section();
    fireEvent.click(await within(card).findByRole('button', { name: '立即备份' }));
    await within(card).findByRole('status');
    act(() => backend.backups.finish(makeBackup({ id: '20261121-060000-manual', kind: 'manual', check: { ok: false, message: 'bad' } })));
    expect(await within(card).findByText(/完整性检查未通过/)).toBeTruthy();
  });

  it('restores only after a confirmation that says where the current store goes', async () => {
    window.sessionStorage.setItem(ACTING_AS_KEY, '张敏');
    const backend = withBackups();
    const { store } = renderApp({ backend, route: SETTINGS_ROUTE });
    const card = await section();
    fireEvent.click((await within(card).findAllByRole('button', { name: /^恢复 .* 的备份$/ }))[0]!);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('/tmp/pingyi-fake/replaced');
    expect(dialog.textContent).toContain('不会被覆盖或删除');
    expect(dialog.textContent).toContain('120 条通报，4 份评议意见');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('backupsRestore')).toEqual([]);

    const before = versionOf(store.getState().dataVersions, DATA_ENTITIES);
    commentsOf(backend).analysts[0]!.name = '备份里的名字'; // what the restored store holds
    fireEvent.click(within(card).getAllByRole('button', { name: /^恢复 .* 的备份$/ })[0]!);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '恢复这份备份' }));
    expect(await screen.findByText(/已恢复 20261121-010000-daily；原数据库已移到 \/tmp\/pingyi-fake\/replaced\//)).toBeTruthy();
    expect(backend.backups.restored).toEqual(['20261121-010000-daily']);
    // The backend's change event reloads every view.
    expect(versionOf(store.getState().dataVersions, DATA_ENTITIES)).toBeGreaterThan(before);
    expect(await within(screen.getByRole('banner')).findByRole('option', { name: '备份里的名字', selected: true })).toBeTruthy();
  });

  it('shows what is inside a backup before choosing it', async () => {
    renderApp({ backend: withBackups(), route: SETTINGS_ROUTE });
    const card = await section();
    fireEvent.click((await within(card).findAllByRole('button', { name: /^查看 / }))[0]!);
    const inside = await within(card).findByRole('region', { name: '备份内容（只读查看）' });
    expect(inside.textContent).toContain('G/TBT/N/SAU/1201');
    expect(inside.textContent).toContain('120 条通报，4 份评议意见');
  });

  it('deletes a backup after asking', async () => {
    const backend = withBackups();
    renderApp({ backend, route: SETTINGS_ROUTE });
    const card = await section();
    fireEvent.click((await within(card).findAllByRole('button', { name: /^删除 .* 的备份$/ }))[1]!);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除备份' }));
    await waitFor(() => expect(backend.backups.backups.map((b) => b.id)).toEqual(['20261121-010000-daily']));
  });

  it('explains a folder it cannot use and saves one it can', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const card = await section();
    const input = await within(card).findByLabelText('备份文件夹');
    fireEvent.change(input, { target: { value: 'relative/folder' } });
    fireEvent.click(within(card).getByRole('button', { name: '更改文件夹' }));
    expect((await within(card).findByRole('alert')).textContent).toContain('absolute path');
    fireEvent.change(input, { target: { value: '/mnt/share/pingyi' } });
    fireEvent.click(within(card).getByRole('button', { name: '更改文件夹' }));
    expect(await screen.findByText('备份文件夹已更改为 /mnt/share/pingyi')).toBeTruthy();
    expect(backend.backups.config.folder).toBe('/mnt/share/pingyi');
  });

  it('saves the rotation only when every number is allowed', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const card = await section();
    const daily = await within(card).findByLabelText('每日');
    const save = within(card).getByRole('button', { name: '保存保留份数' }) as HTMLButtonElement;
    fireEvent.change(daily, { target: { value: '0' } });
    expect(daily.getAttribute('aria-invalid')).toBe('true');
    expect(save.disabled).toBe(true);
    fireEvent.change(daily, { target: { value: '14' } });
    fireEvent.change(within(card).getByLabelText('导入前'), { target: { value: '10' } });
    fireEvent.click(save);
    await waitFor(() => expect(backend.backups.config.rotation).toEqual({ daily: 14, weekly: 4, preImport: 10, preMigration: 3 }));
  });

  it('speaks English when the interface does', async () => {
    renderApp({ backend: createFakeBackend({ settings: { locale: 'en' } }), route: SETTINGS_ROUTE });
    const card = await screen.findByRole('region', { name: 'Backups and recovery' });
    expect(within(card).getByRole('button', { name: 'Back up now' })).toBeTruthy();
    expect(await within(card).findByText('No backups yet.')).toBeTruthy();
  });
});
