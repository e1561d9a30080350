import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { commentsOf } from '../../testing/fake-comments';
import { FAKE_ENTERPRISES, FAKE_WARNING_UIDS, warningsOf } from '../../testing/fake-warnings';
import { renderApp } from '../../testing/render-app';

function open(uid: string = FAKE_WARNING_UIDS.batteries, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const backend = createFakeBackend({ settings: { locale } });
  warningsOf(backend).seed();
  const app = renderApp({ backend, route: { section: 'warnings', id: null, query: `uid=${uid}` } });
  return { backend, app };
}

const panel = async (name = '预警详情'): Promise<HTMLElement> => {
  const aside = await screen.findByRole('complementary', { name });
  // The panel opens at once; its warning arrives a moment later.
  await within(aside).findByRole('region', { name: /评分依据|Why this score/ });
  return aside;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a warning beside the inbox', () => {
  it('explains the score: every factor with what it found, its points out of its most, the quoted words, and a sum that is the score', async () => {
    const { backend } = open();
    const aside = await panel();
    const explanation = await within(aside).findByRole('region', { name: '评分依据' });
    const rows = within(explanation).getAllByRole('row').filter((r) => r.hasAttribute('data-factor'));
    const warning = warningsOf(backend).warnings.find((w) => w.uid === FAKE_WARNING_UIDS.batteries)!;
    expect(rows.map((r) => r.getAttribute('data-factor'))).toEqual(warning.factors.map((f) => f.key));
    const points = rows.map((r) => Number(r.querySelector('[data-points]')?.getAttribute('data-points')));
    const sum = points.reduce((a, b) => a + b, 0);
    expect(sum).toBe(warning.score);
    expect(within(explanation).getByTestId('warning-sum').textContent).toBe(String(warning.score));
    expect(within(explanation).getByText(`合计 ${warning.score} 分，即得分 ${warning.score}`)).toBeTruthy();
    expect(within(aside).getByText(`得分 ${warning.score}`)).toBeTruthy();

    const exposure = rows[0]!;
    expect(exposure.textContent).toContain('涉及出口额');
    expect(exposure.textContent).toContain('沙特阿拉伯出口额 5,000,000 美元');
    expect(exposure.textContent).toContain('25 / 25');
    const nature = rows.find((r) => r.getAttribute('data-factor') === 'nature')!;
    expect(nature.textContent).toContain('强制合格评定或认证');
    expect(nature.textContent).toContain('“mandatory certification of conformity”');
    expect(nature.textContent).toContain('G/TBT/N/SAU/1201 · 描述');
    expect(exposure.textContent).toContain('（企业填报）');
    expect(rows.find((r) => r.getAttribute('data-factor') === 'match')!.textContent).toContain('HS 850760 与措施的 850760 同一子目');
    expect(rows.find((r) => r.getAttribute('data-factor') === 'focusIndustry')!.textContent).toContain('属于重点产业：锂电池');
    expect(rows.find((r) => r.getAttribute('data-factor') === 'commentWindow')!.textContent).toContain('距评议截止 30 天');

    const matches = within(aside).getByRole('heading', { name: '匹配的产品和市场' }).parentElement!;
    expect(matches.textContent).toContain('850760');
    expect(matches.textContent).toContain('子目（直接）');
    expect(matches.textContent).toContain('企业填报');
    expect(within(aside).getByRole('link', { name: '打开通报' }).getAttribute('href')).toBe('#/notifications/1');
  });

  it('shows a factor code the window does not know with its parameters rather than hiding it', async () => {
    const backend = createFakeBackend();
    warningsOf(backend).seed();
    const tea = warningsOf(backend).warnings.find((w) => w.uid === FAKE_WARNING_UIDS.tea)!;
    tea.factors[6] = { ...tea.factors[6]!, value: 'quarterly', params: { months: 3 } };
    renderApp({ backend, route: { section: 'warnings', id: null, query: `uid=${FAKE_WARNING_UIDS.tea}` } });
    const aside = await panel();
    const row = (await within(aside).findAllByRole('row')).find((r) => r.getAttribute('data-factor') === 'shortInterval')!;
    expect(row.textContent).toContain('quarterly (months 3)');
  });

  it('acknowledges a new warning as the acting analyst', async () => {
    const { backend } = open();
    const aside = await panel();
    fireEvent.click(await within(aside).findByRole('button', { name: '确认' }));
    await waitFor(() => expect(backend.callsTo('warningsTransition')).toEqual([{ uid: FAKE_WARNING_UIDS.batteries, state: 'acknowledged' }]));
    await waitFor(() => expect(within(aside).getByText('已确认')).toBeTruthy());
    const w = warningsOf(backend).warnings.find((x) => x.uid === FAKE_WARNING_UIDS.batteries)!;
    expect(w.history.at(-1)).toMatchObject({ kind: 'state', state: 'acknowledged', by: '张敏' });
  });

  it('plans a response with an owner and a due date, and offers to draft a comment on the measure', async () => {
    const { backend } = open();
    const aside = await panel();
    fireEvent.click(await within(aside).findByRole('button', { name: '制定应对' }));
    const form = await within(aside).findByRole('form', { name: '制定应对' });
    // No owner yet: refused before any call.
    fireEvent.click(within(form).getByRole('button', { name: '保存应对方案' }));
    expect(await within(form).findByText('请选择负责人')).toBeTruthy();
    expect(backend.callsTo('warningsPlanResponse')).toEqual([]);

    const li = commentsOf(backend).analysts.find((a) => a.name === '李强')!;
    await within(form).findByRole('option', { name: '李强' });
    fireEvent.change(within(form).getByRole('combobox', { name: '负责人' }), { target: { value: li.uid } });
    fireEvent.change(within(form).getByRole('textbox', { name: '说明' }), { target: { value: '联系企业准备认证材料' } });
    expect(within(form).getByRole('button', { name: '起草评议意见' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '保存应对方案' }));
    const deadline = warningsOf(backend).warnings.find((x) => x.uid === FAKE_WARNING_UIDS.batteries)!.measure.commentDeadline;
    await waitFor(() =>
      expect(backend.callsTo('warningsPlanResponse')).toEqual([{ uid: FAKE_WARNING_UIDS.batteries, kind: 'comment', ownerUid: li.uid, dueDate: deadline, note: '联系企业准备认证材料' }]),
    );
    expect(await within(aside).findByText(/应对：提交评议意见，负责人 李强/)).toBeTruthy();
  });

  it('the comment response opens comment drafting on the measure', async () => {
    open();
    const aside = await panel();
    fireEvent.click(await within(aside).findByRole('button', { name: '制定应对' }));
    fireEvent.click(await within(aside).findByRole('button', { name: '起草评议意见' }));
    await waitFor(() => expect(window.location.hash).toBe('#/comments/new?notification=1'));
  });

  it('refuses an override without a reason, then sets the level after a confirmation, and clears it again', async () => {
    const { backend } = open();
    const aside = await panel();
    fireEvent.click(await within(aside).findByRole('button', { name: '调整等级' }));
    const form = await within(aside).findByRole('form', { name: '调整等级' });
    fireEvent.change(within(form).getByRole('combobox', { name: '等级' }), { target: { value: 'yellow' } });
    fireEvent.click(within(form).getByRole('button', { name: '调整等级' }));
    expect(await within(form).findByText('请写明调整等级的原因')).toBeTruthy();
    expect(backend.callsTo('warningsOverride')).toEqual([]);

    fireEvent.change(within(form).getByRole('textbox', { name: '原因' }), { target: { value: '企业已取得沙特认证' } });
    fireEvent.click(within(form).getByRole('button', { name: '调整等级' }));
    const dialog = await screen.findByRole('dialog', { name: '调整预警等级' });
    expect(dialog.textContent).toContain('将等级由红色调整为黄色');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(backend.callsTo('warningsOverride')).toEqual([{ uid: FAKE_WARNING_UIDS.batteries, level: 'yellow', reason: '企业已取得沙特认证' }]));
    expect(await within(aside).findByText(/人工调整为黄色（张敏：企业已取得沙特认证）/)).toBeTruthy();
    expect(within(aside).getAllByText('黄色 *').length).toBeGreaterThan(0);

    fireEvent.click(within(aside).getByRole('button', { name: '调整等级' }));
    const again = await within(aside).findByRole('form', { name: '调整等级' });
    fireEvent.change(within(again).getByRole('textbox', { name: '原因' }), { target: { value: '认证已过期' } });
    fireEvent.click(within(again).getByRole('button', { name: '恢复计算等级' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: '恢复计算等级' })).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(backend.callsTo('warningsOverride').at(-1)).toEqual({ uid: FAKE_WARNING_UIDS.batteries, level: null, reason: '认证已过期' }));
    await waitFor(() => expect(within(aside).queryByText(/人工调整为/)).toBeNull());
  });

  it('the backend refuses an override without a reason too', async () => {
    const backend = createFakeBackend();
    warningsOf(backend).seed();
    await expect(backend.client.api.warningsOverride({ uid: FAKE_WARNING_UIDS.batteries, level: 'blue', reason: '   ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(warningsOf(backend).warnings.find((x) => x.uid === FAKE_WARNING_UIDS.batteries)!.overridden).toBe(false);
  });

  it('closes with a reason and reopens', async () => {
    const { backend } = open();
    const aside = await panel();
    fireEvent.click(await within(aside).findByRole('button', { name: '关闭预警' }));
    const form = await within(aside).findByRole('form', { name: '关闭预警' });
    fireEvent.change(within(form).getByRole('combobox', { name: '关闭原因' }), { target: { value: 'notRelevant' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认关闭' }));
    await waitFor(() => expect(backend.callsTo('warningsTransition')).toEqual([{ uid: FAKE_WARNING_UIDS.batteries, state: 'closed', closeReason: 'notRelevant', note: '' }]));
    expect(await within(aside).findByText('关闭原因：与企业无关')).toBeTruthy();
    fireEvent.click(within(aside).getByRole('button', { name: '重新打开' }));
    await waitFor(() => expect(backend.callsTo('warningsTransition').at(-1)).toEqual({ uid: FAKE_WARNING_UIDS.batteries, state: 'acknowledged' }));
  });

  it('shows the error a refused action gets', async () => {
    const { backend } = open();
    backend.failures.warningsTransition = { code: 'CONFLICT', message: 'another analyst closed this warning meanwhile' };
    const aside = await panel();
    fireEvent.click(await within(aside).findByRole('button', { name: '确认' }));
    expect(await within(aside).findByText(/another analyst closed this warning meanwhile/)).toBeTruthy();
  });

  it('makes a Word letter for the enterprise, downloads it, and records delivery and acknowledgement', async () => {
    const { backend } = open();
    const downloads: string[] = [];
    Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:letter'), configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const aside = await panel();
    fireEvent.click(await within(aside).findByRole('button', { name: '生成 Word 预警函' }));
    await waitFor(() =>
      expect(backend.callsTo('warningLettersMake')).toEqual([{ enterpriseUid: FAKE_ENTERPRISES.battery.uid, warningUids: [FAKE_WARNING_UIDS.batteries], format: 'docx', inline: true }]),
    );
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatch(/^预警函-宁远新能源电池有限公司-.*\.docx$/);
    const letters = await within(aside).findByRole('region', { name: '预警函' });
    await within(letters).findByText(downloads[0]!);

    fireEvent.click(within(letters).getByRole('button', { name: '记录送达' }));
    const delivery = await within(letters).findByRole('form', { name: '记录送达' });
    fireEvent.change(within(delivery).getByRole('combobox', { name: '方式' }), { target: { value: 'post' } });
    fireEvent.click(within(delivery).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.callsTo('warningLettersRecordDelivery')).toEqual([expect.objectContaining({ channel: 'post', date: backend.now.slice(0, 10) })]));
    fireEvent.click(await within(letters).findByRole('button', { name: '记录回执' }));
    const ack = await within(letters).findByRole('form', { name: '记录回执' });
    fireEvent.click(within(ack).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.callsTo('warningLettersRecordAcknowledgement')).toHaveLength(1));
    expect(await within(letters).findByText(/邮寄（张敏）/)).toBeTruthy();
  });

  it('says so when the warning in the address does not exist', async () => {
    open('019a9f3c-3a00-7000-8000-0000000000ff');
    const aside = await screen.findByRole('complementary', { name: '预警详情' });
    expect(await within(aside).findByText('找不到这条预警')).toBeTruthy();
  });

  it('a focus industry has no letter', async () => {
    open(FAKE_WARNING_UIDS.batteriesIndustry);
    const aside = await panel();
    expect(await within(aside).findByText('预警函只发给企业；重点产业的预警没有预警函。')).toBeTruthy();
    expect(within(aside).queryByRole('button', { name: '生成 Word 预警函' })).toBeNull();
  });

  it('every write emits dataChanged for warnings, as WRITE_CHANGES lists', async () => {
    const backend = createFakeBackend();
    warningsOf(backend).seed();
    const seen: unknown[] = [];
    backend.client.subscribe('dataChanged', (c) => seen.push(c));
    const api = backend.client.api;
    await act(async () => {
      await api.warningsTransition({ uid: FAKE_WARNING_UIDS.toys, state: 'acknowledged' });
      await api.warningsOverride({ uid: FAKE_WARNING_UIDS.toys, level: 'red', reason: '出口额被低估' });
      await api.warningsPlanResponse({ uid: FAKE_WARNING_UIDS.toys, kind: 'adapt', ownerUid: commentsOf(backend).analysts[0]!.uid, dueDate: '2026-12-31' });
      const { letter } = await api.warningLettersMake({ enterpriseUid: FAKE_ENTERPRISES.toys.uid });
      await api.warningLettersRecordDelivery({ uid: letter.uid, date: '2026-11-21', channel: 'email' });
      await api.warningLettersRecordAcknowledgement({ uid: letter.uid, date: '2026-11-22' });
      await api.warningLettersBatch({ notificationId: 1 });
    });
    expect(seen).toEqual(Array.from({ length: 7 }, () => ({ entity: 'warnings' })));
  });

  it('reads in English', async () => {
    open(FAKE_WARNING_UIDS.batteries, 'en');
    const aside = await panel('Warning');
    const explanation = await within(aside).findByRole('region', { name: 'Why this score' });
    expect(explanation.textContent).toContain('Saudi Arabia exports USD 5,000,000');
    expect(explanation.textContent).toContain('Total 75 points, the score 75');
    expect(within(aside).getByRole('button', { name: 'Acknowledge' })).toBeTruthy();
  });
});
