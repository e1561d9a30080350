import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { makeEnterprise, makeEnterpriseWarning, makeLetter, registryOf } from '../../testing/fake-enterprises';
import { renderApp } from '../../testing/render-app';
import { spyDownloads } from './download-spy';

function withEnterprise() {
  const backend = createFakeBackend();
  const registry = registryOf(backend);
  const enterprise = makeEnterprise();
  registry.enterprises.push(enterprise);
  const red = makeEnterpriseWarning(enterprise, { score: 78 });
  const blue = makeEnterpriseWarning(enterprise, {
    score: 12, level: 'blue', computedLevel: 'blue', state: 'acknowledged',
    measure: { ...red.measure, key: 'base:G/TBT/N/KAZ/9302', symbols: ['G/TBT/N/KAZ/9302'], title: 'Labelling of fish products', titleZh: null },
  });
  registry.warnings.push(blue, red);
  registry.letters.push(makeLetter(enterprise, { warningUids: [red.uid] }));
  registry.history.set(enterprise.uid, [
    { at: '2026-11-20T02:00:00.000Z', by: '李强', field: 'province', line: null, oldValue: '浙江省', newValue: '福建省', importId: 7 },
  ]);
  const route = { section: 'enterprises', id: null, query: `uid=${enterprise.uid}` } as const;
  return { backend, enterprise, red, blue, route };
}

afterEach(() => vi.restoreAllMocks());

describe('enterprise page', () => {
  it('shows the header, the products by market and the warnings highest first; a warning opens in the inbox', async () => {
    const { backend, route, red } = withEnterprise();
    const { store } = renderApp({ backend, route });
    expect(await screen.findByRole('heading', { name: '福建海润水产有限公司' })).toBeTruthy();
    expect(screen.getByText('91350100M000100Y43')).toBeTruthy();
    expect(screen.getByText('福建省福州市')).toBeTruthy();
    expect(screen.getByText('林海 · 0591-8888 0001 · export@hairun.example')).toBeTruthy();
    const exposure = screen.getByRole('table', { name: '出口产品与市场' });
    expect(within(exposure).getAllByRole('row')[1]?.textContent).toBe('哈萨克斯坦 KAZ0303891,250,000');

    const warnings = await screen.findByRole('table', { name: '涉及的风险预警' });
    const rows = within(warnings).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '红色78G/SPS/N/KAZ/9301 鱼类及水产品污染物最大限量新预警',
      '蓝色12G/TBT/N/KAZ/9302 Labelling of fish products已确认',
    ]);
    fireEvent.click(rows[0] as HTMLElement);
    expect(store.getState().route).toEqual({ section: 'warnings', id: null, query: `uid=${red.uid}` });
  });

  it('lists the history with who changed what, and the import that did', async () => {
    const { backend, route } = withEnterprise();
    renderApp({ backend, route });
    const history = await screen.findByRole('table', { name: '修改记录' });
    const row = within(history).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getAllByRole('cell').slice(1).map((c) => c.textContent)).toEqual(['李强导入 #7', '省份', '浙江省', '福建省']);
  });

  it('makes a letter as a download and records its delivery and acknowledgement', async () => {
    const downloads = spyDownloads();
    const { backend, route, red } = withEnterprise();
    renderApp({ backend, route });
    const letters = await screen.findByRole('region', { name: '已生成的预警函' });
    fireEvent.click(within(letters).getByRole('button', { name: '生成预警函（PDF）' }));
    await waitFor(() => expect(downloads).toEqual([expect.stringMatching(/^预警函-福建海润水产有限公司.*\.pdf$/)]));
    expect(backend.callsTo('warningLettersMake')).toEqual([{ enterpriseUid: registryOf(backend).enterprises[0]?.uid, format: 'pdf', inline: true }]);
    // The blue warning is not written about by default.
    expect(registryOf(backend).letters[0]?.warningUids).toEqual([red.uid]);

    const table = await within(letters).findByRole('table', { name: '已生成的预警函' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const older = within(table).getAllByRole('row')[2] as HTMLElement;
    fireEvent.click(within(older).getByRole('button', { name: '记录送达' }));
    const form = within(letters).getByRole('form', { name: '记录送达' });
    fireEvent.change(within(form).getByLabelText('方式'), { target: { value: 'post' } });
    fireEvent.change(within(form).getByLabelText('说明'), { target: { value: 'EMS 1234' } });
    fireEvent.click(within(form).getByRole('button', { name: '记录' }));
    await waitFor(() => expect(within(older).getAllByRole('cell')[2]?.textContent).toBe('2026年11月21日 经邮寄送达'));
    const uid = registryOf(backend).letters[1]?.uid;
    expect(backend.callsTo('warningLettersRecordDelivery')).toEqual([{ uid, date: '2026-11-21', channel: 'post', note: 'EMS 1234' }]);

    fireEvent.click(within(older).getByRole('button', { name: '记录确认' }));
    fireEvent.click(within(within(letters).getByRole('form', { name: '记录确认' })).getByRole('button', { name: '记录' }));
    await waitFor(() => expect(within(older).getAllByRole('cell')[3]?.textContent).toBe('2026年11月21日 已确认'));
  });

  it('asks before deleting, saying how many open warnings will close, then goes back to the list', async () => {
    const { backend, route } = withEnterprise();
    const { store } = renderApp({ backend, route });
    fireEvent.click(await screen.findByRole('button', { name: '删除企业' }));
    const dialog = await screen.findByRole('dialog', { name: '删除“福建海润水产有限公司”？' });
    expect(dialog.textContent).toContain('它的 2 条未关闭预警将以“企业已删除”关闭');
    fireEvent.click(within(dialog).getByRole('button', { name: '删除企业' }));
    await waitFor(() => expect(store.getState().route).toEqual({ section: 'enterprises', id: null }));
    expect(registryOf(backend).enterprises).toEqual([]);
    expect(registryOf(backend).warnings.map((w) => `${w.state} ${w.closeReason}`)).toEqual(['closed enterpriseRemoved', 'closed enterpriseRemoved']);
  });

  it('edits the enterprise in place and shows the change in its history', async () => {
    const { backend, route } = withEnterprise();
    renderApp({ backend, route });
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    const dialog = await screen.findByRole('dialog', { name: '编辑企业：福建海润水产有限公司' });
    fireEvent.change(within(dialog).getByLabelText('行业'), { target: { value: '冷冻鱼类' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const history = await screen.findByRole('table', { name: '修改记录' });
    await waitFor(() => expect(within(history).getAllByRole('row')[1]?.textContent).toContain('水产品加工冷冻鱼类'));
  });

  it('says so when the enterprise is gone', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'enterprises', id: null, query: 'uid=01900000-0000-7000-8000-0000000fffff' } });
    expect((await screen.findByRole('alert')).textContent).toContain('找不到该企业，可能已被删除。');
  });
});
