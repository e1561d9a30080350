import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { renderApp } from '../../testing/render-app';

const SETTINGS_ROUTE = { section: 'settings', id: null } as const;

describe('settings', () => {
  it('saves the internal deadline; who acts is chosen in the header, not here', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    fireEvent.change(await screen.findByLabelText('内部截止提前工作日'), { target: { value: '8' } });
    expect(screen.queryByLabelText('分析员姓名')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect((await screen.findByRole('status')).textContent).toBe('设置已保存');
    expect(backend.callsTo('settingsUpdate')).toEqual([{ internalDeadlineWorkingDays: 8 }]);
    expect(within(screen.getByRole('banner')).getByLabelText('当前身份')).toBeTruthy();
  });

  it('adds a pasted holiday schedule only when every line reads, and puts back a removed day', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const calendar = await screen.findByRole('region', { name: '工作日历（节假日与调休）' });
    expect(calendar.textContent).toContain('目前按周一至周五计算工作日');
    const paste = within(calendar).getByLabelText('粘贴安排');

    fireEvent.change(paste, { target: { value: '2026-10-01 至 2026-10-03 休 国庆节\n2026-09-27 上午 调休' } });
    fireEvent.click(within(calendar).getByRole('button', { name: '添加' }));
    const alert = await within(calendar).findByRole('alert');
    expect(alert.textContent).toContain('有 1 行无法识别，未作任何修改');
    expect(alert.textContent).toContain('第 2 行“2026-09-27 上午 调休”：“上午”既不是“休”也不是“班”');
    expect(backend.callsTo('settingsUpdate')).toEqual([]);

    fireEvent.change(paste, { target: { value: '2026-10-01 至 2026-10-03 休 国庆节\n2026-09-27 班 调休' } });
    fireEvent.click(within(calendar).getByRole('button', { name: '添加' }));
    expect((await within(calendar).findByRole('status')).textContent).toBe('已添加或更新 4 天。');
    expect(backend.settings.workCalendar.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-09-27 workday', '2026-10-01 holiday', '2026-10-02 holiday', '2026-10-03 holiday',
    ]);
    const table = within(calendar).getByRole('table', { name: '节假日与调休安排' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('2026-09-27周日班调休删除');

    fireEvent.click(within(calendar).getByRole('button', { name: '删除 2026-10-02 的安排' }));
    expect(await within(calendar).findByText('已删除 2026-10-02 的安排。', { exact: false })).toBeTruthy();
    expect(backend.settings.workCalendar.map((d) => d.date)).toEqual(['2026-09-27', '2026-10-01', '2026-10-03']);
    fireEvent.click(within(calendar).getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(backend.settings.workCalendar.map((d) => d.date)).toEqual(['2026-09-27', '2026-10-01', '2026-10-02', '2026-10-03']));
    expect(backend.settings.workCalendar[2]).toEqual({ date: '2026-10-02', kind: 'holiday', note: '国庆节' });
  });

  it('lists the SCO countries with code, names, status and blocs in the backend order', async () => {
    renderApp({ route: SETTINGS_ROUTE });
    const table = await screen.findByRole('table', { name: '上合组织国家参考表' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('code')?.textContent)).toEqual(['CHN', 'KAZ', 'SAU', 'OMN']);
    const saudi = within(rows[2] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(saudi).toEqual(['SAU', '沙特阿拉伯', 'Saudi Arabia', 'Saudi Arabia, Kingdom of', '伙伴国', '是', 'GCC']);
    const oman = within(rows[3] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(oman[4]).toBe('—');
  });

  it('shows version, data folder and schema version in the About box', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: SETTINGS_ROUTE });
    const about = await screen.findByRole('region', { name: '关于' });
    expect(about.textContent).toContain('0.1.0-test');
    expect(about.textContent).toContain('/tmp/pingyi-fake');
    expect(about.textContent).toContain('30（本版本支持 30）');
  });
});
