import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { BackupConfig, BackupEntry, BackupKind, BackupManifest } from '../../../shared/contract/backups';
import type { Clock } from '../../../shared/domain/clock';
import { AppError } from '../errors';
import { blobPath } from '../notifications/attachment-store';
import { backupFolder, readBackupConfig } from './backup-config';
import { BACKUP_ATTACHMENTS_DIR, databaseFileOf, listBackups, removeBackup, writeManifest } from './catalogue';
import { backupIdFor, selectForPruning } from './rotation';

/** Pages copied per step of the online backup (16 KB pages: 16 MB), between which writers may run. */
const PAGES_PER_STEP = 1024;

export interface CreateBackupOptions {
  /** The data folder: where the attachments to include live, and the configuration. */
  dataDir: string;
  kind: BackupKind;
  clock: Clock;
  appVersion: string;
  config?: BackupConfig;
  /** copying: pages of the store copied; checking: the copy's integrity check; attachments. */
  onProgress?: (phase: 'copying' | 'checking' | 'attachments', done: number, total: number) => void;
  /** Aborted: the backup stops at its next step and leaves no file behind. */
  signal?: AbortSignal;
  /** better-sqlite3 built for this runtime (the Electron app passes its own). */
  nativeBinding?: string;
}

export interface BackupInspection {
  schemaVersion: number;
  counts: BackupManifest['counts'];
  attachmentDigests: string[];
  check: BackupManifest['check'];
}

function countOf(db: Db, table: string): number {
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } catch {
    // A copy made before a migration may predate the table.
    return 0;
  }
}

/**
 * Open a copy read-only and run SQLite's full integrity check on it. A copy that is not a
 * database at all, or whose check reports anything but "ok", is recorded as failed.
 */
export function inspectBackupFile(file: string, nativeBinding?: string): BackupInspection {
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    let attachmentDigests: string[] = [];
    try {
      // Removed attachments (tombstones, from schema 190 on) may no longer have a file.
      const live = schemaVersion >= 190 ? ' WHERE deleted_at IS NULL' : '';
      attachmentDigests = (db.prepare(`SELECT DISTINCT sha256 FROM attachments${live}`).all() as Array<{ sha256: string }>).map((r) => r.sha256);
    } catch {
      attachmentDigests = [];
    }
    return {
      schemaVersion,
      counts: { notifications: countOf(db, 'notifications'), comments: countOf(db, 'comments') },
      attachmentDigests,
      check: problems.length === 0 ? { ok: true, message: 'ok' } : { ok: false, message: problems.slice(0, 5).join('; ') },
    };
  } catch (e) {
    return { schemaVersion: 0, counts: { notifications: 0, comments: 0 }, attachmentDigests: [], check: { ok: false, message: (e as Error).message } };
  } finally {
    db?.close();
  }
}

/**
 * Copy the attachments a backup refers to into the backup folder's shared attachments/, by
 * digest: a file already there (from an earlier backup) is the same content and is not copied
 * again. Returns how many were copied.
 */
function copyNewAttachments(dataDir: string, folder: string, digests: readonly string[]): number {
  let copied = 0;
  for (const sha of digests) {
    let source: string;
    try {
      source = blobPath(dataDir, sha);
    } catch {
      continue;
    }
    const target = path.join(folder, BACKUP_ATTACHMENTS_DIR, sha.slice(0, 2), sha);
    if (fs.existsSync(target) || !fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, `${target}.partial`);
    fs.renameSync(`${target}.partial`, target);
    copied += 1;
  }
  return copied;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The backup was cancelled; no copy was kept');
}

function diskError(e: unknown, folder: string): unknown {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new AppError('DISK_FULL', `The disk holding the backup folder ${folder} is full; the backup was not made`, { path: folder });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN') {
    return new AppError('READ_ONLY', `Cannot write into the backup folder ${folder}: ${(e as Error).message}`, { path: folder });
  }
  return e;
}

/**
 * Write a backup of `db` with SQLite's online backup (other work on the connection goes on
 * between steps), check it, copy the attachments it needs, record its manifest and apply the
 * rotation. A copy that fails its check is kept and marked, and the earlier ones are untouched.
 */
export async function createBackup(db: Db, options: CreateBackupOptions): Promise<BackupEntry & { attachmentsCopied: number }> {
  const config = options.config ?? readBackupConfig(options.dataDir);
  const folder = backupFolder(options.dataDir, config);
  const createdAt = options.clock.now();
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw diskError(e, folder);
  }
  const id = backupIdFor(createdAt, options.kind, (candidate) => fs.existsSync(databaseFileOf(folder, candidate)));
  const file = databaseFileOf(folder, id);
  const partial = `${file}.partial`;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        // Thrown here, the copy stops and better-sqlite3 closes it; the partial file goes below.
        throwIfCancelled(options.signal);
        options.onProgress?.('copying', totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    throwIfCancelled(options.signal);
    // A backup is one self-contained file: out of WAL mode, a read-only look leaves no -wal or
    // -shm beside it, and a copy on a network share needs no shared memory.
    const copy = new Database(partial, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw diskError(e, folder);
  }
  let inspection: BackupInspection;
  try {
    options.onProgress?.('checking', 0, 1);
    // A job runs on a worker thread in the app: the full check, which reads every page (some
    // seconds for a large store), keeps off the main process there.
    inspection = inspectBackupFile(file, options.nativeBinding);
    throwIfCancelled(options.signal);
  } catch (e) {
    // An unchecked copy is not offered as a backup (it has no manifest), so it is not kept either.
    fs.rmSync(file, { force: true });
    throw e;
  }
  let attachmentsCopied = 0;
  try {
    options.onProgress?.('attachments', 0, inspection.attachmentDigests.length);
    // Attachments are shared by digest between backups: one copied before a cancel is kept for the next.
    attachmentsCopied = copyNewAttachments(options.dataDir, folder, inspection.attachmentDigests);
    throwIfCancelled(options.signal);
  } catch (e) {
    // Without its manifest the copy is no backup: it goes, as after a failed check.
    fs.rmSync(file, { force: true });
    throw diskError(e, folder);
  }
  const manifest: BackupManifest = {
    id,
    kind: options.kind,
    createdAt: createdAt.toISOString(),
    schemaVersion: inspection.schemaVersion,
    appVersion: options.appVersion,
    size: fs.statSync(file).size,
    counts: inspection.counts,
    attachments: inspection.attachmentDigests.length,
    check: inspection.check,
  };
  writeManifest(folder, manifest);
  pruneBackups(folder, config);
  return { ...manifest, file, attachmentsCopied };
}

/** Apply the rotation to the backups in `folder`; returns the ids removed. */
export function pruneBackups(folder: string, config: BackupConfig): string[] {
  const ids = selectForPruning(listBackups(folder), config.rotation);
  for (const id of ids) removeBackup(folder, id);
  return ids;
}
