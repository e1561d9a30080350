import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../shared/contract';
import { createI18n } from '../i18n/i18n';
import type { JobView } from '../stores/jobs-store';
import { createFakeBackend } from '../testing/fake-backend';
import { renderApp } from '../testing/render-app';
import { JobProgress } from './job-progress';

const job = (overrides: Partial<JobView>): JobView => ({
  jobId: 'j1',
  kind: 'searchReindex',
  status: 'running',
  position: null,
  phase: 'indexing',
  done: 0,
  total: null,
  error: null,
  ...overrides,
});

function show(view: JobView, locale: Locale = 'zh-CN', onCancel?: () => void) {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <JobProgress job={view} showKind {...(onCancel ? { onCancel } : {})} />
    </I18nextProvider>,
  );
}

describe('the progress of a job', () => {
  it('shows the kind, the phase in words, the share done as a bar and the figures', () => {
    show(job({ done: 30_000, total: 120_000 }));
    expect(screen.getByText('重建检索索引')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('正在按新的检索方式重建索引…… 25% · 30,000 / 120,000');
    expect((screen.getByRole('progressbar', { name: '重建检索索引' }) as HTMLProgressElement).value).toBe(25);
  });

  it('runs the bar without a value while the total is unknown', () => {
    show(job({ kind: 'backup', phase: 'checking' }));
    expect(screen.getByRole('status').textContent).toBe('正在检查备份的完整性……');
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
  });

  it('says where a queued job stands in the queue, in either language', () => {
    show(job({ kind: 'import', status: 'queued', position: 2, phase: 'queued' }));
    expect(screen.getByRole('status').textContent).toBe('排队等候（第 2 位），前一个任务完成后开始');
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
    show(job({ kind: 'import', status: 'queued', position: 1, phase: 'queued' }), 'en');
    expect(screen.getAllByRole('status')[1]?.textContent).toBe('Waiting (number 1 in line); starts when the job before it has finished');
  });

  it('shows a phase it has no words for as the backend named it', () => {
    show(job({ phase: 'merging' }));
    expect(screen.getByRole('status').textContent).toBe('merging');
  });

  it('cancels, and waits once the job says it is cancelling', () => {
    const cancel = vi.fn();
    const { rerender } = show(job({ kind: 'backup', phase: 'copying', done: 1, total: 4 }), 'en', cancel);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledTimes(1);
    rerender(
      <I18nextProvider i18n={createI18n('en')}>
        <JobProgress job={job({ kind: 'backup', phase: 'cancelling', done: 1, total: 4 })} onCancel={cancel} />
      </I18nextProvider>,
    );
    expect((screen.getByRole('button', { name: 'Cancelling…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Cancelling; no partial backup is left… 25% · 1 / 4');
  });
});

describe('the frame’s job tray', () => {
  it('shows a reindex begun before the window opened, follows it, cancels it and goes when it ends', async () => {
    const backend = createFakeBackend();
    const { jobId } = backend.jobs.start('searchReindex', { reason: 'stale', from: 0 });
    renderApp({ backend });
    const tray = await screen.findByRole('complementary', { name: '正在进行的任务' });
    expect(within(tray).getByText('重建检索索引')).toBeTruthy();
    act(() => backend.emit('jobProgress', { jobId, kind: 'searchReindex', status: 'running', position: null, phase: 'indexing', done: 50, total: 200 }));
    expect(within(tray).getByRole('status').textContent).toBe('正在按新的检索方式重建索引…… 25% · 50 / 200');
    fireEvent.click(within(tray).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(backend.callsTo('jobsCancel')).toEqual([{ jobId }]));
    act(() => backend.emit('jobDone', { jobId, kind: 'searchReindex', ok: true, status: 'done', result: { indexed: 200, version: 2 } }));
    expect(screen.queryByRole('complementary', { name: '正在进行的任务' })).toBeNull();
  });

  it('keeps a failed job with its reason until it is closed', async () => {
    const backend = createFakeBackend();
    renderApp({ backend });
    await screen.findByRole('navigation');
    act(() => backend.emit('jobProgress', { jobId: 'b1', kind: 'backup', status: 'running', position: null, phase: 'copying', done: 1, total: 2 }));
    act(() => backend.emit('jobDone', { jobId: 'b1', kind: 'backup', ok: false, status: 'failed', error: { code: 'DISK_FULL', message: 'The disk is full' } }));
    const tray = screen.getByRole('complementary', { name: '正在进行的任务' });
    expect(within(tray).getByRole('alert').textContent).toContain('备份未完成：The disk is full');
    fireEvent.click(within(tray).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('complementary', { name: '正在进行的任务' })).toBeNull();
  });
});
