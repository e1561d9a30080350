import type { Database } from 'better-sqlite3';
import type { ImportReport } from '../../../shared/contract/imports';
import type { Clock } from '../../../shared/domain/clock';
import { importNotificationsFile } from '../imports/import-file';
import type { JobRequest } from './job-protocol';

/** The body of every job kind, the same on a worker thread and inline. */
export function runJob(
  db: Database,
  request: JobRequest,
  clock: Clock,
  signal: AbortSignal,
  progress: (phase: string, done: number, total: number | null) => void,
  /** A worker script to parse files on another thread; without it parsing shares this one. */
  parseWorkerScript?: string,
): Promise<ImportReport> {
  switch (request.kind) {
    case 'import':
      return importNotificationsFile(db, request.filePath, {
        fileName: request.fileName,
        actor: request.actor,
        clock,
        signal,
        ...(parseWorkerScript ? { parseWorkerScript } : {}),
        onProgress: (p) => progress(p.phase, p.done, p.total),
      });
  }
}
