import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, makeNotification } from '../testing/fake-backend';
import { renderApp } from '../testing/render-app';

const ZH_NAV = ['工作台', '通报', '评议意见', '风险预警', '企业', '报告', '设置'];
const EN_NAV = ['Dashboard', 'Notifications', 'Comments', 'Warnings', 'Enterprises', 'Reports', 'Settings'];

async function navLabels(name: string): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.querySelector('.nav-label')?.textContent ?? '');
}

describe('app frame', () => {
  it('shows the Chinese navigation by default, with the shortcut in each tooltip', async () => {
    renderApp();
    expect(await navLabels('主导航')).toEqual(ZH_NAV);
    const notifications = screen.getByRole('link', { name: '通报' });
    expect(notifications.getAttribute('title')).toBe('通报（Ctrl+2）');
    expect(notifications.getAttribute('aria-keyshortcuts')).toBe('Control+2');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('工作台');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches to English at once and stores the choice', async () => {
    const { backend } = renderApp({ route: { section: 'settings', id: null } });
    const select = await screen.findByLabelText('界面语言');
    fireEvent.change(select, { target: { value: 'en' } });
    expect(await navLabels('Main navigation')).toEqual(EN_NAV);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings');
    expect(backend.callsTo('settingsUpdate')).toContainEqual({ locale: 'en' });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('opens in English when that is the stored setting', async () => {
    renderApp({ backend: createFakeBackend({ settings: { locale: 'en' } }) });
    expect(await navLabels('Main navigation')).toEqual(EN_NAV);
  });

  it('goes back to the previous language when saving the choice fails', async () => {
    const backend = createFakeBackend();
    backend.failures.settingsUpdate = { code: 'INTERNAL', message: 'disk full' };
    renderApp({ backend, route: { section: 'settings', id: null } });
    fireEvent.change(await screen.findByLabelText('界面语言'), { target: { value: 'en' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('disk full');
    expect(await navLabels('主导航')).toEqual(ZH_NAV);
  });

  it('Ctrl+2 opens the notifications and Ctrl+3 the comments', async () => {
    renderApp();
    await screen.findByRole('navigation');
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', ctrlKey: true });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('通报');
    expect(window.location.hash).toBe('#/notifications');
    fireEvent.keyDown(window, { key: '3', code: 'Digit3', metaKey: true });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('评议意见');
    expect(await screen.findByRole('navigation', { name: '评议意见分区' })).toBeTruthy();
  });

  it('follows the address bar when the hash changes', async () => {
    renderApp();
    await screen.findByRole('navigation');
    act(() => {
      window.location.hash = '#/reports';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('报告');
    expect(screen.getByRole('link', { name: '报告' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows a start-up error screen when the database is from a newer version', async () => {
    const backend = createFakeBackend();
    backend.failures.appInfo = { code: 'DB_TOO_NEW', message: 'The database has schema version 90; this version knows 30' };
    renderApp({ backend });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('无法打开技贸评议工作台');
    expect(alert.textContent).toContain('DB_TOO_NEW');
    expect(alert.textContent).toContain('schema version 90');
    expect(alert.textContent).toContain('请安装最新版本');
    expect(screen.queryByRole('navigation')).toBeNull();

    delete backend.failures.appInfo;
    fireEvent.click(screen.getByRole('button', { name: '重新尝试' }));
    expect(await screen.findByRole('navigation')).toBeTruthy();
  });

  it('shows a failed call as code and message in a banner that can be dismissed', async () => {
    const backend = createFakeBackend();
    backend.failures.settingsUpdate = { code: 'VALIDATION', message: 'internalDeadlineWorkingDays: too big' };
    renderApp({ backend, route: { section: 'settings', id: null } });
    fireEvent.click(await screen.findByRole('button', { name: '保存设置' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('输入有误');
    expect(alert.textContent).toContain('VALIDATION');
    expect(alert.textContent).toContain('internalDeadlineWorkingDays: too big');
    fireEvent.click(within(alert).getByRole('button', { name: '关闭错误提示' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reloads the counts when the backend reports changed data', { timeout: 30_000 }, async () => {
    const { backend } = renderApp();
    // The dashboard of an empty store says so; its figures come once there are notifications.
    await screen.findByRole('heading', { name: '还没有通报' });
    backend.notifications.push(makeNotification({ id: 1, symbol: 'G/TBT/N/KAZ/1', source: 'eping' }));
    act(() => backend.emit('dataChanged', { entity: 'notifications' }));
    await waitFor(() => expect(screen.getByRole('group', { name: '期间通报' }).querySelector('.stat-value')?.textContent).toBe('1'), { timeout: 10_000 });
  });
});

describe('section failures', () => {
  it('keep the navigation usable when one section cannot render', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 3, symbol: 'G/TBT/N/KAZ/3' })] });
    // A record missing a part the view relies on, as an out-of-step backend might send.
    const broken = backend.notifications[0] as unknown as Record<string, unknown>;
    delete broken.triage;
    backend.uncheckedOutputs.add('notificationsGet');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp({ backend, route: { section: 'notifications', id: 3 } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('这一部分无法显示');
    fireEvent.click(screen.getByRole('link', { name: '设置' }));
    expect(await screen.findByLabelText('内部截止提前工作日')).toBeTruthy();
    quiet.mockRestore();
  });
});
