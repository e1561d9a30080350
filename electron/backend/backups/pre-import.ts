import type { Database } from 'better-sqlite3';
import { fixedClock } from '../../../shared/domain/clock';
import { AppError } from '../errors';
import { createBackup } from './create-backup';

/**
 * An import is "large", and backed up first, when its file is 1 MB or more and the store
 * already holds notifications or comments. 1 MB is some 1,000 rows of an ePing export: every
 * weekly or monthly download, the bulk file, a WTO API dump; a hand-made sheet of a few rows is
 * not worth a copy of the whole store each time (the import is one transaction anyway), and an
 * empty store has nothing to lose.
 */
export const PRE_IMPORT_BACKUP_MIN_BYTES = 1024 * 1024;

export interface PreImportBackup {
  dataDir: string;
  appVersion: string;
  /** When the import was asked for (the backup's date), from the backend's clock. */
  at: string;
  nativeBinding?: string;
}

export function preImportBackupNeeded(db: Database, fileBytes: number): boolean {
  if (fileBytes < PRE_IMPORT_BACKUP_MIN_BYTES) return false;
  const row = db.prepare('SELECT (SELECT count(*) FROM notifications) + (SELECT count(*) FROM comments) AS n').get() as { n: number };
  return row.n > 0;
}

/**
 * Back the store up before a large import, on the import's own connection. A store whose copy
 * fails its integrity check is damaged: importing into it would bury the damage, so the import
 * stops here with DB_CORRUPT and nothing is written.
 */
export async function backupBeforeImport(db: Database, options: PreImportBackup, onProgress: (done: number, total: number) => void): Promise<void> {
  const made = await createBackup(db, {
    dataDir: options.dataDir,
    kind: 'pre-import',
    clock: fixedClock(options.at),
    appVersion: options.appVersion,
    onProgress: (phase, done, total) => {
      if (phase === 'copying') onProgress(done, total);
    },
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (!made.check.ok) {
    throw new AppError('DB_CORRUPT', `The store failed its integrity check before the import (${made.check.message}); nothing was imported`, {
      reason: 'corrupt',
      backup: made.id,
    });
  }
}
