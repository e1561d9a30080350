import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ImportReport } from '../../../../shared/contract';
import { useApiClient } from '../../../api/api-context';
import { importReducer, INITIAL_IMPORT_STATE, isAcceptedFile, toImportError, type ImportState } from './import-machine';

/** While a job runs, its state is also polled: events can be missed if the stream reconnects. */
const POLL_MS = 1000;

export interface ImportJob {
  state: ImportState;
  start(file: File): Promise<void>;
  cancel(): void;
  showReport(report: ImportReport): void;
  reset(): void;
}

/**
 * Runs one import for the dialog: stage the file, start the job, follow jobProgress and jobDone
 * events for it, and read the final state (with the report) from jobsGet.
 */
export function useImportJob(): ImportJob {
  const { api, subscribe, stageFile } = useApiClient();
  const [state, dispatch] = useReducer(importReducer, INITIAL_IMPORT_STATE);
  const jobId = useRef<string | null>(null);
  // Events that arrive before notificationsImportStart has answered with the job's id.
  const early = useRef(new Set<string>());

  const settle = useCallback(
    async (id: string) => {
      try {
        const job = await api.jobsGet({ jobId: id });
        if (job.status === 'running' || job.status === 'queued') {
          dispatch({ type: 'progress', jobId: id, status: job.status, position: job.position, phase: job.phase, done: job.done, total: job.total });
        } else dispatch({ type: 'settled', job });
      } catch (e) {
        dispatch({ type: 'failed', error: toImportError(e) });
      }
    },
    [api],
  );

  useEffect(() => {
    const offProgress = subscribe('jobProgress', (p) => {
      if (p.jobId === jobId.current) {
        dispatch({ type: 'progress', jobId: p.jobId, status: p.status ?? 'running', position: p.position ?? null, phase: p.phase, done: p.done, total: p.total });
      }
    });
    const offDone = subscribe('jobDone', (d) => {
      if (d.jobId === jobId.current) void settle(d.jobId);
      else early.current.add(d.jobId);
    });
    return () => {
      offProgress();
      offDone();
    };
  }, [subscribe, settle]);

  const running = state.step === 'running' ? state.jobId : null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void settle(running), POLL_MS);
    return () => clearInterval(timer);
  }, [running, settle]);

  const start = useCallback(
    async (file: File) => {
      if (!isAcceptedFile(file.name)) {
        dispatch({ type: 'wrong-type', fileName: file.name });
        return;
      }
      dispatch({ type: 'upload', fileName: file.name });
      try {
        const staged = await stageFile(file);
        const started = await api.notificationsImportStart({ fileRef: staged.fileRef });
        jobId.current = started.jobId;
        dispatch({ type: 'started', jobId: started.jobId });
        // It may have finished already (a small file): ask once instead of waiting for a poll.
        if (early.current.has(started.jobId)) void settle(started.jobId);
      } catch (e) {
        dispatch({ type: 'failed', error: toImportError(e) });
      }
    },
    [api, stageFile, settle],
  );

  const cancel = useCallback(() => {
    const id = jobId.current;
    if (!id) return;
    dispatch({ type: 'cancel' });
    api.jobsCancel({ jobId: id }).then(
      (job) => {
        if (job.status !== 'running' && job.status !== 'queued') dispatch({ type: 'settled', job });
      },
      (e: unknown) => dispatch({ type: 'failed', error: toImportError(e) }),
    );
  }, [api]);

  const showReport = useCallback((report: ImportReport) => dispatch({ type: 'show-report', report }), []);
  const reset = useCallback(() => {
    jobId.current = null;
    dispatch({ type: 'reset' });
  }, []);

  return { state, start, cancel, showReport, reset };
}
