import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { renderApp } from '../../testing/render-app';

const SETTINGS_ROUTE = { section: 'settings', id: null } as const;

describe('settings', () => {
  it('saves the analyst name and the internal deadline together', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    fireEvent.change(await screen.findByLabelText('分析员姓名'), { target: { value: ' 王评议 ' } });
    fireEvent.change(screen.getByLabelText('内部截止提前工作日'), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect((await screen.findByRole('status')).textContent).toBe('设置已保存');
    expect(backend.callsTo('settingsUpdate')).toEqual([{ analystName: '王评议', internalDeadlineWorkingDays: 8 }]);
    expect(screen.getByRole('banner').textContent).toContain('分析员：王评议');
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
