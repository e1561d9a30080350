import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { FAKE_CREDIT_CODES, makeEnterprise, registryOf } from '../../testing/fake-enterprises';
import { renderApp } from '../../testing/render-app';

const ROUTE = { section: 'enterprises', id: null } as const;

async function openForm(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const backend = createFakeBackend();
  backend.settings.locale = locale;
  const rendered = renderApp({ backend, route: ROUTE });
  await screen.findByRole('heading', { name: locale === 'en' ? 'No enterprises in the registry yet' : '登记簿中还没有企业' });
  fireEvent.keyDown(document.body, { key: 'n' });
  const dialog = await screen.findByRole('dialog', { name: locale === 'en' ? 'New enterprise' : '新建企业' });
  return { ...rendered, dialog };
}

describe('enterprise form', () => {
  it('checks the credit code while it is typed, giving the GB 32100 reason', async () => {
    const { dialog, backend } = await openForm();
    const code = within(dialog).getByLabelText('统一社会信用代码');
    fireEvent.change(code, { target: { value: '91350100M000100Y4' } });
    expect(within(dialog).getByRole('alert').textContent).toBe('统一社会信用代码应为 18 位，现为 17 位');
    fireEvent.change(code, { target: { value: '91350100M000100Y45' } });
    expect(within(dialog).getByRole('alert').textContent).toBe('校验码应为 3，不是 5（GB 32100—2015）');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(code, { target: { value: '91350100M000I00Y43' } });
    expect(within(dialog).getByRole('alert').textContent).toContain('第 13 位“I”不能用于统一社会信用代码');
    // Lower case and blanks are what people paste; the code is still valid.
    fireEvent.change(code, { target: { value: '91350100m000100y4 3' } });
    expect(within(dialog).queryByRole('alert')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('必填')).toBeTruthy();
    expect(backend.callsTo('enterprisesSave')).toEqual([]);
  });

  it('gives the credit-code reason in English too', async () => {
    const { dialog } = await openForm('en');
    fireEvent.change(within(dialog).getByLabelText('Unified social credit code'), { target: { value: '91350100M000100Y45' } });
    expect(within(dialog).getByRole('alert').textContent).toBe('The check character should be 3, not 5 (GB 32100-2015)');
  });

  it('saves an enterprise with a contact and a GCC line, which the backend expands to its members, and opens its page', async () => {
    const { dialog, backend, store } = await openForm();
    fireEvent.change(within(dialog).getByLabelText('企业名称'), { target: { value: '厦门海鲜出口有限公司' } });
    fireEvent.change(within(dialog).getByLabelText('统一社会信用代码'), { target: { value: FAKE_CREDIT_CODES[2] } });
    fireEvent.change(within(dialog).getByLabelText('省份'), { target: { value: '福建省' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加联系人' }));
    fireEvent.change(within(dialog).getByLabelText('联系人姓名'), { target: { value: '陈静' } });
    fireEvent.change(within(dialog).getByLabelText('电子邮箱'), { target: { value: 'chen@example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加一行' }));
    fireEvent.change(within(dialog).getByLabelText('HS 编码'), { target: { value: '0303.89' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: '市场' }), { target: { value: 'GCC' } });
    fireEvent.change(within(dialog).getByLabelText('年出口额（美元）'), { target: { value: '800,000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('enterprisesSave')).toEqual([
      {
        name: '厦门海鲜出口有限公司', creditCode: FAKE_CREDIT_CODES[2], province: '福建省', city: '', industry: '',
        contacts: [{ person: '陈静', phone: '', email: 'chen@example.com' }], notes: '',
        exposure: [{ hsCode: '0303.89', market: 'GCC', annualExportUsd: 800000 }],
      },
    ]);
    const saved = registryOf(backend).enterprises[0];
    expect(saved?.exposure.map((l) => `${l.hsCode} ${l.market}`)).toEqual(['030389 SAU', '030389 OMN']);
    await waitFor(() => expect(store.getState().route.query).toBe(`uid=${saved?.uid}`));
    const exposure = await screen.findByRole('table', { name: '出口产品与市场' });
    expect(within(exposure).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['阿曼 OMN030389800,000', '沙特阿拉伯 SAU030389800,000']);
  });

  it('shows a credit code another enterprise has at the field, and the backend refusal of a field at that field', async () => {
    const { dialog, backend } = await openForm();
    registryOf(backend).enterprises.push(makeEnterprise());
    fireEvent.change(within(dialog).getByLabelText('企业名称'), { target: { value: '另一家公司' } });
    const code = within(dialog).getByLabelText('统一社会信用代码');
    fireEvent.change(code, { target: { value: FAKE_CREDIT_CODES[0] } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('登记簿中已有使用此代码的企业');
    expect(code.getAttribute('aria-describedby')).toBe(alert.id);

    fireEvent.change(code, { target: { value: FAKE_CREDIT_CODES[1] } });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: '添加一行' }));
    fireEvent.change(within(dialog).getByLabelText('HS 编码'), { target: { value: '03' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: '市场' }), { target: { value: 'KAZ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    // The contract refuses an HS code of two digits; the answer names exposure.0.hsCode.
    expect((await within(dialog).findByRole('alert')).textContent).toBe('an HS code of a product has 6 to 10 digits');
    expect(within(dialog).getByLabelText('HS 编码').getAttribute('aria-invalid')).toBe('true');
    expect(registryOf(backend).enterprises).toHaveLength(1);
  });

  it('asks before closing with unsaved edits', async () => {
    const { dialog } = await openForm();
    fireEvent.change(within(dialog).getByLabelText('企业名称'), { target: { value: '未保存的公司' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    const question = await screen.findByRole('dialog', { name: '有未保存的修改' });
    expect(question.textContent).toContain('企业信息的修改还没有保存');
    fireEvent.click(within(question).getByRole('button', { name: '继续编辑' }));
    expect(screen.getByRole('dialog', { name: '新建企业' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog', { name: '新建企业' })).getByRole('button', { name: '取消' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: '有未保存的修改' })).getByRole('button', { name: '放弃修改' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks before leaving the section with unsaved edits, saying what would be lost', async () => {
    const { dialog, store } = await openForm();
    fireEvent.change(within(dialog).getByLabelText('企业名称'), { target: { value: '未保存的公司' } });
    act(() => store.getState().navigate({ section: 'notifications', id: null }));
    const question = await screen.findByRole('dialog', { name: '有未保存的修改' });
    expect(question.textContent).toContain('企业信息的修改还没有保存，离开后这些修改将丢失。');
    expect(store.getState().route.section).toBe('enterprises');
    fireEvent.click(within(question).getByRole('button', { name: '放弃修改并离开' }));
    await waitFor(() => expect(store.getState().route.section).toBe('notifications'));
  });
});
