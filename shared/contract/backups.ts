import { z } from 'zod';
import { channel } from './define';

export const BackupKind = z.enum(['daily', 'weekly', 'pre-import', 'pre-migration', 'manual']);
export type BackupKind = z.infer<typeof BackupKind>;

/** How many backups of each automatic kind are kept; manual ones stay until deleted. */
export const BackupRotation = z.object({
  daily: z.number().int().min(1).max(365),
  weekly: z.number().int().min(0).max(520),
  preImport: z.number().int().min(1).max(100),
  preMigration: z.number().int().min(1).max(100),
});
export type BackupRotation = z.infer<typeof BackupRotation>;

/**
 * Where backups go and how many are kept. Lives in a small file in the data folder, not in the
 * store, so a store that cannot be opened still knows where its backups are.
 */
export const BackupConfig = z.object({
  /** An absolute folder; null means `backups` in the data folder. */
  folder: z.string().min(1).max(1000).nullable(),
  rotation: BackupRotation,
});
export type BackupConfig = z.infer<typeof BackupConfig>;

/** What the manifest beside each backup records. */
export const BackupManifest = z.object({
  id: z.string().regex(/^[0-9]{8}-[0-9]{6}-[a-z-]+(-[0-9]+)?$/),
  kind: BackupKind,
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  /** Bytes of the database copy (attachments are shared between backups and not counted). */
  size: z.number().int(),
  counts: z.object({ notifications: z.number().int(), comments: z.number().int() }),
  /** SHA-256 digests of the attachments the copy refers to; their files sit in attachments/. */
  attachments: z.number().int(),
  check: z.object({ ok: z.boolean(), message: z.string() }),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const BackupEntry = BackupManifest.extend({ file: z.string() });
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupList = z.object({
  folder: z.string(),
  config: BackupConfig,
  backups: z.array(BackupEntry),
  /** True while a backup job runs or waits (the button waits for it). */
  running: z.boolean(),
});
export type BackupList = z.infer<typeof BackupList>;

/** A look inside a backup before choosing it, from a read-only connection. */
export const BackupSummary = z.object({
  id: z.string(),
  counts: z.object({ notifications: z.number().int(), comments: z.number().int() }),
  newestNotifications: z.array(z.object({ symbol: z.string(), title: z.string(), distributedOn: z.string().nullable() })),
  newestComments: z.array(z.object({ id: z.number().int(), title: z.string(), status: z.string(), updatedAt: z.string() })),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

export const RestoreResult = z.object({
  restored: z.string(),
  /** Where the replaced store (and its -wal, -shm) was moved; nothing is deleted. */
  movedAsideTo: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const RecoveryChoice = z.enum(['restore-newest', 'read-only', 'quit']);
export type RecoveryChoice = z.infer<typeof RecoveryChoice>;

/**
 * Whether the store opened normally, read-only, or not at all ('recovery': the analyst chooses
 * among `choices`). Answered without an open store.
 */
export const RecoveryStatus = z.object({
  mode: z.enum(['normal', 'read-only', 'recovery']),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  databasePath: z.string(),
  /** Where a restore moves the store it replaces. */
  replacedFolder: z.string(),
  newestGood: BackupEntry.nullable(),
  choices: z.array(RecoveryChoice),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

const BackupId = z.object({ id: BackupManifest.shape.id }).strict();

export const backupChannels = {
  backupsList: channel(z.object({}).strict(), BackupList),
  /** Starts a manual backup job; progress and the result come as jobProgress / jobDone events of kind 'backup'. */
  backupsCreate: channel(z.object({}).strict(), z.object({ started: z.boolean(), jobId: z.string() })),
  backupsConfigure: channel(BackupConfig.partial().strict(), BackupList),
  backupsSummary: channel(BackupId, BackupSummary),
  backupsRestore: channel(BackupId, RestoreResult),
  backupsDelete: channel(BackupId, BackupList),
  recoveryStatus: channel(z.object({}).strict(), RecoveryStatus),
  /** Only while in recovery: restore the newest good backup, open read-only, or quit. */
  recoveryChoose: channel(z.object({ choice: RecoveryChoice }).strict(), RecoveryStatus),
};
