import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { BackupEntry, BackupSummary, RestoreResult } from '../../../shared/contract/backups';
import type { Clock } from '../../../shared/domain/clock';
import { configureConnection, DATABASE_FILE, migrate } from '../db/connection';
import { AppError } from '../errors';
import { blobPath } from '../notifications/attachment-store';
import { REPLACED_DIR } from './backup-config';
import { BACKUP_ATTACHMENTS_DIR } from './catalogue';
import { inspectBackupFile } from './create-backup';

const STORE_SUFFIXES = ['', '-wal', '-shm'] as const;

/** A look inside a backup from a read-only connection: counts and the newest records. */
export function summarizeBackup(entry: BackupEntry, nativeBinding?: string): BackupSummary {
  let db: Db;
  try {
    db = new Database(entry.file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    throw new AppError('DB_CORRUPT', `The backup ${entry.id} cannot be opened: ${(e as Error).message}`, { id: entry.id, reason: 'corrupt' });
  }
  // A copy made before a migration may predate a table: it shows as empty, not as damage.
  const has = (table: string): boolean => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  try {
    if (!has('notifications') || !has('comments')) {
      const count = (table: string): number => (has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
      return { id: entry.id, counts: { notifications: count('notifications'), comments: count('comments') }, newestNotifications: [], newestComments: [] };
    }
    const newestNotifications = (
      db
        .prepare('SELECT symbol, title, distribution_date AS distributedOn FROM notifications ORDER BY distribution_date DESC, id DESC LIMIT 5')
        .all() as BackupSummary['newestNotifications']
    ).map((n) => ({ ...n, title: n.title.slice(0, 200) }));
    // Deleted comments are tombstones from schema 200 on: they are not what the backup holds for the analyst.
    const live = db.prepare("SELECT 1 FROM pragma_table_info('comments') WHERE name = 'deleted_at'").get() ? 'WHERE deleted_at IS NULL' : '';
    const newestComments = (
      db
        .prepare(
          `SELECT id, CASE WHEN title_zh <> '' THEN title_zh ELSE title_en END AS title, status, updated_at AS updatedAt FROM comments ${live} ORDER BY updated_at DESC, id DESC LIMIT 5`,
        )
        .all() as BackupSummary['newestComments']
    ).map((c) => ({ ...c, title: c.title.slice(0, 200) }));
    const count = (table: string, where = ''): number => (db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
    return { id: entry.id, counts: { notifications: count('notifications'), comments: count('comments', live) }, newestNotifications, newestComments };
  } catch (e) {
    throw new AppError('DB_CORRUPT', `The backup ${entry.id} cannot be read: ${(e as Error).message}`, { id: entry.id, reason: 'corrupt' });
  } finally {
    db.close();
  }
}

/** The folder a restore moves the current store into: <data>/replaced/<UTC stamp>, never reused. */
export function replacedFolderFor(dataDir: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let dir = path.join(dataDir, REPLACED_DIR, stamp);
  for (let n = 2; fs.existsSync(dir); n += 1) dir = path.join(dataDir, REPLACED_DIR, `${stamp}-${n}`);
  return dir;
}

/** Open a store file for the backend: the same pragmas as openStore, migrated if it is older. */
export function reopenStore(file: string, clock: Clock, nativeBinding?: string): Db {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    configureConnection(db);
    migrate(db, clock);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function bringBackAttachments(dataDir: string, backupFolder: string, digests: readonly string[]): void {
  for (const sha of digests) {
    let target: string;
    try {
      target = blobPath(dataDir, sha);
    } catch {
      continue;
    }
    const source = path.join(backupFolder, BACKUP_ATTACHMENTS_DIR, sha.slice(0, 2), sha);
    if (fs.existsSync(target) || !fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
  }
}

export interface RestoreOptions {
  dataDir: string;
  backupFolder: string;
  clock: Clock;
  /** The connection to the current store, closed before its files are moved (null: none open). */
  current: Db | null;
  nativeBinding?: string;
}

/**
 * Put a backup in place of the store. The backup is checked again first (a bad one is refused);
 * the current store and its -wal and -shm are moved aside into <data>/replaced/<stamp>/, never
 * overwritten or deleted; the copy is written beside the store and renamed into place; missing
 * attachments come back from the backup folder. If anything fails after the move, the moved
 * files are put back. Returns the new connection.
 */
export function restoreBackup(entry: BackupEntry, options: RestoreOptions): { db: Db; result: RestoreResult } {
  if (!entry.check.ok) {
    throw new AppError('CONFLICT', `The backup ${entry.id} failed its integrity check (${entry.check.message}) and cannot be restored`, {
      id: entry.id,
      reason: 'bad-backup',
    });
  }
  const inspection = inspectBackupFile(entry.file, options.nativeBinding);
  if (!inspection.check.ok) {
    throw new AppError('CONFLICT', `The backup ${entry.id} no longer passes its integrity check (${inspection.check.message}); nothing was changed`, {
      id: entry.id,
      reason: 'bad-backup',
    });
  }
  const store = path.join(options.dataDir, DATABASE_FILE);
  const incoming = `${store}.restoring`;
  fs.copyFileSync(entry.file, incoming);
  // Closed first: a healthy store folds its write-ahead log in and removes -wal and -shm.
  if (options.current?.open) options.current.close();
  const present = STORE_SUFFIXES.filter((s) => fs.existsSync(store + s));
  const aside = present.length > 0 ? replacedFolderFor(options.dataDir, options.clock.now()) : null;
  const moved: Array<[string, string]> = [];
  try {
    if (aside) {
      fs.mkdirSync(aside, { recursive: true });
      for (const s of present) {
        const target = path.join(aside, DATABASE_FILE + s);
        fs.renameSync(store + s, target);
        moved.push([store + s, target]);
      }
    }
    fs.renameSync(incoming, store);
    bringBackAttachments(options.dataDir, options.backupFolder, inspection.attachmentDigests);
    const db = reopenStore(store, options.clock, options.nativeBinding);
    return { db, result: { restored: entry.id, movedAsideTo: aside } };
  } catch (e) {
    // Put the analyst's store back exactly as it was: the restore did not happen.
    fs.rmSync(incoming, { force: true });
    if (moved.length > 0) {
      fs.rmSync(store, { force: true });
      for (const [from, to] of moved) fs.renameSync(to, from);
    }
    throw e;
  }
}
