import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { exportsOf, finishExport } from '../../testing/fake-exports';
import { renderApp } from '../../testing/render-app';
import { spyDownloads } from '../enterprises/download-spy';

afterEach(() => vi.restoreAllMocks());

/** Open the Export menu of the view and choose a format. */
async function exportAs(format: 'Excel 工作簿（.xlsx）' | 'CSV 文本（.csv）'): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: '导出' }));
  const menu = await screen.findByRole('menu', { name: '导出当前列表' });
  fireEvent.click(within(menu).getByRole('menuitem', { name: format }));
}

describe('the Export menu', () => {
  it('exports the enterprise list with its query and sort, shows the progress, then downloads the file', async () => {
    const downloads = spyDownloads();
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'enterprises', id: null } });
    fireEvent.change(await screen.findByRole('searchbox', { name: /搜索/ }), { target: { value: '锂电' } });
    fireEvent.change(screen.getByRole('combobox', { name: /排序/ }), { target: { value: 'exposure' } });
    await exportAs('Excel 工作簿（.xlsx）');
    await waitFor(() => expect(exportsOf(backend).requests).toHaveLength(1));
    const { jobId, request } = exportsOf(backend).requests[0]!;
    expect(request).toEqual({ list: 'enterprises', filter: { query: '锂电', sort: 'exposure' }, format: 'xlsx', language: 'zh-CN' });
    act(() => backend.emit('jobProgress', { jobId: jobId, kind: 'listExport', status: 'running', position: null, phase: 'writing', done: 40, total: 80 }));
    expect(await screen.findByRole('progressbar', { name: '导出进度' })).toBeTruthy();
    expect(screen.getByText(/正在写入文件/)).toBeTruthy();
    act(() => finishExport(backend, jobId, { rows: 80 }));
    await waitFor(() => expect(downloads).toEqual(['enterprises-2026-11-21.xlsx']));
    expect(backend.callsTo('exportsFetch')).toEqual([{ fileName: 'enterprises-2026-11-21.xlsx' }]);
    expect(await screen.findByText(/已导出 80 行/)).toBeTruthy();
  });

  it('exports the comments of the chosen status as CSV, and says so when the export is cancelled', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'comments', id: null } });
    fireEvent.click(await screen.findByRole('button', { name: '草稿' }));
    await exportAs('CSV 文本（.csv）');
    await waitFor(() => expect(exportsOf(backend).requests).toHaveLength(1));
    const { jobId, request } = exportsOf(backend).requests[0]!;
    expect(request).toMatchObject({ list: 'comments', filter: { statuses: ['draft'] }, format: 'csv', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('button', { name: '取消' }));
    await waitFor(() => expect(backend.callsTo('jobsCancel')).toEqual([{ jobId }]));
    act(() => finishExport(backend, jobId, { error: { code: 'CANCELLED', message: 'cancelled' } }));
    expect(await screen.findByText('导出已取消，未生成文件。')).toBeTruthy();
    expect(backend.callsTo('exportsFetch')).toEqual([]);
  });

  it('exports the notification list with its search and sort', async () => {
    const downloads = spyDownloads();
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'notifications', id: null } });
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: 'battery' } });
    await waitFor(() => expect(backend.callsTo('notificationsList').some((c) => (c as { query?: string }).query === 'battery')).toBe(true));
    await exportAs('Excel 工作簿（.xlsx）');
    await waitFor(() => expect(exportsOf(backend).requests).toHaveLength(1));
    const { jobId, request } = exportsOf(backend).requests[0]!;
    expect(request).toMatchObject({ list: 'notifications', filter: { query: 'battery', direction: 'desc' }, format: 'xlsx', language: 'zh-CN' });
    act(() => finishExport(backend, jobId, { rows: 3 }));
    await waitFor(() => expect(downloads).toEqual(['notifications-2026-11-21.xlsx']));
  });
});
