import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../shared/contract';
import { createFakeBackend, makeImportReport, makeNotification, type FakeBackend } from '../../../testing/fake-backend';
import { fakeLayout } from '../../../testing/layout';
import { renderApp } from '../../../testing/render-app';

const LIST = { section: 'notifications', id: null } as const;

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

/** A report with one rejected row, one repeated row skipped and one later row that replaced an earlier one. */
const MIXED: ImportReport = makeImportReport({
  inserted: 2,
  updated: 1,
  rejected: 1,
  noticed: 2,
  notices: [
    { row: 5, field: 'Document symbol', reason: 'G/TBT/N/SAU/1: the same as row 2, skipped', value: 'G/TBT/N/SAU/1', code: 'DUPLICATE_ROW', params: { row: 2, symbol: 'G/TBT/N/SAU/1' } },
    {
      row: 6,
      field: 'Document symbol',
      reason: 'G/TBT/N/SAU/2 appears again (last at row 3); this later row replaces it',
      value: 'G/TBT/N/SAU/2',
      code: 'REPLACES_ROW',
      params: { row: 3, symbol: 'G/TBT/N/SAU/2' },
    },
  ],
});

async function openReport(report: ImportReport, locale: 'zh-CN' | 'en'): Promise<HTMLElement> {
  const backend: FakeBackend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/9' })], settings: { locale } });
  renderApp({ backend, route: LIST });
  fireEvent.click(await screen.findByRole('button', { name: locale === 'en' ? 'Import' : '导入' }));
  const dialog = screen.getByRole('dialog', { name: locale === 'en' ? 'Import notifications' : '导入通报' });
  fireEvent.change(within(dialog).getByLabelText(locale === 'en' ? 'File to import' : '选择要导入的文件'), {
    target: { files: [new File(['PK'], 'eping-export.xlsx')] },
  });
  await waitFor(() => expect(backend.jobs.jobs.size).toBe(1));
  const jobId = [...backend.jobs.jobs.keys()][0]!;
  act(() => backend.finishJob(jobId, { report }));
  return within(dialog).findByRole('region', { name: locale === 'en' ? 'Import report' : '导入报告' });
}

const cellsOf = (table: HTMLElement): string[][] =>
  within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent ?? ''));
const countOf = (report: HTMLElement, label: string): string | null | undefined =>
  within(report).getByRole('group', { name: label }).querySelector('.report-count-value')?.textContent;

describe('import report', () => {
  it('separates rejected rows from notices, counts each, and words the reasons in Chinese', async () => {
    const report = await openReport(MIXED, 'zh-CN');
    expect([countOf(report, '新增'), countOf(report, '更新'), countOf(report, '提示'), countOf(report, '拒绝')]).toEqual(['2', '1', '2', '1']);
    expect(cellsOf(within(report).getByRole('table', { name: '被拒绝的行' }))).toEqual([
      ['4', 'Distribution date', '“31/02/2026”不是有效的日期（例如 2 月没有 30 日）', '31/02/2026'],
    ]);
    expect(cellsOf(within(report).getByRole('table', { name: '有提示的行' }))).toEqual([
      ['5', 'Document symbol', '与第 2 行完全相同，已跳过', 'G/TBT/N/SAU/1'],
      ['6', 'Document symbol', '通报 G/TBT/N/SAU/2 已在第 3 行出现；以本行较新的信息为准，原值记入修改历史', 'G/TBT/N/SAU/2'],
    ]);
    // No code or English message until the analyst asks for the details.
    expect(report.textContent).not.toContain('DUPLICATE_ROW');
    expect(report.textContent).not.toContain('is not a valid date');
  });

  it('shows the reason code and the technical message behind the details toggle', async () => {
    const report = await openReport(MIXED, 'zh-CN');
    const toggle = within(report).getByRole('button', { name: '显示技术细节' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(within(report).getByRole('button', { name: '隐藏技术细节' }).getAttribute('aria-expanded')).toBe('true');
    const rejected = cellsOf(within(report).getByRole('table', { name: '被拒绝的行' }));
    expect(rejected[0]![4]).toBe("DATE_NOT_VALID '31/02/2026' is not a valid date");
    const notices = cellsOf(within(report).getByRole('table', { name: '有提示的行' }));
    expect(notices[0]![4]).toBe('DUPLICATE_ROW G/TBT/N/SAU/1: the same as row 2, skipped');
    fireEvent.click(within(report).getByRole('button', { name: '隐藏技术细节' }));
    expect(report.textContent).not.toContain('DUPLICATE_ROW');
  });

  it('words the same report in English', async () => {
    const report = await openReport(MIXED, 'en');
    expect([countOf(report, 'Notices'), countOf(report, 'Rejected')]).toEqual(['2', '1']);
    expect(cellsOf(within(report).getByRole('table', { name: 'Rejected rows' }))[0]![2]).toBe('“31/02/2026” is not a valid date (February has no 30th, for example)');
    expect(cellsOf(within(report).getByRole('table', { name: 'Rows with a notice' })).map((r) => r[2])).toEqual([
      'The same as row 2, skipped',
      'G/TBT/N/SAU/2 already appeared at row 3; this later row is the newer information and the earlier values are kept in the change history',
    ]);
    expect(within(report).getByRole('button', { name: 'Show technical details' })).toBeTruthy();
  });

  it('words a row from an older import without a reason code in general terms', async () => {
    const report = await openReport(makeImportReport({ rejections: [{ row: 7, field: null, reason: 'something technical' }] }), 'zh-CN');
    expect(cellsOf(within(report).getByRole('table', { name: '被拒绝的行' }))[0]![2]).toBe('这一行无法导入');
  });
});

describe('a refused file', () => {
  it('with no data rows says there are no notifications in the file, in either language', async () => {
    for (const [locale, text] of [['zh-CN', '原因：文件中没有通报'], ['en', 'Reason: No notifications in this file']] as const) {
      const backend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/9' })], settings: { locale } });
      const { unmount } = renderApp({ backend, route: LIST });
      fireEvent.click(await screen.findByRole('button', { name: locale === 'en' ? 'Import' : '导入' }));
      const dialog = screen.getByRole('dialog');
      fireEvent.change(within(dialog).getByLabelText(locale === 'en' ? 'File to import' : '选择要导入的文件'), { target: { files: [new File(['a'], 'empty.csv')] } });
      await waitFor(() => expect(backend.jobs.jobs.size).toBe(1));
      const jobId = [...backend.jobs.jobs.keys()][0]!;
      act(() =>
        backend.finishJob(jobId, { error: { code: 'IMPORT_REJECTED', message: 'The file holds no notifications', details: { reason: 'NO_ROWS' } } }),
      );
      expect((await within(dialog).findByRole('alert')).textContent).toContain(text);
      unmount();
    }
  });

  it('appears in the import history with its reason, and its report says why', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/9' })] });
    backend.jobs.reports.push(
      makeImportReport({
        importId: 8,
        fileName: 'notes.csv',
        status: 'refused',
        refusal: { code: 'IMPORT_REJECTED', reason: 'NOT_EPING', message: "The file is not an ePing export: the header row lacks 'Document symbol'.", params: { missing: 'Document symbol' } },
        inserted: 0,
        rejected: 0,
        rejections: [],
      }),
    );
    renderApp({ backend, route: LIST });
    fireEvent.click(await screen.findByRole('button', { name: '导入' }));
    const dialog = screen.getByRole('dialog', { name: '导入通报' });
    const history = await within(dialog).findByRole('table', { name: '导入记录' });
    expect(within(history).getByRole('row', { name: /notes\.csv/ }).textContent).toContain('未导入：这不是 ePing 导出文件：表头缺少 Document symbol');
    fireEvent.click(within(history).getByRole('button', { name: '查看“notes.csv”的导入报告（#8）' }));
    const refused = await within(dialog).findByRole('group', { name: '文件未导入' });
    expect(refused.textContent).toContain('原因：这不是 ePing 导出文件：表头缺少 Document symbol');
    expect(refused.textContent).not.toContain('NOT_EPING');
    fireEvent.click(within(dialog).getByRole('button', { name: '显示技术细节' }));
    expect(refused.textContent).toContain('NOT_EPING');
    expect(refused.textContent).toContain("the header row lacks 'Document symbol'");
  });
});
