import fs from 'node:fs';
import path from 'node:path';
import { BackupManifest, type BackupEntry } from '../../../shared/contract/backups';
import { notFound } from '../errors';

/** Each backup is <id>.sqlite3 with <id>.json beside it; attachments/ is shared by all of them. */
export const BACKUP_ATTACHMENTS_DIR = 'attachments';

export const databaseFileOf = (folder: string, id: string): string => path.join(folder, `${id}.sqlite3`);
const manifestFileOf = (folder: string, id: string): string => path.join(folder, `${id}.json`);

/** Every backup in `folder`, newest first. Files that are not ours, or half-written, are skipped. */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    try {
      const parsed = BackupManifest.safeParse(JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')));
      if (!parsed.success) continue;
      const file = databaseFileOf(folder, parsed.data.id);
      if (!fs.existsSync(file)) continue;
      entries.push({ ...parsed.data, file });
    } catch {
      // An unreadable manifest is not a backup we can offer; the file stays for a person to see.
    }
  }
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

export function findBackup(folder: string, id: string): BackupEntry {
  const entry = listBackups(folder).find((b) => b.id === id);
  if (!entry) throw notFound('Backup', id);
  return entry;
}

/** The manifest is written last and atomically: a backup without one is not listed. */
export function writeManifest(folder: string, manifest: BackupManifest): void {
  const file = manifestFileOf(folder, manifest.id);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(manifest, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

/** Removes a backup's database copy and manifest (the shared attachments stay). */
export function removeBackup(folder: string, id: string): void {
  fs.rmSync(manifestFileOf(folder, id), { force: true });
  fs.rmSync(databaseFileOf(folder, id), { force: true });
}
