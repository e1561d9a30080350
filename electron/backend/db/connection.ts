import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { type Clock } from '../../../shared/domain/clock';
import { toSearchText } from '../../../shared/domain/search-text';
import { uidAt } from '../../../shared/domain/uid';
import { createBackup } from '../backups/create-backup';
import { AppError } from '../errors';
import { classifyFault } from '../faults/classify-error';
import type { Migration } from './migration';
import { LATEST_SCHEMA_VERSION, migrations as allMigrations } from './migrations';

export const DATABASE_FILE = 'pingyi.sqlite3';

/**
 * Page size of a new store. A notification row is 1 to 2 KB: 4 KB pages (SQLite's default)
 * hold two and leave a quarter of the file empty, and a bulk import writes that air too.
 * 16 KB pages make the bulk file's store some 50 MB smaller and its import and index builds
 * faster (see the README's benchmark section).
 */
export const NEW_STORE_PAGE_SIZE = 16_384;

/** Bytes of write-ahead log kept after a checkpoint. */
export const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (the Electron app passes its own). */
  nativeBinding?: string;
  /** Overridable for migration tests. */
  migrations?: readonly Migration[];
  /** Skip the pre-migration copy (only for throwaway databases in benchmarks). */
  skipBackup?: boolean;
  /** Dates the pre-migration backup and what migrations seed; the entry points pass clockFromEnv. */
  clock: Clock;
  /** Recorded in the pre-migration backup's manifest. */
  appVersion?: string;
}

export interface OpenedStore {
  db: Db;
  file: string;
  /** Version found on disk before migrating (0 for a new file). */
  previousVersion: number;
  backupFile: string | null;
}

/** Pragmas and SQL functions every connection needs (main process, workers, CLI alike). */
export function configureConnection(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // After a checkpoint the write-ahead log is cut back to this size: a failed bulk import's
  // 300 MB of log pages would otherwise keep taking disk space until the store closes.
  db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  // Used by the full-text index triggers (migration 0070).
  db.function('pingyi_search_text', { deterministic: true }, (text: unknown) =>
    toSearchText(typeof text === 'string' ? text : ''),
  );
  // A fresh UUIDv7 dated at the given instant: migrations fill in uids of existing records with it.
  db.function('pingyi_uid_at', { deterministic: false }, (at: unknown) => uidAt(typeof at === 'string' || typeof at === 'number' ? at : 0));
}

/**
 * A native module built for another runtime (or a broken one) fails on the first open too;
 * that is not the database file's fault and must not be reported as corruption.
 */
export function openError(file: string, message: string): AppError {
  if (/NODE_MODULE_VERSION|compiled against a different|invalid ELF header|file too short|not a valid Win32|wrong ELF class/i.test(message)) {
    return new AppError('INTERNAL', `The SQLite module does not match this runtime: ${message}`);
  }
  return new AppError('DB_CORRUPT', `Cannot open the database at ${file}: ${message}`);
}

/**
 * Read the schema version without writing a byte: a database from a newer Pingyi must stay
 * exactly as it was, so it is inspected read-only before anything opens it for writing.
 */
export function readSchemaVersion(file: string, nativeBinding?: string): number {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    throw openError(file, (e as Error).message);
  }
  try {
    const version = db.pragma('user_version', { simple: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return Number(version);
  } catch (e) {
    throw new AppError('DB_CORRUPT', `The file at ${file} is not a readable Pingyi database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** Apply every pending migration in one transaction; the version only ever increases. */
export function migrate(db: Db, clock: Clock, list: readonly Migration[] = allMigrations): number {
  let last = 0;
  for (const m of list) {
    if (m.version <= last) throw new Error(`Migrations out of order at ${m.version}-${m.name}`);
    last = m.version;
  }
  const current = Number(db.pragma('user_version', { simple: true }));
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) m.up(db, clock);
    db.pragma(`user_version = ${last}`);
  })();
  return last;
}

/**
 * Open (creating if needed) the store in `dataDir`, refusing a database from a newer version
 * and copying an existing database aside with SQLite's online backup before migrating it.
 */
export async function openStore(dataDir: string, options: OpenOptions): Promise<OpenedStore> {
  const list = options.migrations ?? allMigrations;
  const latest = list[list.length - 1]?.version ?? 0;
  const file = path.join(dataDir, DATABASE_FILE);
  checkDataDir(dataDir);
  const exists = checkStoreFile(file);
  const previousVersion = exists ? readSchemaVersion(file, options.nativeBinding) : 0;
  if (previousVersion > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `The database at ${file} was written by a newer version of Pingyi (schema ${previousVersion}; this version knows up to ${latest}). ` +
        'Install the newer version to open it. The file has not been changed.',
      { file, found: previousVersion, supported: latest },
    );
  }
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    throw classifyFault(e, { path: file }) ?? openError(file, (e as Error).message);
  }
  try {
    // Only a new file can take a page size (an existing one keeps its own; both work).
    if (!exists) db.pragma(`page_size = ${NEW_STORE_PAGE_SIZE}`);
    configureConnection(db);
    let backupFile: string | null = null;
    if (exists && previousVersion > 0 && previousVersion < latest && !options.skipBackup) {
      // The same backups as every other kind: checked, listed, restorable, kept in rotation.
      const backup = await createBackup(db, {
        dataDir,
        kind: 'pre-migration',
        clock: options.clock,
        appVersion: options.appVersion ?? 'unknown',
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      backupFile = backup.file;
    }
    migrate(db, options.clock, list);
    return { db, file, previousVersion, backupFile };
  } catch (e) {
    db.close();
    throw classifyFault(e, { path: file }) ?? e;
  }
}

/**
 * The data folder must be a folder Pingyi can write: the store's write-ahead log and lock file
 * are created beside it. Made if missing; a file in its place or a read-only folder is named.
 * access() is used rather than the mode bits because it also answers for root, where the mode
 * does not stop writes but a read-only mount (EROFS) or an immutable folder (EPERM) does.
 */
function checkDataDir(dataDir: string): void {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(dataDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw classifyFault(e, { path: dataDir }) ?? e;
  }
  if (stat && !stat.isDirectory()) {
    throw new AppError(
      'ACCESS_DENIED',
      `The data folder ${dataDir} is a file, not a folder. Move or rename that file, or choose another data folder (--data-dir or PINGYI_DATA_DIR).`,
      { path: dataDir, reason: 'not-a-folder' },
    );
  }
  if (!stat) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (e) {
      throw classifyFault(e, { path: dataDir }) ?? e;
    }
  }
  try {
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(
      'READ_ONLY',
      `Pingyi cannot write in the data folder ${dataDir} (${code}): the store and its journal are kept there. ` +
        'Make the folder writable for your account, or choose another data folder (--data-dir or PINGYI_DATA_DIR).',
      { path: dataDir, reason: code === 'EROFS' ? 'read-only-filesystem' : 'not-writable' },
    );
  }
}

/**
 * Only a missing file means a new store. An empty file is what a failed copy or a crashed
 * disk leaves, and treating it as new would hide that the analyst's data is gone.
 * Returns whether the file exists.
 */
function checkStoreFile(file: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw classifyFault(e, { path: file }) ?? e;
  }
  if (!stat.isFile()) {
    throw new AppError('ACCESS_DENIED', `${file} is not a file. Move it aside so Pingyi can use that name for its store.`, { path: file, reason: 'not-a-file' });
  }
  if (stat.size === 0) {
    throw new AppError(
      'DB_CORRUPT',
      `The store ${file} is empty (0 bytes): its data is not there. Restore a backup (Settings › Backups), or move the empty file aside to start a new store. Nothing was changed.`,
      { file, reason: 'empty' },
    );
  }
  for (const [mode, code, what] of [
    [fs.constants.R_OK, 'ACCESS_DENIED', 'read'],
    [fs.constants.W_OK, 'READ_ONLY', 'write'],
  ] as const) {
    try {
      fs.accessSync(file, mode);
    } catch (e) {
      throw new AppError(
        code,
        `Pingyi cannot ${what} the store ${file} (${(e as NodeJS.ErrnoException).code}). Give your account read and write access to it (and make it not read-only), then start again.`,
        { path: file },
      );
    }
  }
  return true;
}

export { LATEST_SCHEMA_VERSION };
