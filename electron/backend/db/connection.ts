import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { nowIso, type Clock } from '../../../shared/domain/clock';
import { toSearchText } from '../../../shared/domain/search-text';
import { AppError } from '../errors';
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

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (the Electron app passes its own). */
  nativeBinding?: string;
  /** Overridable for migration tests. */
  migrations?: readonly Migration[];
  /** Skip the pre-migration copy (only for throwaway databases in benchmarks). */
  skipBackup?: boolean;
  /** Dates the pre-migration copy and what migrations seed; the entry points pass clockFromEnv. */
  clock: Clock;
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
  // Used by the full-text index triggers (migration 0070).
  db.function('pingyi_search_text', { deterministic: true }, (text: unknown) =>
    toSearchText(typeof text === 'string' ? text : ''),
  );
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
  const exists = fs.existsSync(file);
  const previousVersion = exists ? readSchemaVersion(file, options.nativeBinding) : 0;
  if (previousVersion > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `The database at ${file} was written by a newer version of Pingyi (schema ${previousVersion}; this version knows up to ${latest}). ` +
        'Install the newer version to open it. The file has not been changed.',
      { file, found: previousVersion, supported: latest },
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Only a new file can take a page size (an existing one keeps its own; both work).
    if (!exists) db.pragma(`page_size = ${NEW_STORE_PAGE_SIZE}`);
    configureConnection(db);
    let backupFile: string | null = null;
    if (exists && previousVersion > 0 && previousVersion < latest && !options.skipBackup) {
      const dir = path.join(dataDir, 'backups');
      fs.mkdirSync(dir, { recursive: true });
      const stamp = nowIso(options.clock).replace(/[:.]/g, '-');
      backupFile = path.join(dir, `pingyi-schema${previousVersion}-${stamp}.sqlite3`);
      await db.backup(backupFile);
    }
    migrate(db, options.clock, list);
    return { db, file, previousVersion, backupFile };
  } catch (e) {
    db.close();
    throw e;
  }
}

export { LATEST_SCHEMA_VERSION };
