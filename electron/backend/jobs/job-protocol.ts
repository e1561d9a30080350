import type { Actor } from '../analysts/analysts';
import type { JobError, JobInput, JobKind } from '../../../shared/contract/jobs';
import type { ListExportQuery } from '../../../shared/contract/exports';
import type { ReportFormat, ReportParams } from '../../../shared/contract/reports';
import type { PreImportBackup } from '../backups/pre-import';

/**
 * What a job of each kind needs beyond its contract input: the backend's own facts (paths, the
 * acting analyst), which the window never sees. Like the input, it crosses into a worker thread.
 */
export interface JobParams {
  import: {
    filePath: string;
    actor: Actor;
    /** Set when the import is large enough to back the store up first (see pre-import.ts). */
    preImportBackup?: PreImportBackup;
  };
  searchReindex: Record<string, never>;
  backup: { dataDir: string; appVersion: string; nativeBinding?: string };
  warningsRecompute: {
    actor: Actor;
    /** For scope 'enterprises': the enterprises to score again. */
    enterpriseUids?: string[];
  };
  listExport: {
    /** The export as asked for, validated against the contract. */
    request: ListExportQuery;
    /** Where the file goes: <dataDir>/exports/. */
    dataDir: string;
  };
  reportMake: {
    params: ReportParams;
    formats: ReportFormat[];
    actor: Actor;
    dataDir: string;
    /** The Chromium the PDF is printed with (electron/backend/pdf), when the backend knows one. */
    chromiumPath?: string;
  };
}

/** What a job needs to run: the only thing that crosses into a worker thread. */
export type JobRequest<K extends JobKind = JobKind> = {
  [P in K]: {
    kind: P;
    input: JobInput<P>;
    params: JobParams[P];
    /**
     * The backend clock's reading when the job was asked for. A worker thread cannot be handed
     * the clock itself, so its clock runs on from this instant: PINGYI_NOW and a test's clock
     * reach the job.
     */
    startedAt: string;
  };
}[K];

/** A job's progress as its runner reports it; `rows` only for imports. */
export interface ProgressReport {
  phase: string;
  done: number;
  total: number | null;
  rows?: number;
}

export type WorkerMessage =
  | ({ type: 'progress' } & ProgressReport)
  /** The job asks the runner to print HTML to PDF with the backend's renderer (JobEnv.pdf). */
  | { type: 'pdf'; requestId: number; html: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: JobError; stack?: string };

export type MainMessage =
  | { type: 'run'; request: JobRequest }
  | { type: 'cancel' }
  /** The answer to a 'pdf' request: the printed bytes, or why they could not be made. */
  | { type: 'pdfDone'; requestId: number; bytes: Uint8Array }
  | { type: 'pdfFailed'; requestId: number; error: JobError };
