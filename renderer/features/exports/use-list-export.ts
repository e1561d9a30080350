import { useCallback, useEffect, useState } from 'react';
import type { ExportFormat, ExportList, ListExportRequest } from '../../../shared/contract/exports';
import { useApi } from '../../api/api-context';
import { useTranslation } from 'react-i18next';
import { useClaimedJob } from '../../stores/jobs-context';
import type { JobView } from '../../stores/jobs-store';
import { isErrorCode, toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { downloadExport } from '../comments/editor/download';

/** A list and the filters and sort its view shows now: what an export writes. */
export type ExportTarget = { [L in ExportList]: { list: L; filter: Extract<ListExportRequest, { list: L }>['filter'] } }[ExportList];

export type ExportOutcome =
  | { kind: 'downloaded'; rows: number; fileName: string }
  /** Too large to travel to the window: it stays in the exports folder. */
  | { kind: 'kept'; rows: number; path: string }
  | { kind: 'failed'; error: ErrorInfo }
  | { kind: 'cancelled' };

export interface ListExport {
  /** The running export's job, while it runs. */
  job: JobView | null;
  outcome: ExportOutcome | null;
  start(format: ExportFormat): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

/**
 * Export a list's current view: start the listExport job with the view's filters, follow its
 * progress, then fetch the file and hand it to the download (a save dialog in the desktop app).
 */
export function useListExport(target: ExportTarget): ListExport {
  const api = useApi();
  const { i18n } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const job = useClaimedJob(jobId);

  const start = useCallback(
    async (format: ExportFormat) => {
      setOutcome(null);
      try {
        const language = i18n.language === 'en' ? 'en' : 'zh-CN';
        const started = await api.exportsStart({ ...target, format, language } as ListExportRequest);
        setJobId(started.jobId);
      } catch (e) {
        setOutcome({ kind: 'failed', error: toErrorInfo(e) });
      }
    },
    [api, target, i18n],
  );

  const status = job?.status;
  useEffect(() => {
    if (!jobId || (status !== 'done' && status !== 'failed' && status !== 'cancelled')) return;
    let live = true;
    const finish = (next: ExportOutcome): void => {
      if (!live) return;
      setOutcome(next);
      setJobId(null);
    };
    void (async () => {
      const ended = await api.jobsGet({ jobId });
      if (ended.status === 'cancelled') return finish({ kind: 'cancelled' });
      if (ended.kind !== 'listExport' || ended.status !== 'done' || !ended.result) {
        const code = ended.error && isErrorCode(ended.error.code) ? ended.error.code : 'INTERNAL';
        return finish({ kind: 'failed', error: { code, message: ended.error?.message ?? ended.status } });
      }
      const { file, rows } = ended.result;
      try {
        const fetched = await api.exportsFetch({ fileName: file.fileName });
        downloadExport(fetched);
        finish({ kind: 'downloaded', rows, fileName: file.fileName });
      } catch (e) {
        const error = toErrorInfo(e);
        finish(error.code === 'TOO_LARGE' ? { kind: 'kept', rows, path: file.path } : { kind: 'failed', error });
      }
    })().catch((e: unknown) => finish({ kind: 'failed', error: toErrorInfo(e) }));
    return () => {
      live = false;
    };
  }, [api, jobId, status]);

  return {
    job: jobId ? (job ?? { jobId, kind: 'listExport', status: 'running', position: null, phase: 'starting', done: 0, total: null, error: null }) : null,
    outcome,
    start,
    cancel: () => {
      if (jobId) void api.jobsCancel({ jobId }).catch(() => undefined);
    },
    dismiss: () => setOutcome(null),
  };
}
