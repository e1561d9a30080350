import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { clockStartingAt } from '../../../shared/domain/clock';
import { configureConnection } from '../db/connection';
import { runCheckWorker, type CheckWorkerData } from '../faults/check-in-worker';
import { runParseWorker } from '../imports/parse-worker';
import type { ParseWorkerData } from '../imports/parse-in-worker';
import type { ErrorCode } from '../../../shared/result';
import { AppError } from '../errors';
import { errorBody } from './job-runner';
import { afterJob, runJob } from './job-kinds';
import type { MainMessage, ProgressReport, WorkerMessage } from './job-protocol';

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
const data = workerData as JobWorkerData | ParseWorkerData | CheckWorkerData;

if (data.role === 'parse') {
  void runParseWorker(port, data);
} else if (data.role === 'check') {
  runCheckWorker(port, data);
} else {
  // A job worker runs one job on its own connection, then exits. The main process already
  // migrated the database, so this connection only configures itself.
  const send = (m: WorkerMessage): void => port.postMessage(m);
  const controller = new AbortController();
  // PDFs asked of the runner (JobEnv.pdf), by request id, until their answer comes back.
  const printing = new Map<number, { resolve: (bytes: Buffer) => void; reject: (e: unknown) => void }>();
  let nextPrint = 1;
  const pdf = (html: string): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const requestId = nextPrint++;
      printing.set(requestId, { resolve, reject });
      send({ type: 'pdf', requestId, html });
    });
  port.on('message', (m: MainMessage) => {
    if (m.type === 'cancel') {
      controller.abort();
      return;
    }
    if (m.type === 'pdfDone' || m.type === 'pdfFailed') {
      const waiting = printing.get(m.requestId);
      printing.delete(m.requestId);
      if (m.type === 'pdfDone') waiting?.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
      else waiting?.reject(new AppError(m.error.code as ErrorCode, m.error.message, m.error.details));
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
    const env = {
      db,
      clock: clockStartingAt(m.request.startedAt),
      signal: controller.signal,
      progress: (p: ProgressReport) => send({ type: 'progress', ...p }),
      workerScript: data.script,
      pdf,
    };
    runJob(m.request, env)
      .then(
        (result) => send({ type: 'done', result }),
        (e: unknown) => {
          failed = true;
          send({ type: 'failed', error: errorBody(e, data.databasePath), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) });
        },
      )
      .finally(() => {
        try {
          // After the outcome: the analyst sees the result while the log is copied.
          afterJob(m.request.kind, db, failed);
        } catch {
          // A checkpoint that cannot run (a full disk, a damaged file) leaves the log as it is;
          // the outcome itself has already been reported.
        }
        db.close();
        port.close();
      });
  });
}
