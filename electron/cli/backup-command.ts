import path from 'node:path';
import type { BackupEntry } from '../../shared/contract/backups';
import { REPLACED_DIR, backupFolder } from '../backend/backups/backup-config';
import { findBackup, listBackups } from '../backend/backups/catalogue';
import { restoreBackup } from '../backend/backups/restore';
import { DATABASE_FILE } from '../backend/db/connection';
import type { CliCommand, CliIo, RecoveryContext } from './command';
import { followJob } from './job-progress';

const USAGE = 'pingyi backup create|list|restore ID [--yes] [--json]';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function printList(io: CliIo, folder: string, backups: readonly BackupEntry[], json: boolean): number {
  if (json) {
    io.out(JSON.stringify({ folder, backups }, null, 2));
    return 0;
  }
  io.out(`backups in ${folder}`);
  if (backups.length === 0) io.out('  (none yet)');
  for (const b of backups) {
    io.out(
      `  ${b.id.padEnd(34)} ${b.kind.padEnd(13)} ${b.createdAt.slice(0, 19).replace('T', ' ')}  ${formatSize(b.size).padStart(8)}  ` +
        `${b.counts.notifications} notifications, ${b.counts.comments} comments  ${b.check.ok ? 'check ok' : `CHECK FAILED: ${b.check.message}`}`,
    );
  }
  return 0;
}

/** What restore will do, said before it is done: nothing is deleted, the store is moved aside. */
function restoreWarning(dataDir: string, id: string): string {
  return (
    `Restoring ${id} replaces the store ${path.join(dataDir, DATABASE_FILE)}. The current store (with its -wal and -shm) ` +
    `is first moved into ${path.join(dataDir, REPLACED_DIR)}/<time>/; nothing is deleted. Close the Pingyi app first. ` +
    'Run again with --yes to restore.'
  );
}

/**
 * Without an open store (it is damaged or unreadable), list and restore still work: they only
 * need the backup folder, which the configuration file beside the store names.
 */
function recover(ctx: RecoveryContext): number | null {
  const [sub, id] = ctx.positionals;
  const folder = backupFolder(ctx.dataDir);
  if (sub === 'list') return printList(ctx.io, folder, listBackups(folder), ctx.json);
  if (sub !== 'restore' || !id) return null;
  if (ctx.flags.yes !== true) return ctx.usageError(restoreWarning(ctx.dataDir, id));
  const { db, result } = restoreBackup(findBackup(folder, id), { dataDir: ctx.dataDir, backupFolder: folder, clock: ctx.clock, current: null });
  db.close();
  if (ctx.json) ctx.io.out(JSON.stringify(result));
  else ctx.io.out(`Restored ${result.restored}; the damaged store was moved to ${result.movedAsideTo ?? '(there was none)'}.`);
  return 0;
}

export const backupCommand: CliCommand = {
  summary: 'Create, list or restore backups of the store (restore moves the current store aside)',
  usage: USAGE,
  options: { yes: { type: 'boolean', short: 'y' } },
  recover,
  async run({ backend, call, positionals, flags, json, io, usageError }) {
    const [sub, id, ...extra] = positionals;
    if (extra.length > 0) return usageError(`unexpected ${extra.join(' ')}`);
    switch (sub) {
      case 'list': {
        if (id) return usageError('list takes no ID');
        const list = call('backupsList', {});
        return printList(io, list.folder, list.backups, json);
      }
      case 'create': {
        if (id) return usageError('create takes no ID');
        const made = await followJob(backend, () => backend.ctx.backups.start('manual'), io, json);
        if (json) io.out(JSON.stringify(made, null, 2));
        else {
          io.out(`Backup ${made.id} written to ${made.file} (${formatSize(made.size)}, ${made.attachmentsCopied} new attachments copied).`);
          io.out(made.check.ok ? 'Integrity check: ok' : `Integrity check FAILED: ${made.check.message}`);
        }
        // A copy that fails its check means the store itself is damaged: say so in the exit code.
        return made.check.ok ? 0 : 1;
      }
      case 'restore': {
        if (!id) return usageError('restore needs the ID of a backup (see pingyi backup list)');
        if (flags.yes !== true) return usageError(restoreWarning(backend.ctx.dataDir, id));
        const result = call('backupsRestore', { id });
        if (json) io.out(JSON.stringify(result));
        else io.out(`Restored ${result.restored}; the store it replaced was moved to ${result.movedAsideTo ?? '(there was none)'}.`);
        return 0;
      }
      default:
        return usageError(sub ? `unknown subcommand '${sub}'` : 'say create, list or restore');
    }
  },
};
