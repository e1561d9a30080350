import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { makeEnterpriseImportOutcome, registryOf } from '../../testing/fake-enterprises';
import { renderApp } from '../../testing/render-app';

const ROUTE = { section: 'enterprises', id: null } as const;
const xlsx = (name: string): File => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

async function openImport(button: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const backend = createFakeBackend();
  backend.settings.locale = locale;
  const rendered = renderApp({ backend, route: ROUTE });
  await screen.findByRole('heading', { level: 2 });
  fireEvent.click(screen.getAllByRole('button', { name: button })[0] as HTMLElement);
  const dialog = await screen.findByRole('dialog', { name: button });
  return { ...rendered, dialog };
}

function choose(dialog: HTMLElement, file: File): void {
  const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

describe('enterprise import', () => {
  it('stages the file, shows the counts and each rejected row with its reason, and follows the recomputation', async () => {
    const { backend, dialog } = await openImport('导入企业名单');
    choose(dialog, xlsx('重点企业名单.xlsx'));
    const report = await within(dialog).findByRole('region', { name: '导入结果：重点企业名单.xlsx' });
    expect(backend.callsTo('enterprisesImport')).toEqual([{ fileRef: '00000000000000000000000000000001', fileName: '重点企业名单.xlsx' }]);
    expect(within(report).getByRole('group', { name: '新增企业' }).textContent).toBe('2新增企业');
    expect(within(report).getByRole('group', { name: '拒绝' }).textContent).toBe('1拒绝');
    const rejected = within(report).getByRole('table', { name: '被拒绝的行' });
    const cells = within(within(rejected).getAllByRole('row')[1] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    // The backend names the column by its key; the report by the template's header.
    expect([cells[0], cells[1], cells[3]]).toEqual(['第 4 行', '统一社会信用代码', '91350100M000100Y45']);
    // In Chinese with the figures of the check, in the registry's words where the build has them.
    expect(cells[2]).toMatch(/应为 3，(而)?不是 5（GB 32100/);

    const bar = within(report).getByRole('progressbar', { name: '正在重新计算涉及企业的风险预警' });
    expect(bar.getAttribute('value')).toBe('0');
    const jobId = backend.jobs.list(1)[0]?.jobId ?? '';
    act(() => registryOf(backend).finishRecompute(jobId));
    expect((await within(report).findByText('预警已重新计算')).getAttribute('role')).toBe('status');
  });

  it('says no recomputation was needed when nothing changed, and shows a reason it has no words for as the backend gave it', async () => {
    const backend = createFakeBackend();
    registryOf(backend).nextImport = makeEnterpriseImportOutcome({
      enterprisesAdded: 0, enterprisesUnchanged: 1, linesAdded: 0, linesUnchanged: 1, recompute: false,
      rejections: [{ row: 3, field: '市场', reason: "market 'Atlantis' is under embargo", value: 'Atlantis', code: 'market.embargoed' }],
    });
    renderApp({ backend, route: ROUTE });
    fireEvent.click((await screen.findAllByRole('button', { name: '导入企业名单' }))[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: '导入企业名单' });
    choose(dialog, new File(['a,b'], 'list.csv', { type: 'text/csv' }));
    const rejected = await within(dialog).findByRole('table', { name: '被拒绝的行' });
    expect(within(rejected).getAllByRole('cell').map((c) => c.textContent)).toEqual(['第 3 行', '市场', "market 'Atlantis' is under embargo", 'Atlantis']);
    expect(within(dialog).getByText('没有企业发生变化，预警无需重新计算。')).toBeTruthy();
  });

  it('says so when the recomputation fails', async () => {
    const { backend, dialog } = await openImport('导入企业名单');
    choose(dialog, xlsx('名单.xlsx'));
    const report = await within(dialog).findByRole('region', { name: '导入结果：名单.xlsx' });
    act(() => registryOf(backend).failRecompute(backend.jobs.list(1)[0]?.jobId ?? '', 'the store is read-only'));
    expect((await within(report).findByText(/未完成/)).textContent).toBe('重新计算风险预警未完成：the store is read-only');
  });

  it('refuses a file that is neither XLSX nor CSV without staging it', async () => {
    const { backend, dialog } = await openImport('导入企业名单');
    choose(dialog, new File(['x'], 'list.pdf', { type: 'application/pdf' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('只能导入 .xlsx 或 .csv 文件：list.pdf');
    expect(backend.staged.size).toBe(0);
  });

  it('imports customs statistics and shows what the store then holds, in English', async () => {
    const { backend, dialog } = await openImport('Import customs export statistics', 'en');
    expect(await within(dialog).findByText('No customs export statistics imported yet.')).toBeTruthy();
    choose(dialog, xlsx('customs-2025.xlsx'));
    const report = await within(dialog).findByRole('region', { name: 'Import of customs-2025.xlsx' });
    expect(within(report).getByRole('group', { name: 'Added' }).textContent).toBe('2Added');
    await waitFor(() => expect(within(report).getByText(/Customs statistics held: 2 rows, 2 destinations, years 2025/)).toBeTruthy());
    expect(backend.jobs.list(1)[0]?.input).toEqual({ scope: 'all', reason: 'tradeExposure' });
  });
});
