import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_RULES } from '../../../shared/domain/warning-rules';
import { createFakeBackend } from '../../testing/fake-backend';
import { registryOf } from '../../testing/fake-enterprises';
import { renderApp } from '../../testing/render-app';

const SETTINGS_ROUTE = { section: 'settings', id: null } as const;

describe('warning rules in settings', () => {
  it('adds up the weights as they are typed, refuses more than 100, and saves to start a recomputation', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const section = await screen.findByRole('region', { name: '预警规则' });
    // The section's title shows at once; its fields once the rules have loaded.
    await within(section).findByLabelText('涉及出口额');
    expect(within(section).getByText('企业对措施所涉成员、所涉 HS 编码的年出口额；企业未填报时用海关出口统计')).toBeTruthy();
    expect(within(section).getByText('权重合计：100 / 100')).toBeTruthy();
    const save = within(section).getByRole('button', { name: '保存并重新计算' });

    fireEvent.change(within(section).getByLabelText('涉及出口额'), { target: { value: '30' } });
    expect(within(section).getByRole('alert').textContent).toBe('权重合计为 105，不能超过 100');
    expect((save as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(within(section).getByLabelText('产品匹配'), { target: { value: '15' } });
    expect(within(section).getByText('权重合计：100 / 100')).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('橙色预警起点分'), { target: { value: '75' } });
    expect(within(section).getByRole('alert').textContent).toBe('门槛须从红到橙到黄依次降低');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(section).getByLabelText('橙色预警起点分'), { target: { value: '55' } });
    fireEvent.click(save);

    await waitFor(() => expect(backend.callsTo('warningRulesSave')).toHaveLength(1));
    expect(backend.callsTo('warningRulesSave')[0]).toEqual({
      ...DEFAULT_WARNING_RULES,
      weights: { ...DEFAULT_WARNING_RULES.weights, exposure: 30, match: 15 },
      thresholds: { red: 70, orange: 55, yellow: 30 },
    });
    expect(await within(section).findByRole('progressbar', { name: '重新计算风险预警' })).toBeTruthy();
    act(() => registryOf(backend).finishRecompute(backend.jobs.list(1)[0]?.jobId ?? ''));
    expect(await within(section).findByText('预警已重新计算')).toBeTruthy();
  });

  it('restores the default rules into the form, to be saved', async () => {
    const backend = createFakeBackend();
    registryOf(backend).rules = { ...DEFAULT_WARNING_RULES, weights: { ...DEFAULT_WARNING_RULES.weights, exposure: 10 }, lookbackDays: 90 };
    renderApp({ backend, route: SETTINGS_ROUTE });
    const section = await screen.findByRole('region', { name: '预警规则' });
    // The section's title shows at once; its fields once the rules have loaded.
    await within(section).findByLabelText('涉及出口额');
    expect((within(section).getByLabelText('涉及出口额') as HTMLInputElement).value).toBe('10');
    expect(within(section).getByText('权重合计：85 / 100')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: '恢复默认' }));
    expect((within(section).getByLabelText('涉及出口额') as HTMLInputElement).value).toBe('25');
    expect((within(section).getByLabelText('回溯天数') as HTMLInputElement).value).toBe('365');
    expect(within(section).getByText('权重合计：100 / 100')).toBeTruthy();
    expect(backend.callsTo('warningRulesSave')).toEqual([]);
  });

  it('reads in English with the factor names of the warnings', async () => {
    const backend = createFakeBackend();
    backend.settings.locale = 'en';
    renderApp({ backend, route: SETTINGS_ROUTE });
    const section = await screen.findByRole('region', { name: 'Warning rules' });
    await within(section).findByLabelText('Exports at stake');
    expect(within(section).getByText('Sum of weights: 100 / 100')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Restore defaults' })).toBeTruthy();
  });
});

describe('focus industries in settings', () => {
  it('lists the defaults with their codes and reasons, adds one, and starts a recomputation', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const section = await screen.findByRole('region', { name: '重点产业' });
    const table = await within(section).findByRole('table', { name: '重点产业' });
    const ev = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(ev.textContent).toContain('电动汽车ev · 默认');
    expect(ev.textContent).toContain('870380, 870340');

    fireEvent.click(within(section).getByRole('button', { name: '添加重点产业' }));
    const form = within(section).getByRole('form', { name: '添加重点产业' });
    fireEvent.change(within(form).getByLabelText('代码'), { target: { value: 'ceramics' } });
    fireEvent.change(within(form).getByLabelText('中文名称'), { target: { value: '陶瓷' } });
    fireEvent.change(within(form).getByLabelText('HS 编码（每行一个，或用逗号分隔）'), { target: { value: '6911，6912\n6907.21' } });
    fireEvent.change(within(form).getByLabelText('关键词（每行一个）'), { target: { value: 'Ceramic tableware\n陶瓷餐具' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存并重新计算' }));

    await waitFor(() => expect(within(table).getAllByRole('row').at(-1)?.textContent).toContain('陶瓷'));
    expect(registryOf(backend).focusIndustries.at(-1)).toMatchObject({ code: 'ceramics', hsCodes: ['6911', '6912', '690721'], keywords: ['ceramic tableware', '陶瓷餐具'], builtIn: false });
    expect(await within(section).findByRole('progressbar', { name: '重新计算预警' })).toBeTruthy();
    expect(backend.jobs.list(1)[0]?.input).toEqual({ scope: 'all', reason: 'focusIndustries' });
  });

  it('shows an HS code the backend refuses at its field, and deletes an industry only after asking', async () => {
    const { backend } = renderApp({ route: SETTINGS_ROUTE });
    const section = await screen.findByRole('region', { name: '重点产业' });
    await within(section).findByRole('table', { name: '重点产业' });
    fireEvent.click(within(section).getByRole('button', { name: '添加重点产业' }));
    const form = within(section).getByRole('form', { name: '添加重点产业' });
    fireEvent.change(within(form).getByLabelText('代码'), { target: { value: 'toys' } });
    fireEvent.change(within(form).getByLabelText('中文名称'), { target: { value: '玩具' } });
    fireEvent.change(within(form).getByLabelText('HS 编码（每行一个，或用逗号分隔）'), { target: { value: '9503\n950' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存并重新计算' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('950: an HS chapter (2 digits), heading (4) or line (6 to 10)');

    const before = registryOf(backend).focusIndustries.length;
    fireEvent.click(within(section).getByRole('button', { name: '删除 电动汽车' }));
    const dialog = await screen.findByRole('dialog', { name: '删除重点产业“电动汽车”？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(registryOf(backend).focusIndustries).toHaveLength(before - 1));
    expect(registryOf(backend).focusIndustries.some((f) => f.code === 'ev')).toBe(false);
  });
});
