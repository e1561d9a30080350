import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReportParams } from '../../../shared/contract';
import { createFakeBackend, makeNotification, type FakeBackend } from '../../testing/fake-backend';
import { reportsOf } from '../../testing/fake-reports';
import { renderApp } from '../../testing/render-app';
import { spyDownloads } from '../enterprises/download-spy';

// The fake backend lives on 2026-11-21: last month is October, last quarter July to September.
const NOTIFICATIONS = [
  makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/1201', memberCode: 'SAU', memberName: '沙特阿拉伯', distributionDate: '2026-10-05' }),
  makeNotification({ id: 2, symbol: 'G/SPS/N/KAZ/88', area: 'SPS', memberCode: 'KAZ', memberName: '哈萨克斯坦', distributionDate: '2026-10-20' }),
  makeNotification({ id: 3, symbol: 'G/TBT/N/KAZ/300', memberCode: 'KAZ', memberName: '哈萨克斯坦', distributionDate: '2026-08-11' }),
];

function setUp(locale: 'zh-CN' | 'en' = 'zh-CN', seed?: (backend: FakeBackend) => void) {
  const backend = createFakeBackend({ notifications: NOTIFICATIONS, settings: { locale } });
  seed?.(backend);
  return renderApp({ backend, route: { section: 'reports', id: null } });
}

const previews = (backend: FakeBackend): ReportParams[] => backend.callsTo('reportsPreview') as ReportParams[];
const lastPreview = (backend: FakeBackend): ReportParams | undefined => previews(backend).at(-1);
const params = (overrides: Partial<ReportParams>): ReportParams => ({
  kind: 'bulletin', from: '2026-07-01', to: '2026-09-30', member: null, issue: null, compiler: null, recommendations: '', ...overrides,
});

// The first preview waits for the history (the next issue) and the acting analyst to settle.
const SETTLED = { timeout: 5000 };

describe('the reports page', { timeout: 20_000 }, () => {
  it('asks for the preview of the parameters filled in, and lays the document out as a page', async () => {
    const { backend } = setUp();
    // Last month, the next issue number from the history, the acting analyst as compiler.
    await waitFor(() => expect(lastPreview(backend)).toMatchObject({ kind: 'bulletin', from: '2026-10-01', to: '2026-10-31', member: null, issue: 1, compiler: '张敏' }), SETTLED);
    const page = await screen.findByRole('article', { name: '上合技贸措施简讯' });
    expect(within(page).getByText('2026年第1期')).toBeTruthy();
    expect(within(page).getByRole('heading', { name: '一、概况' })).toBeTruthy();
    expect(within(page).getByText(/共收到通报2件，其中TBT通报1件，SPS通报1件/)).toBeTruthy();
    expect(within(page).getByRole('img', { name: '各成员通报数量' })).toBeTruthy();
    const table = within(page).getByRole('table');
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['成员TBTSPS', '哈萨克斯坦01', '沙特阿拉伯10']);
    expect(within(page).getByText(/通报清单/).textContent).toContain('仅列入 Excel 附件，共 2 行');

    fireEvent.click(screen.getByRole('button', { name: '上季度' }));
    await waitFor(() => expect(lastPreview(backend)).toMatchObject({ from: '2026-07-01', to: '2026-09-30' }));
    fireEvent.change(screen.getByLabelText('成员或集团'), { target: { value: 'KAZ' } });
    await waitFor(() => expect(lastPreview(backend)).toMatchObject({ from: '2026-07-01', to: '2026-09-30', member: 'KAZ' }));
    await waitFor(() => expect(screen.getByText(/共收到通报1件/)).toBeTruthy());
    fireEvent.change(screen.getByLabelText('期数'), { target: { value: '7' } });
    await waitFor(() => expect(lastPreview(backend)).toMatchObject({ issue: 7 }));
  });

  it('refuses a country analysis without a member: a clear message, no preview and no job', async () => {
    const { backend } = setUp();
    await waitFor(() => expect(previews(backend).length).toBe(1), SETTLED);
    fireEvent.click(screen.getByRole('radio', { name: /国别影响分析/ }));
    expect((await screen.findAllByText('国别影响分析需要选择一个成员或集团')).length).toBeGreaterThan(0);
    expect(screen.getByText('参数填写完整后将在此显示预览。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '生成' }));
    expect(await screen.findByText('请先修正上面标出的参数。')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 400));
    expect(previews(backend).filter((p) => p.kind === 'country')).toEqual([]);
    expect(backend.callsTo('reportsMake')).toEqual([]);

    // With a member the preview comes, and the recommendations written in it survive a switch of kind.
    fireEvent.change(screen.getByLabelText('成员或集团（必选）'), { target: { value: 'KAZ' } });
    await waitFor(() => expect(lastPreview(backend)).toMatchObject({ kind: 'country', member: 'KAZ' }));
    const box = await screen.findByLabelText('建议');
    fireEvent.change(box, { target: { value: '建议加强对哈方水产品限量标准的跟踪。' } });
    fireEvent.click(screen.getByRole('radio', { name: /^简讯/ }));
    await waitFor(() => expect(lastPreview(backend)?.kind).toBe('bulletin'));
    fireEvent.click(screen.getByRole('radio', { name: /国别影响分析/ }));
    expect(((await screen.findByLabelText('建议')) as HTMLTextAreaElement).value).toBe('建议加强对哈方水产品限量标准的跟踪。');
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(backend.callsTo('reportsMake')).toHaveLength(1));
    expect(backend.callsTo('reportsMake')[0]).toMatchObject({ params: { kind: 'country', member: 'KAZ', recommendations: '建议加强对哈方水产品限量标准的跟踪。' }, formats: ['docx', 'pdf'] });
  });

  it('makes the report as a job: progress in words, then each file offered for download', async () => {
    const downloads = spyDownloads();
    const { backend } = setUp();
    await screen.findByRole('article', { name: '上合技贸措施简讯' }, SETTLED);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Excel（数据附件）' }));
    fireEvent.click(screen.getByRole('button', { name: '生成' }));
    await waitFor(() => expect(backend.callsTo('reportsMake')).toHaveLength(1));
    expect(backend.callsTo('reportsMake')[0]).toMatchObject({ params: { kind: 'bulletin', from: '2026-10-01', to: '2026-10-31', issue: 1 }, formats: ['docx', 'pdf', 'xlsx'] });
    const jobId = [...reportsOf(backend).asked.keys()][0]!;
    act(() => backend.emit('jobProgress', { jobId, kind: 'reportMake', phase: 'docx', done: 2, total: 4 }));
    expect(await screen.findByText(/正在生成 Word 文档…… 50%/)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '生成报告' }).getAttribute('value')).toBe('50');
    expect((screen.getByRole('button', { name: '生成' }) as HTMLButtonElement).disabled).toBe(true);

    // The PDF could not be made (no Chromium on the machine): the others are offered, and why is said.
    act(() => void reportsOf(backend).finish(jobId, { missing: ['pdf'] }));
    expect(await screen.findByText('报告已生成：上合技贸措施简讯（第1期）')).toBeTruthy();
    expect(screen.getByText(/生成 PDF 需要本机安装 Chromium 内核的浏览器/)).toBeTruthy();
    const made = screen.getByRole('status', { name: '' }).closest('.report-run') as HTMLElement;
    expect(within(made).getAllByRole('button').map((b) => b.textContent)).toEqual(['下载 Word', '下载 Excel']);
    fireEvent.click(within(made).getByRole('button', { name: '下载 Word' }));
    await waitFor(() => expect(downloads).toEqual(['上合技贸措施简讯-2026-10-01-2026-10-31.docx']));
    expect(backend.callsTo('reportsFetch')).toEqual([{ uid: reportsOf(backend).records[0]!.uid, format: 'docx' }]);
    // The history lists it at once, and the next issue moves on.
    const history = screen.getByRole('region', { name: '已生成的报告' });
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(2));
    await waitFor(() => expect((screen.getByLabelText('期数') as HTMLInputElement).value).toBe('2'));
    expect((screen.getByRole('button', { name: '生成' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says why a report failed, with what to do for a missing PDF renderer', async () => {
    const { backend } = setUp();
    await screen.findByRole('article', { name: '上合技贸措施简讯' }, SETTLED);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Word' }));
    fireEvent.click(screen.getByRole('button', { name: '生成' }));
    await waitFor(() => expect(backend.callsTo('reportsMake')).toEqual([expect.objectContaining({ formats: ['pdf'] })]));
    const jobId = [...reportsOf(backend).asked.keys()][0]!;
    act(() => void reportsOf(backend).finish(jobId, { error: { code: 'PDF_UNAVAILABLE', message: 'No Chromium or Edge was found' } }));
    expect(await screen.findByText('报告生成失败：No Chromium or Edge was found')).toBeTruthy();
    expect(screen.getByText(/生成 PDF 需要本机安装 Chromium 内核的浏览器.*可以不含 PDF 重新生成/)).toBeTruthy();
    // PDF alone was asked: without it, Word is made.
    fireEvent.click(screen.getByRole('button', { name: '不含 PDF，重新生成' }));
    await waitFor(() => expect(backend.callsTo('reportsMake')).toHaveLength(2));
    expect(backend.callsTo('reportsMake')[1]).toMatchObject({ formats: ['docx'] });
    expect((screen.getByRole('checkbox', { name: 'PDF' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Word' }) as HTMLInputElement).checked).toBe(true);
  });

  it('asks for at least one format', async () => {
    const { backend } = setUp();
    await screen.findByRole('article', { name: '上合技贸措施简讯' }, SETTLED);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Word' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'PDF' }));
    fireEvent.click(screen.getByRole('button', { name: '生成' }));
    expect(await screen.findByText('请至少选择一种格式')).toBeTruthy();
    expect(backend.callsTo('reportsMake')).toEqual([]);
  });

  it('"make again" puts a report of the history back into the form and the preview', async () => {
    const { backend } = setUp('zh-CN', (b) => {
      reportsOf(b).add(params({ kind: 'bulletin', issue: 3 }), ['docx', 'pdf'], '2026-10-02T03:00:00.000Z');
      reportsOf(b).add(params({ kind: 'country', member: 'KAZ', compiler: '李强', recommendations: '持续跟踪。' }), ['docx'], '2026-11-02T03:00:00.000Z');
    });
    const history = await screen.findByRole('region', { name: '已生成的报告' });
    const rows = await within(history).findAllByRole('row');
    expect(rows.slice(1).map((r) => r.querySelectorAll('td')[0]?.textContent)).toEqual(['国别影响分析', '简讯']);
    expect(rows[1]!.textContent).toContain('哈萨克斯坦');
    expect(rows[2]!.textContent).toContain('第 3 期');
    // The next bulletin follows the last issue made.
    await waitFor(() => expect((screen.getByLabelText('期数') as HTMLInputElement).value).toBe('4'));

    fireEvent.click(within(history).getByRole('button', { name: '按“国别影响分析报告”的参数再次生成' }));
    await waitFor(() => expect((screen.getByRole('radio', { name: /国别影响分析/ }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByLabelText('成员或集团（必选）') as HTMLSelectElement).value).toBe('KAZ');
    expect((screen.getByLabelText('起始日期') as HTMLInputElement).value).toBe('2026-07-01');
    expect((screen.getByLabelText('截止日期') as HTMLInputElement).value).toBe('2026-09-30');
    expect((screen.getByLabelText('编辑') as HTMLInputElement).value).toBe('李强');
    expect(screen.getByRole('button', { name: '上季度' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(lastPreview(backend)).toMatchObject({ kind: 'country', member: 'KAZ', from: '2026-07-01', to: '2026-09-30', compiler: '李强' }));
    expect(((await screen.findByLabelText('建议')) as HTMLTextAreaElement).value).toBe('持续跟踪。');
    // It was made in Word alone.
    expect(['Word', 'PDF', 'Excel（数据附件）'].map((name) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked)).toEqual([true, false, false]);
  });

  it('keeps the recommendations through a switch of section, and asks before "make again" replaces them', async () => {
    setUp('zh-CN', (b) => void reportsOf(b).add(params({ kind: 'outcomes' }), ['xlsx']));
    fireEvent.click(await screen.findByRole('radio', { name: /国别影响分析/ }));
    fireEvent.change(screen.getByLabelText('成员或集团（必选）'), { target: { value: 'GCC' } });
    fireEvent.change(await screen.findByLabelText('建议'), { target: { value: '尚未保存的建议' } });
    fireEvent.click(screen.getByRole('button', { name: '按“评议成效报告”的参数再次生成' }));
    const ask = await screen.findByRole('dialog', { name: '放弃已填写的建议？' });
    fireEvent.click(within(ask).getByRole('button', { name: '保留' }));
    expect((screen.getByRole('radio', { name: /国别影响分析/ }) as HTMLInputElement).checked).toBe(true);
    // Another section and back: the form is as it was left, without a question on the way.
    fireEvent.click(screen.getByRole('link', { name: /工作台/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/dashboard'));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: /报告/ }));
    expect(((await screen.findByLabelText('建议', {}, SETTLED)) as HTMLTextAreaElement).value).toBe('尚未保存的建议');
    expect((screen.getByLabelText('成员或集团（必选）') as HTMLSelectElement).value).toBe('GCC');
    // Closing the window or reloading would lose it: the browser asks.
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
  });

  it('removes a report from the history only once confirmed', async () => {
    const { backend } = setUp('zh-CN', (b) => void reportsOf(b).add(params({ issue: 5 }), ['docx']));
    const history = await screen.findByRole('region', { name: '已生成的报告' });
    const remove = await within(history).findByRole('button', { name: '删除“上合技贸措施简讯（第5期）”' });
    fireEvent.click(remove);
    let dialog = await screen.findByRole('dialog', { name: '从历史中删除这份报告？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(backend.callsTo('reportsDelete')).toEqual([]);
    fireEvent.click(remove);
    dialog = await screen.findByRole('dialog', { name: '从历史中删除这份报告？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(within(history).queryByRole('table')).toBeNull());
    expect(backend.callsTo('reportsDelete')).toEqual([{ uid: reportsOf(backend).records[0]!.uid }]);
    expect(within(history).getByText('尚未生成报告。')).toBeTruthy();
  });

  it('speaks English when the app does', async () => {
    const { backend } = setUp('en');
    expect(await screen.findByRole('radio', { name: /Country analysis/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Last quarter' })).toBeTruthy();
    await waitFor(() => expect(previews(backend).length).toBe(1), SETTLED);
    expect(screen.getByRole('button', { name: 'Make' }).getAttribute('aria-keyshortcuts')).toBe('Control+Enter');
    expect(screen.getByRole('region', { name: 'Reports made' })).toBeTruthy();
  });
});
