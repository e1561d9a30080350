import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { configureConnection } from '../db/connection';
import { errorBody } from './job-runner';
import type { MainMessage, WorkerMessage } from './job-protocol';
import { runJob } from './run-job';

interface WorkerInput {
  databasePath: string;
  nativeBinding: string | null;
}

// A worker runs one job on its own connection, then exits. The main process already migrated
// the database, so this connection only configures itself.
const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('worker-entry runs as a worker thread');
const send = (m: WorkerMessage): void => port.postMessage(m);
const controller = new AbortController();

port.on('message', (m: MainMessage) => {
  if (m.type === 'cancel') {
    controller.abort();
    return;
  }
  const db = new Database(input.databasePath, input.nativeBinding ? { nativeBinding: input.nativeBinding } : {});
  configureConnection(db);
  runJob(db, m.request, controller.signal, (phase, done, total) => send({ type: 'progress', phase, done, total }))
    .then(
      (report) => send({ type: 'done', report }),
      (e: unknown) => send({ type: 'failed', error: errorBody(e) }),
    )
    .finally(() => {
      db.close();
      port.close();
    });
});
