import { Worker } from 'node:worker_threads';
import type { BackupInspection } from './create-backup';

/** What the backup check worker gets: the copy to check, with the app's SQLite build. */
export interface BackupCheckWorkerData {
  role: 'backup-check';
  file: string;
  nativeBinding: string | null;
}

/**
 * Run a backup's integrity check on a worker thread. The full check reads every page: some
 * 1.3 s for 20,000 notifications, several seconds for a store of 100,000, time in which the
 * main process (and with it the window) must not stand still.
 */
export function inspectInWorker(worker: { script: string; execArgv?: string[] }, file: string, nativeBinding?: string): Promise<BackupInspection> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(worker.script, {
      execArgv: worker.execArgv ?? [],
      workerData: { role: 'backup-check', file, nativeBinding: nativeBinding ?? null } satisfies BackupCheckWorkerData,
    });
    let answered = false;
    thread.once('message', (inspection: BackupInspection) => {
      answered = true;
      resolve(inspection);
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (!answered) reject(new Error(`The backup check stopped unexpectedly (exit ${code})`));
    });
  });
}
