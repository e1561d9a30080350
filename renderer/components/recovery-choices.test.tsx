import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, makeBackup, type FakeBackend } from '../testing/fake-backend';
import { renderApp } from '../testing/render-app';

const PROBLEM = { code: 'DB_CORRUPT' as const, message: 'Cannot open the database at /tmp/pingyi-fake/pingyi.sqlite3: file is not a database' };

function inRecovery(withBackup: boolean): FakeBackend {
  const backend = createFakeBackend();
  backend.failures.appInfo = PROBLEM;
  const newest = makeBackup({ id: '20261120-010000-daily', createdAt: '2026-11-20T01:00:00.000Z', counts: { notifications: 120, comments: 4 } });
  backend.backups.recovery = {
    ...backend.backups.recovery,
    mode: 'recovery',
    problem: PROBLEM,
    newestGood: withBackup ? newest : null,
    choices: withBackup ? ['restore-newest', 'read-only', 'quit'] : ['read-only', 'quit'],
  };
  backend.backups.onRecovered = () => delete backend.failures.appInfo;
  return backend;
}

describe('start-up recovery', () => {
  it('offers restore, read-only and quit for a damaged store, and restoring starts the app', async () => {
    const backend = inRecovery(true);
    renderApp({ backend });
    const choices = await screen.findByRole('group', { name: '数据库无法打开' });
    expect(choices.textContent).toContain('/tmp/pingyi-fake/pingyi.sqlite3');
    expect(choices.textContent).toContain('120 条通报，4 份评议意见');
    expect(choices.textContent).toContain('损坏的数据库会先移到 /tmp/pingyi-fake/replaced，不会删除');
    expect(screen.getByRole('button', { name: '以只读方式打开' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '退出' })).toBeTruthy();
    // The in-app advice (restore from Settings) would point where the analyst cannot go yet.
    expect(document.body.textContent).not.toContain('设置 › 备份');
    const askedBefore = backend.callsTo('recoveryStatus').length;
    fireEvent.click(screen.getByRole('button', { name: '恢复最新的备份' }));
    expect(await screen.findByRole('navigation')).toBeTruthy();
    expect(backend.backups.chosen).toEqual(['restore-newest']);
    // Once the open app has asked how the store is open and had its answer, no read-only note.
    await waitFor(() => expect(backend.callsTo('recoveryStatus').length).toBeGreaterThan(askedBefore));
    await act(async () => {});
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('opens read-only with a banner saying no change will be saved', async () => {
    const backend = inRecovery(false);
    renderApp({ backend });
    await screen.findByRole('group', { name: '数据库无法打开' });
    expect(screen.queryByRole('button', { name: '恢复最新的备份' })).toBeNull();
    expect(screen.getByText('没有通过检查的备份可以恢复。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '以只读方式打开' }));
    expect((await screen.findByRole('note')).textContent).toContain('只读模式');
  });

  it('quits when asked, and says the page can be closed', async () => {
    const backend = inRecovery(true);
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: '退出' }));
    await waitFor(() => expect(backend.backups.chosen).toEqual(['quit']));
    expect(await screen.findByText('工作台已退出，可以关闭此页面。')).toBeTruthy();
  });

  it('shows no recovery choices for a store from a newer version', async () => {
    const backend = createFakeBackend();
    backend.failures.appInfo = { code: 'DB_TOO_NEW', message: 'newer' };
    renderApp({ backend });
    expect(await screen.findByText(/更新版本/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: '数据库无法打开' })).toBeNull();
  });
});
