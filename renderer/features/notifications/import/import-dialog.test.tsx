import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, makeImportReport, makeNotification, type FakeBackend } from '../../../testing/fake-backend';
import { fakeLayout } from '../../../testing/layout';
import { renderApp } from '../../../testing/render-app';

const LIST = { section: 'notifications', id: null } as const;

function xlsx(name = 'eping-export.xlsx'): File {
  return new File(['PK fake workbook'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function openDialog(backend: FakeBackend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/1' })] })) {
  renderApp({ backend, route: LIST });
  fireEvent.click(await screen.findByRole('button', { name: '导入' }));
  return { backend, dialog: screen.getByRole('dialog', { name: '导入通报' }) };
}

/** Choose a file and wait until its job is running. */
async function startImport(backend: FakeBackend, dialog: HTMLElement, file = xlsx()): Promise<string> {
  fireEvent.change(within(dialog).getByLabelText('选择要导入的文件'), { target: { files: [file] } });
  await waitFor(() => expect(backend.jobs.jobs.size).toBe(1));
  await within(dialog).findByText('正在准备……');
  return [...backend.jobs.jobs.keys()][0] ?? '';
}

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => {
  restoreLayout();
  vi.restoreAllMocks();
});

describe('import dialog', () => {
  it('stages the file, follows the job progress and ends with the report', async () => {
    const { backend, dialog } = await openDialog();
    const jobId = await startImport(backend, dialog);
    expect(backend.staged.get((backend.callsTo('notificationsImportStart')[0] as { fileRef: string }).fileRef)?.name).toBe('eping-export.xlsx');

    act(() => backend.emit('jobProgress', { jobId, kind: 'import', phase: 'hashing', done: 10, total: 40 }));
    expect(within(dialog).getByRole('status').textContent).toContain('正在校验文件…… 25%');
    act(() => backend.emit('jobProgress', { jobId, kind: 'import', phase: 'opening', done: 12, total: 40 }));
    expect(within(dialog).getByRole('status').textContent).toContain('正在打开工作簿…… 30%');
    act(() => backend.emit('jobProgress', { jobId, kind: 'import', phase: 'reading', done: 30, total: 40 }));
    const bar = within(dialog).getByRole('progressbar', { name: '导入进度' }) as HTMLProgressElement;
    expect(bar.value).toBe(75);
    expect(within(dialog).getByRole('status').textContent).toContain('正在读取并写入通报…… 75%');
    // After the last row: no percentage, the bar runs without a value until the commit.
    act(() => backend.emit('jobProgress', { jobId, kind: 'import', phase: 'indexing', done: 0, total: null }));
    expect(within(dialog).getByRole('status').textContent).toBe('通报已全部读入，正在建立检索索引并保存……');
    expect(bar.hasAttribute('value')).toBe(false);
    // While the job runs the dialog cannot be dismissed by accident.
    expect(within(dialog).queryByRole('button', { name: '关闭' })).toBeNull();

    act(() => backend.finishJob(jobId, { report: makeImportReport({ inserted: 2, updated: 1, unchanged: 5, rejected: 1 }) }));
    expect(await within(dialog).findByText('导入完成。')).toBeTruthy();
    const report = within(dialog).getByRole('region', { name: '导入报告' });
    const count = (label: string): string | null | undefined => within(report).getByRole('group', { name: label }).querySelector('.report-count-value')?.textContent;
    expect([count('新增'), count('更新'), count('未变'), count('提示'), count('拒绝')]).toEqual(['2', '1', '5', '0', '1']);
    const rejected = within(report).getByRole('table', { name: '被拒绝的行' });
    const cells = within(rejected).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['4', 'Distribution date', '“31/02/2026”不是有效的日期（例如 2 月没有 30 日）', '31/02/2026']);
  });

  it('shows what an import brought into an empty list once the dialog closes', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: LIST });
    expect(await screen.findByRole('heading', { name: '还没有通报' })).toBeTruthy();
    fireEvent.click(within(document.querySelector('.list-toolbar') as HTMLElement).getByRole('button', { name: '导入' }));
    const dialog = screen.getByRole('dialog', { name: '导入通报' });
    const jobId = await startImport(backend, dialog);
    backend.notifications.push(makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/9101' }));
    act(() => backend.finishJob(jobId, { report: makeImportReport({ inserted: 1, rejected: 0, rejections: [] }) }));
    expect(await within(dialog).findByText('没有被拒绝的行。')).toBeTruthy();
    fireEvent.click(within(dialog.querySelector('.modal-footer') as HTMLElement).getByRole('button', { name: '关闭' }));
    expect(await screen.findByRole('link', { name: 'G/TBT/N/SAU/9101' })).toBeTruthy();
  });

  it('opens with Ctrl+I and takes a file dropped on it', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/1' })] });
    renderApp({ backend, route: LIST });
    await screen.findByRole('button', { name: '导入' });
    fireEvent.keyDown(window, { key: 'i', ctrlKey: true });
    const dialog = screen.getByRole('dialog', { name: '导入通报' });
    fireEvent.drop(dialog, { dataTransfer: { files: [xlsx('dropped.csv')] } });
    await waitFor(() => expect(backend.jobs.jobs.size).toBe(1));
    expect(await within(dialog).findByText('dropped.csv')).toBeTruthy();
  });

  it('cancels the job and says nothing was changed', async () => {
    const { backend, dialog } = await openDialog();
    const jobId = await startImport(backend, dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消导入' }));
    await waitFor(() => expect(backend.callsTo('jobsCancel')).toEqual([{ jobId }]));
    expect(within(dialog).getByRole('button', { name: '正在取消……' })).toHaveProperty('disabled', true);
    act(() => backend.finishJob(jobId, { error: { code: 'CANCELLED', message: 'The import was cancelled; nothing was changed' } }));
    expect(await within(dialog).findByText('已取消导入“eping-export.xlsx”，数据没有任何改动。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '导入其他文件' }));
    expect(within(dialog).getByRole('button', { name: '选择文件' })).toBeTruthy();
  });

  it('shows a refused file with its reason, and its code and message behind details', async () => {
    const { backend, dialog } = await openDialog();
    const jobId = await startImport(backend, dialog);
    act(() => backend.finishJob(jobId, { error: { code: 'IMPORT_REJECTED', message: 'No "Document symbol" column was found.' } }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('无法导入“eping-export.xlsx”。');
    expect(alert.textContent).toContain('原因：文件不符合导入要求，未导入');
    expect(alert.textContent).not.toContain('IMPORT_REJECTED');
    fireEvent.click(within(alert).getByRole('button', { name: '显示技术细节' }));
    expect(alert.textContent).toContain('导入被拒绝');
    expect(alert.textContent).toContain('IMPORT_REJECTED');
    expect(alert.textContent).toContain('No "Document symbol" column was found.');
    expect(alert.textContent).toContain('数据没有任何改动。');
  });

  it('refuses a file type the readers do not know before uploading it', async () => {
    const { backend, dialog } = await openDialog();
    fireEvent.change(within(dialog).getByLabelText('选择要导入的文件'), { target: { files: [new File(['%PDF'], '法规.pdf')] } });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('无法导入“法规.pdf”：只支持 .xlsx、.csv 和 .json 文件。');
    expect(backend.staged.size).toBe(0);
  });

  it('saves the report as a UTF-8 CSV with BOM that Excel opens in Chinese', async () => {
    const { backend, dialog } = await openDialog();
    const jobId = await startImport(backend, dialog, xlsx('沙特通报.xlsx'));
    act(() => backend.finishJob(jobId, { report: makeImportReport({ importId: 12, fileName: '沙特通报.xlsx' }) }));
    const save = await within(dialog).findByRole('button', { name: '保存报告' });

    let blob: Blob | null = null;
    const createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:report';
    });
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    fireEvent.click(save);

    expect(downloads).toEqual(['导入报告-12-沙特通报.csv blob:report']);
    const saved = blob as Blob | null;
    expect(saved?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await (saved as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual(
      expect.arrayContaining([
        '文件,沙特通报.xlsx',
        '行号,字段,原因,值,代码,技术说明',
        "4,Distribution date,“31/02/2026”不是有效的日期（例如 2 月没有 30 日）,31/02/2026,DATE_NOT_VALID,'31/02/2026' is not a valid date",
      ]),
    );
  });

  it('opens an earlier report from the import history', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/1' })] });
    backend.jobs.reports.push(makeImportReport({ importId: 4, fileName: 'old-export.xlsx', inserted: 120, rejected: 1 }));
    backend.jobs.reports.push(makeImportReport({ importId: 5, fileName: 'bulk.xlsx', inserted: 116089, rejected: 0 }));
    const { dialog } = await openDialog(backend);
    const history = await within(dialog).findByRole('table', { name: '导入记录' });
    // Counts are grouped by thousands, as in the report itself.
    expect(within(history).getByRole('row', { name: /bulk\.xlsx/ }).textContent).toContain('116,089');
    fireEvent.click(within(history).getByRole('button', { name: '查看“old-export.xlsx”的导入报告（#4）' }));
    expect(await within(dialog).findByText('导入记录 #4 的报告')).toBeTruthy();
    expect(within(dialog).getByRole('group', { name: '新增' }).textContent).toContain('120');
    expect(within(dialog).getByRole('button', { name: '保存报告' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '返回导入记录' }));
    expect(await within(dialog).findByRole('table', { name: '导入记录' })).toBeTruthy();
  });
});
