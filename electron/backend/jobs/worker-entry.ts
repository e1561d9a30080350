import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { clockStartingAt } from '../../../shared/domain/clock';
import { configureConnection } from '../db/connection';
import { checkpointAfterImport } from '../imports/import-file';
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
const data = workerData as JobWorkerData | ParseWorkerData;

if (data.role === 'parse') {
  void runParseWorker(port, data);
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
    const db = new Database(data.databasePath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
    configureConnection(db);
    runJob(db, m.request, clockStartingAt(m.request.startedAt), controller.signal, (phase, done, total) => send({ type: 'progress', phase, done, total }), data.script)
      .then(
        (report) => send({ type: 'done', report }),
        (e: unknown) => send({ type: 'failed', error: errorBody(e) }),
      )
      .finally(() => {
        // After the report: the analyst sees the result while the log is copied.
        if (m.request.kind === 'import') checkpointAfterImport(db);
        db.close();
        port.close();
      });
  });
}
