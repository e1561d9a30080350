import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, type FakeBackend } from '../../testing/fake-backend';
import { FAKE_CREDIT_CODES, makeEnterprise, makeEnterpriseWarning, registryOf } from '../../testing/fake-enterprises';
import { renderApp } from '../../testing/render-app';
import { spyDownloads } from './download-spy';

const ROUTE = { section: 'enterprises', id: null } as const;

function seeded(): FakeBackend {
  const backend = createFakeBackend();
  const registry = registryOf(backend);
  const fish = makeEnterprise();
  const battery = makeEnterprise({
    name: '深圳锂能科技有限公司',
    creditCode: FAKE_CREDIT_CODES[1],
    province: '广东省',
    city: '深圳市',
    industry: '锂离子电池',
    exposure: [
      { uid: '01900000-0000-7000-8000-0000000b0001', hsCode: '850760', market: 'SAU', marketNameZh: '沙特阿拉伯', marketNameEn: 'Saudi Arabia', annualExportUsd: 3_400_000 },
      { uid: '01900000-0000-7000-8000-0000000b0002', hsCode: '850760', market: 'OMN', marketNameZh: '阿曼', marketNameEn: 'Oman', annualExportUsd: null },
    ],
  });
  registry.enterprises.push(fish, battery);
  registry.warnings.push(
    makeEnterpriseWarning(battery, { level: 'red', score: 81 }),
    makeEnterpriseWarning(battery, { level: 'red', score: 72 }),
    makeEnterpriseWarning(battery, { level: 'yellow', score: 35, computedLevel: 'yellow' }),
    makeEnterpriseWarning(battery, { level: 'orange', score: 60, state: 'closed', closeReason: 'handled' }),
  );
  return backend;
}

afterEach(() => vi.restoreAllMocks());

describe('enterprises list', () => {
  it('offers the two ways in when the registry is empty, and downloads the template in the window language', async () => {
    const downloads = spyDownloads();
    const { backend } = renderApp({ route: ROUTE });
    const empty = await screen.findByRole('heading', { name: '登记簿中还没有企业' });
    const box = empty.parentElement as HTMLElement;
    expect(within(box).getByRole('button', { name: '新建企业' })).toBeTruthy();
    expect(within(box).getByRole('button', { name: '导入企业名单' })).toBeTruthy();
    fireEvent.click(within(box).getByRole('button', { name: '下载模板' }));
    await waitFor(() => expect(downloads).toEqual(['企业名单导入模板.xlsx']));
    expect(backend.callsTo('enterprisesTemplate')).toEqual([{ format: 'xlsx', locale: 'zh-CN', inline: true }]);
    expect(await screen.findByText('已下载模板 企业名单导入模板.xlsx')).toBeTruthy();
  });

  it('lists each enterprise with its region, codes, markets, export total and open warnings by colour', async () => {
    renderApp({ backend: seeded(), route: ROUTE });
    const table = await screen.findByRole('table', { name: '企业名单' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('a')?.textContent)).toEqual(['福建海润水产有限公司', '深圳锂能科技有限公司']);
    const cells = within(rows[1] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 7)).toEqual([
      '深圳锂能科技有限公司', FAKE_CREDIT_CODES[1], '广东省深圳市', '锂离子电池', '850760', '沙特阿拉伯、阿曼', '3,400,000',
    ]);
    // The closed orange warning does not count; zeros are left out.
    const counts = within(rows[1] as HTMLElement).getAllByLabelText(/色预警/);
    expect(counts.map((c) => `${c.getAttribute('data-level')} ${c.textContent}`)).toEqual(['red 2', 'yellow 1']);
    expect(counts[0]?.getAttribute('aria-label')).toBe('红色预警 2 条');
  });

  it('searches by HS code and filters by market, and opens an enterprise with Enter', async () => {
    const { backend, store } = renderApp({ backend: seeded(), route: ROUTE });
    await screen.findByRole('table', { name: '企业名单' });
    fireEvent.keyDown(document.body, { key: '/' });
    const search = screen.getByRole('searchbox', { name: '搜索企业' });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: '030389' } });
    await waitFor(() => expect(within(screen.getByRole('table', { name: '企业名单' })).getAllByRole('row')).toHaveLength(2));
    expect(backend.callsTo('enterprisesList').at(-1)).toEqual({ query: '030389', sort: 'name', limit: 500 });

    fireEvent.change(search, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: '市场' }), { target: { value: 'OMN' } });
    const table = await screen.findByRole('table', { name: '企业名单' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('深圳锂能科技有限公司');
    fireEvent.keyDown(row, { key: 'Enter' });
    const uid = registryOf(backend).enterprises[1]?.uid;
    await waitFor(() => expect(store.getState().route).toEqual({ section: 'enterprises', id: null, query: `uid=${uid}` }));
    expect(await screen.findByRole('heading', { name: '深圳锂能科技有限公司' })).toBeTruthy();
  });

  it('says when nothing matches rather than showing the empty registry', async () => {
    renderApp({ backend: seeded(), route: ROUTE });
    await screen.findByRole('table', { name: '企业名单' });
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索企业' }), { target: { value: '不存在的企业' } });
    expect(await screen.findByText('没有符合条件的企业。')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '登记簿中还没有企业' })).toBeNull();
  });

  it('reads in English', async () => {
    const backend = seeded();
    backend.settings.locale = 'en';
    renderApp({ backend, route: ROUTE });
    const table = await screen.findByRole('table', { name: 'Enterprises' });
    const row = within(table).getAllByRole('row')[2] as HTMLElement;
    expect(within(row).getAllByRole('cell')[5]?.textContent).toBe('Saudi Arabia, Oman');
    expect(within(row).getByLabelText('2 Red warnings')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New enterprise' })).toBeTruthy();
  });

  it('reloads when the backend reports a change of the enterprises or their warnings', async () => {
    const backend = seeded();
    renderApp({ backend, route: ROUTE });
    const table = await screen.findByRole('table', { name: '企业名单' });
    const registry = registryOf(backend);
    registry.enterprises.push(makeEnterprise({ name: '新疆棉纺有限公司', creditCode: FAKE_CREDIT_CODES[2], exposure: [] }));
    act(() => backend.emit('dataChanged', { entity: 'enterprises' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    registry.warnings.push(makeEnterpriseWarning(registry.enterprises[0]!, { level: 'blue', computedLevel: 'blue', score: 10 }));
    act(() => backend.emit('dataChanged', { entity: 'warnings' }));
    // 福建海润 had no open warning; now it has one blue.
    await waitFor(() => expect(within(within(table).getAllByRole('row')[1] as HTMLElement).getByLabelText('蓝色预警 1 条')).toBeTruthy());
  });
});
