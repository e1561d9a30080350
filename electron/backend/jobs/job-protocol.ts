import type { ImportReport, JobState } from '../../../shared/contract/imports';
import type { PreImportBackup } from '../backups/pre-import';

/** What a job needs to run: the only thing that crosses into a worker thread. */
export interface JobRequest {
  kind: 'import';
  filePath: string;
  fileName: string;
  actor: string;
  /** Set when the import is large enough to back the store up first (see pre-import.ts). */
  preImportBackup?: PreImportBackup;
  /**
   * The backend clock's reading when the job started. A worker thread cannot be handed the clock
   * itself, so its clock runs on from this instant: PINGYI_NOW and a test's clock reach the import.
   */
  startedAt: string;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number | null }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: NonNullable<JobState['error']>; stack?: string };

export type MainMessage = { type: 'run'; request: JobRequest } | { type: 'cancel' };
