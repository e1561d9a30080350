import type { ImportReport, JobState } from '../../../shared/contract/imports';

/** What a job needs to run: the only thing that crosses into a worker thread. */
export interface JobRequest {
  kind: 'import';
  filePath: string;
  fileName: string;
  actor: string;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number | null }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: NonNullable<JobState['error']>; stack?: string };

export type MainMessage = { type: 'run'; request: JobRequest } | { type: 'cancel' };
