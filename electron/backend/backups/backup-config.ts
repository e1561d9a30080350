import fs from 'node:fs';
import path from 'node:path';
import { BackupConfig } from '../../../shared/contract/backups';
import { AppError } from '../errors';

/** Beside the store, not in it: a store that cannot be opened must still find its backups. */
export const BACKUP_CONFIG_FILE = 'backups.json';
export const DEFAULT_BACKUP_DIR = 'backups';
/** Where a replaced store is moved by a restore (never deleted). */
export const REPLACED_DIR = 'replaced';

export const DEFAULT_BACKUP_CONFIG: BackupConfig = {
  folder: null,
  rotation: { daily: 7, weekly: 4, preImport: 5, preMigration: 3 },
};

export function readBackupConfig(dataDir: string): BackupConfig {
  const file = path.join(dataDir, BACKUP_CONFIG_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return DEFAULT_BACKUP_CONFIG;
  }
  try {
    const parsed = BackupConfig.safeParse(JSON.parse(raw));
    // A file edited by hand into something unreadable falls back to the defaults rather than
    // stopping backups altogether.
    return parsed.success ? parsed.data : DEFAULT_BACKUP_CONFIG;
  } catch {
    return DEFAULT_BACKUP_CONFIG;
  }
}

export function backupFolder(dataDir: string, config: BackupConfig = readBackupConfig(dataDir)): string {
  return config.folder ?? path.join(dataDir, DEFAULT_BACKUP_DIR);
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * A backup folder may be anywhere the analyst can write: another drive, a mounted network share
 * (a UNC path on Windows). It must be absolute, must not be the data folder itself or one of the
 * folders the app manages there (attachments, staging, replaced: a restore or a clean-up would
 * mix them up), and must be a folder we can create and write into, which is tried here.
 */
export function validateBackupFolder(dataDir: string, folder: string): string {
  if (!path.isAbsolute(folder)) {
    throw new AppError('VALIDATION', `The backup folder must be an absolute path: ${folder}`, { field: 'folder', reason: 'relative' });
  }
  const resolved = path.resolve(folder);
  const data = path.resolve(dataDir);
  const managed = [data, ...['attachments', 'staging', REPLACED_DIR, 'exports', 'opened'].map((d) => path.join(data, d))];
  if (resolved === data || managed.slice(1).some((m) => inside(resolved, m))) {
    throw new AppError('VALIDATION', `The backup folder cannot be the data folder or one of its working folders: ${resolved}`, {
      field: 'folder',
      reason: 'managed',
    });
  }
  try {
    fs.mkdirSync(resolved, { recursive: true });
  } catch (e) {
    throw new AppError('ACCESS_DENIED', `Cannot create the backup folder ${resolved}: ${(e as Error).message}`, { field: 'folder', path: resolved });
  }
  if (!fs.statSync(resolved).isDirectory()) {
    throw new AppError('ACCESS_DENIED', `${resolved} is a file, not a folder`, { field: 'folder', path: resolved });
  }
  const probe = path.join(resolved, `.pingyi-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (e) {
    throw new AppError('READ_ONLY', `Cannot write into the backup folder ${resolved}: ${(e as Error).message}`, { field: 'folder', path: resolved });
  }
  return resolved;
}

/** Save the configuration (written to a temporary file and renamed, so it is never half-written). */
export function writeBackupConfig(dataDir: string, patch: Partial<BackupConfig>): BackupConfig {
  const current = readBackupConfig(dataDir);
  const next: BackupConfig = {
    folder: patch.folder === undefined ? current.folder : patch.folder === null ? null : validateBackupFolder(dataDir, patch.folder),
    rotation: patch.rotation ?? current.rotation,
  };
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, BACKUP_CONFIG_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2));
  fs.renameSync(`${file}.tmp`, file);
  return next;
}
