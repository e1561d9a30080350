import { Worker, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { StoreCheck } from '../../../shared/contract/store-health';
import { fixedClock } from '../../../shared/domain/clock';
import { fullCheck } from './integrity';

/** What the weekly check's worker gets: the store to read and the time to stamp the result with. */
export interface CheckWorkerData {
  role: 'check';
  databasePath: string;
  nativeBinding: string | null;
  /** The caller's clock, read when the check starts (a worker has no clock of its own). */
  startedAt: string;
}

/** In the worker: a read-only connection of its own, so the app's event loop stays free. */
export function runCheckWorker(port: MessagePort, data: CheckWorkerData): void {
  let check: StoreCheck;
  const db = new Database(data.databasePath, { readonly: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  try {
    check = fullCheck(db, fixedClock(data.startedAt));
  } catch (e) {
    check = { kind: 'full', ok: false, problems: [(e as Error).message], at: data.startedAt, ms: 0 };
  } finally {
    db.close();
  }
  port.postMessage(check);
  port.close();
}

/**
 * The weekly full check reads every page: 18.6 s on a 670 MB store here. On the app's
 * thread that would hold every call for as long, so it runs on a worker thread.
 */
export function fullCheckInWorker(script: string, data: Omit<CheckWorkerData, 'role'>, execArgv: string[] = []): Promise<StoreCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { execArgv, workerData: { role: 'check', ...data } satisfies CheckWorkerData });
    worker.once('message', (check: StoreCheck) => resolve(check));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The store check stopped (exit ${code})`)));
  });
}
