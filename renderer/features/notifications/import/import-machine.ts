import type { ImportReport, JobState } from '../../../../shared/contract';
import { ApiError, type ErrorCode } from '../../../../shared/result';
import { isErrorCode } from '../../../stores/error-info';

/** The files the backend's readers take: ePing exports (XLSX, CSV) and WTO API JSON. */
export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv', '.json'] as const;

export function isAcceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export interface ImportError {
  code: ErrorCode;
  message: string;
  /** A refused file's reason code and figures (see refusalOfError). */
  details?: unknown;
}

/**
 * Where an import stands, as the dialog shows it:
 * pick a file → upload it → the job runs (progress, maybe cancelling) → report, cancelled or failed.
 * A report can also be opened from the history without running anything.
 */
export type ImportState =
  | { step: 'pick'; wrongType: string | null }
  | { step: 'uploading'; fileName: string }
  | {
      step: 'running';
      fileName: string;
      jobId: string;
      /** queued: waiting for the writer before it (an import, a reindex); position 1 runs next. */
      status: 'queued' | 'running';
      position: number | null;
      phase: string;
      done: number;
      total: number | null;
      cancelling: boolean;
    }
  | { step: 'done'; report: ImportReport; fromHistory: boolean; cancelCameTooLate: boolean }
  | { step: 'cancelled'; fileName: string }
  | { step: 'failed'; fileName: string | null; error: ImportError };

export type ImportEvent =
  | { type: 'wrong-type'; fileName: string }
  | { type: 'upload'; fileName: string }
  | { type: 'started'; jobId: string }
  | { type: 'progress'; jobId: string; status: 'queued' | 'running'; position: number | null; phase: string; done: number; total: number | null }
  | { type: 'cancel' }
  | { type: 'settled'; job: JobState }
  | { type: 'failed'; error: ImportError }
  | { type: 'show-report'; report: ImportReport }
  | { type: 'reset' };

export const INITIAL_IMPORT_STATE: ImportState = { step: 'pick', wrongType: null };

/** Any thrown value as the code and message the dialog shows. */
export function toImportError(e: unknown): ImportError {
  if (e instanceof ApiError) return e.details === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, details: e.details };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

function fromJobError(error: JobState['error']): ImportError {
  if (!error) return { code: 'INTERNAL', message: 'The import stopped without a report' };
  const code = isErrorCode(error.code) ? error.code : 'INTERNAL';
  return error.details === undefined ? { code, message: error.message } : { code, message: error.message, details: error.details };
}

const busy = (s: ImportState): boolean => s.step === 'uploading' || s.step === 'running';

export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'wrong-type':
      return busy(state) ? state : { step: 'pick', wrongType: event.fileName };
    case 'upload':
      return busy(state) ? state : { step: 'uploading', fileName: event.fileName };
    case 'started':
      if (state.step !== 'uploading') return state;
      return { step: 'running', fileName: state.fileName, jobId: event.jobId, status: 'running', position: null, phase: 'starting', done: 0, total: null, cancelling: false };
    case 'progress':
      if (state.step !== 'running' || state.jobId !== event.jobId) return state;
      return {
        ...state,
        status: event.status,
        position: event.position,
        phase: event.phase,
        done: event.done,
        total: event.total,
        cancelling: state.cancelling || event.phase === 'cancelling',
      };
    case 'cancel':
      return state.step === 'running' ? { ...state, cancelling: true } : state;
    case 'settled': {
      if (state.step !== 'running' || state.jobId !== event.job.jobId) return state;
      const job = event.job;
      if (job.status === 'running' || job.status === 'queued' || job.kind !== 'import') return state;
      if (job.status === 'done' && job.result) {
        return { step: 'done', report: job.result, fromHistory: false, cancelCameTooLate: state.cancelling };
      }
      if (job.status === 'cancelled' || job.error?.code === 'CANCELLED') return { step: 'cancelled', fileName: state.fileName };
      return { step: 'failed', fileName: state.fileName, error: fromJobError(job.error) };
    }
    case 'failed':
      if (state.step !== 'uploading' && state.step !== 'running') return state;
      if (event.error.code === 'CANCELLED') return { step: 'cancelled', fileName: state.fileName };
      return { step: 'failed', fileName: state.fileName, error: event.error };
    case 'show-report':
      return busy(state) ? state : { step: 'done', report: event.report, fromHistory: true, cancelCameTooLate: false };
    case 'reset':
      return busy(state) ? state : INITIAL_IMPORT_STATE;
  }
}

