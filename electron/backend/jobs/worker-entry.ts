import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { clockStartingAt } from '../../../shared/domain/clock';
import type { BackupCheckWorkerData } from '../backups/check-in-worker';
import { inspectBackupFile } from '../backups/create-backup';
import { configureConnection } from '../db/connection';
import { runCheckWorker, type CheckWorkerData } from '../faults/check-in-worker';
import { checkpointAfterImport, truncateLogAfterFailure } from '../imports/import-file';
import { runParseWorker } from '../imports/parse-worker';
import type { ParseWorkerData } from '../imports/parse-in-worker';
import { errorBody } from './job-runner';
import type { MainMessage, WorkerMessage } from './job-protocol';
import { runJob } from './run-job';

/** What the job runner hands a job worker. */
export interface JobWorkerData {
  role: 'job';
  databasePath: string;
  nativeBinding: string | null;
  /** This script, so the job can start a parse worker of its own. */
  script: string;
}

const port = parentPort;
if (!port) throw new Error('worker-entry runs as a worker thread');
const data = workerData as JobWorkerData | ParseWorkerData | CheckWorkerData | BackupCheckWorkerData;

if (data.role === 'parse') {
  void runParseWorker(port, data);
} else if (data.role === 'check') {
  runCheckWorker(port, data);
} else if (data.role === 'backup-check') {
  port.postMessage(inspectBackupFile(data.file, data.nativeBinding ?? undefined));
  port.close();
} else {
  // A job worker runs one job on its own connection, then exits. The main process already
  // migrated the database, so this connection only configures itself.
  const send = (m: WorkerMessage): void => port.postMessage(m);
  const controller = new AbortController();
  port.on('message', (m: MainMessage) => {
    if (m.type === 'cancel') {
      controller.abort();
      return;
    }
    let db: Database.Database;
    try {
      db = new Database(data.databasePath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
      configureConnection(db);
    } catch (e) {
      send({ type: 'failed', error: errorBody(e, data.databasePath), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) });
      port.close();
      return;
    }
    let failed = false;
    runJob(db, m.request, clockStartingAt(m.request.startedAt), controller.signal, (phase, done, total) => send({ type: 'progress', phase, done, total }), data.script)
      .then(
        (report) => send({ type: 'done', report }),
        (e: unknown) => {
          failed = true;
          send({ type: 'failed', error: errorBody(e, data.databasePath), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) });
        },
      )
      .finally(() => {
        try {
          // After the report: the analyst sees the result while the log is copied. A failed
          // import's log holds only rolled-back pages; it is cut back so it cannot fill the disk.
          if (failed) truncateLogAfterFailure(db);
          else if (m.request.kind === 'import') checkpointAfterImport(db);
        } catch {
          // A checkpoint that cannot run (a full disk, a damaged file) leaves the log as it is;
          // the failure itself has already been reported.
        }
        db.close();
        port.close();
      });
  });
}
