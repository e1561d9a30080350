import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { Actor } from '../analysts/analysts';
import type { ImportReport } from '../../../shared/contract/imports';
import type { Clock } from '../../../shared/domain/clock';
import { AppError } from '../errors';
import { readNotificationsFile, type ImportLimits } from './readers';
import { readNotificationsFileInWorker } from './parse-in-worker';
import { estimateRows, shouldUseBulkMode } from './bulk-mode';
import { writeNotifications } from './write-notifications';

export interface ImportFileOptions {
  fileName?: string;
  /** Who imports (the acting analyst): the audit log names them by uid, the history by name. */
  actor: Actor;
  /** The backend's clock; in a job worker, one running on from the job's start. */
  clock: Clock;
  signal?: AbortSignal;
  limits?: Partial<ImportLimits>;
  /** Parse on a worker thread running this script (worker-entry), overlapping parse and write. */
  parseWorkerScript?: string;
  /** hashing, opening (a workbook), reading (and writing) rows, then indexing: search index, indexes and commit. */
  onProgress?: (p: { phase: 'hashing' | 'opening' | 'reading' | 'indexing'; done: number; total: number | null; rows: number }) => void;
}

const countNotifications = (db: Database): number =>
  (db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n;

/**
 * SQLite's page cache while an import runs. 64 MB was about 0.3 s faster on the bulk file, but
 * a 45 MB export then peaked at 595-615 MB; 40 MB keeps it at 570-585 MB.
 */
const IMPORT_CACHE_KIB = 40 * 1024;

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Import one ePing export (XLSX or CSV) or WTO API JSON file: bounded, streamed parsing feeding
 * a single-transaction write. Progress is the share of the file's bytes read so far.
 */
export async function importNotificationsFile(db: Database, filePath: string, options: ImportFileOptions): Promise<ImportReport> {
  const fileName = options.fileName ?? path.basename(filePath);
  let size: number;
  try {
    size = fs.statSync(filePath).size;
  } catch {
    throw new AppError('NOT_FOUND', `The file ${fileName} cannot be read`);
  }
  options.onProgress?.({ phase: 'hashing', done: 0, total: size, rows: 0 });
  // Hashed on this thread while the parser starts and checks the file; the writer records the
  // digest once it has it, and a failure to read the file surfaces there.
  const fileSha256 = sha256File(filePath);
  fileSha256.catch(() => undefined);
  const readOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    // Before the first row a workbook is being opened: checked, and its first shared strings read.
    onProgress: (rows: number, bytesRead: number, totalBytes: number) =>
      options.onProgress?.({ phase: rows === 0 ? 'opening' : 'reading', done: bytesRead, total: totalBytes, rows }),
  };
  const reading = options.parseWorkerScript
    ? readNotificationsFileInWorker(options.parseWorkerScript, filePath, readOptions)
    : readNotificationsFile(filePath, readOptions);
  const facts = (): { format: string; encoding: string | null; rowsRead: number } => {
    const r = reading.report();
    if (!r) throw new AppError('INTERNAL', 'The file was read but its format was never determined');
    return r;
  };
  // The full-text index and the notification indexes of a 100,000-row import thrash SQLite's
  // default 8 MB page cache; a larger cache for the length of the import more than halves it.
  const previousCache = Number(db.pragma('cache_size', { simple: true }));
  db.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  // The commit of a bulk load makes the write-ahead log some 300 MB; copying it into the
  // database at once (SQLite's automatic checkpoint) would add a second or more before the
  // report. The data is safe in the log from the commit on; the job worker copies it after
  // reporting (checkpointAfterImport), and closing the store does in any case.
  const previousAutoCheckpoint = Number(db.pragma('wal_autocheckpoint', { simple: true }));
  db.pragma('wal_autocheckpoint = 0');
  try {
    return await writeNotifications(
      db,
      reading,
      facts,
      { fileName, fileSize: size, fileSha256, actor: options.actor, clock: options.clock },
      {
        ...(options.signal ? { signal: options.signal } : {}),
        bulk: shouldUseBulkMode(estimateRows(size, fileName), countNotifications(db)),
        onRowsWritten: (p) => options.onProgress?.({ phase: 'indexing', done: 0, total: null, rows: p.rows }),
      },
    );
  } finally {
    db.pragma(`cache_size = ${previousCache}`);
    db.pragma(`wal_autocheckpoint = ${previousAutoCheckpoint}`);
  }
}

/**
 * Copy what an import left in the write-ahead log into the database, without waiting for
 * readers or blocking them (PASSIVE). Returns how long it took, in milliseconds.
 */
export function checkpointAfterImport(db: Database): number {
  const started = performance.now();
  db.pragma('wal_checkpoint(PASSIVE)');
  return performance.now() - started;
}

/**
 * After a failed or cancelled import the write-ahead log may hold hundreds of megabytes of
 * rolled-back pages. A TRUNCATE checkpoint resets it to zero bytes when no reader is using it
 * (and journal_size_limit trims it at the next reset otherwise).
 */
export function truncateLogAfterFailure(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
