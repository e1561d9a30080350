import type { Database } from 'better-sqlite3';
import type { ImportReport } from '../../../shared/contract/imports';
import { backupBeforeImport } from '../backups/pre-import';
import type { Clock } from '../../../shared/domain/clock';
import { importNotificationsFile } from '../imports/import-file';
import type { JobRequest } from './job-protocol';

/** The body of every job kind, the same on a worker thread and inline. */
export async function runJob(
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
      if (request.preImportBackup) {
        await backupBeforeImport(db, request.preImportBackup, (done, total) => progress('backup', done, total));
      }
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
