import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry, RecoveryChoice, RecoveryStatus } from '../../../shared/contract/backups';
import type { Clock } from '../../../shared/domain/clock';
import { toSearchText } from '../../../shared/domain/search-text';
import type { ErrorCode } from '../../../shared/result';
import { DATABASE_FILE, openError, type OpenedStore } from '../db/connection';
import { AppError } from '../errors';
import { backupFolder, REPLACED_DIR } from './backup-config';
import { listBackups } from './catalogue';
import { restoreBackup } from './restore';
import { newestGoodBackup } from './rotation';

/** The failures start-up recovery is for: the file is there but damaged, unreadable or unwritable. */
const RECOVERABLE: readonly ErrorCode[] = ['DB_CORRUPT', 'ACCESS_DENIED', 'READ_ONLY'];

export function errorCodeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * Whether a failure to open the store is one the analyst can recover from at start. A database
 * from a newer version (DB_TOO_NEW) and a SQLite module built for another runtime are not:
 * restoring an older backup over them would lose data or change nothing.
 */
export function isRecoverable(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code !== null && (RECOVERABLE as readonly string[]).includes(code);
}

/** The choices offered, in order; restoring needs a backup that passed its check. */
export function recoveryChoices(newestGood: BackupEntry | null): RecoveryChoice[] {
  return newestGood ? ['restore-newest', 'read-only', 'quit'] : ['read-only', 'quit'];
}

export function recoveryStatus(dataDir: string, problem: unknown | null, mode: RecoveryStatus['mode']): RecoveryStatus {
  const newestGood = newestGoodBackup(listBackups(backupFolder(dataDir)));
  return {
    mode,
    problem:
      problem === null
        ? null
        : { code: errorCodeOf(problem) ?? 'INTERNAL', message: problem instanceof Error ? problem.message : String(problem) },
    databasePath: path.join(dataDir, DATABASE_FILE),
    replacedFolder: path.join(dataDir, REPLACED_DIR),
    newestGood,
    choices: mode === 'recovery' ? recoveryChoices(newestGood) : [],
  };
}

/** Put the newest good backup in place (the damaged store is moved aside) and return it open. */
export function restoreNewestGood(dataDir: string, clock: Clock, nativeBinding?: string): OpenedStore {
  const folder = backupFolder(dataDir);
  const newest = newestGoodBackup(listBackups(folder));
  if (!newest) throw new AppError('NOT_FOUND', `There is no backup that passed its check in ${folder}`);
  const { db } = restoreBackup(newest, { dataDir, backupFolder: folder, clock, current: null, ...(nativeBinding ? { nativeBinding } : {}) });
  return { db, file: path.join(dataDir, DATABASE_FILE), previousVersion: Number(db.pragma('user_version', { simple: true })), backupFile: null };
}

/**
 * Open the store read-only for a look at what can still be read: no migration, no pragma that
 * writes. Queries that reach a damaged page fail with their own error; the rest work.
 */
export function openStoreReadOnly(dataDir: string, nativeBinding?: string): OpenedStore {
  const file = path.join(dataDir, DATABASE_FILE);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    throw openError(file, (e as Error).message);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.function('pingyi_search_text', { deterministic: true }, (text: unknown) => toSearchText(typeof text === 'string' ? text : ''));
  return { db, file, previousVersion: Number(db.pragma('user_version', { simple: true })), backupFile: null };
}
