import path from 'node:path';
import type { BackupConfig, BackupEntry, BackupKind, BackupList, BackupSummary, RestoreResult } from '../../../shared/contract/backups';
import { changed, withChange } from '../changes';
import type { BackendContext } from '../context';
import { DATABASE_FILE } from '../db/connection';
import { AppError } from '../errors';
import { backupFolder, readBackupConfig, writeBackupConfig } from './backup-config';
import { findBackup, listBackups, removeBackup } from './catalogue';
import { inspectInWorker } from './check-in-worker';
import { createBackup } from './create-backup';
import { openStoreReadOnly } from './recovery';
import { restoreBackup, reopenStore, summarizeBackup } from './restore';
import { dueAutomaticKind } from './rotation';

/** How often a running app asks the clock whether a new day has begun (the backup itself is daily). */
const DAILY_CHECK_MS = 10 * 60 * 1000;

export type BackupCreated = BackupEntry & { attachmentsCopied: number };

/**
 * The backups of one backend: one backup at a time, the daily one when the clock says so, and
 * restore, which swaps the context's connection for the restored store's.
 */
export class BackupService {
  private running: Promise<BackupCreated> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: () => BackendContext,
    private readonly nativeBinding?: string,
    /** The bundled worker script: the integrity check of a new copy runs there, off this thread. */
    private readonly worker?: { script: string; execArgv?: string[] },
  ) {}

  /** For a backup made on another connection (an import's worker) with the same SQLite build. */
  get nativeBindingOption(): { nativeBinding?: string } {
    return this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
  }

  get config(): BackupConfig {
    return readBackupConfig(this.ctx().dataDir);
  }

  get folder(): string {
    return backupFolder(this.ctx().dataDir, this.config);
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  list(): BackupList {
    const config = this.config;
    const folder = backupFolder(this.ctx().dataDir, config);
    return { folder, config, backups: listBackups(folder), running: this.isRunning };
  }

  configure(patch: Partial<BackupConfig>): BackupList {
    writeBackupConfig(this.ctx().dataDir, patch);
    return withChange(this.list(), this.ctx(), 'backups');
  }

  /** Write a backup now; refuses (BUSY) while another one is being written. */
  create(kind: BackupKind): Promise<BackupCreated> {
    if (this.running) return Promise.reject(new AppError('BUSY', 'A backup is already being written; wait for it to finish'));
    const ctx = this.ctx();
    const worker = this.worker;
    const job = createBackup(ctx.db, {
      dataDir: ctx.dataDir,
      kind,
      clock: ctx.clock,
      appVersion: ctx.appVersion,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      onProgress: (done, total) => ctx.emit('backupProgress', { kind, done, total }),
      ...(worker ? { inspect: (file: string) => inspectInWorker(worker, file, this.nativeBinding) } : {}),
    });
    this.running = job;
    const clear = (): void => {
      this.running = null;
    };
    job.then(
      (b) => {
        clear();
        ctx.emit('backupDone', { kind, ok: true, id: b.id, check: b.check.ok });
        changed(ctx, 'backups', [b.id]);
      },
      (e: unknown) => {
        clear();
        const body = e instanceof AppError ? e.toBody() : { code: 'INTERNAL' as const, message: (e as Error)?.message ?? String(e) };
        ctx.emit('backupDone', { kind, ok: false, error: { code: body.code, message: body.message } });
      },
    );
    return job;
  }

  /** The daily (or weekly) backup if today's has not been made; null when none was due. */
  async runDueBackup(): Promise<BackupCreated | null> {
    if (this.running) return null;
    const ctx = this.ctx();
    const kind = dueAutomaticKind(listBackups(this.folder), ctx.clock.now());
    return kind ? this.create(kind) : null;
  }

  /** At start and then every few minutes, so an app left running past midnight makes the next day's. */
  startSchedule(onError: (e: unknown) => void): void {
    const tick = (): void => {
      this.runDueBackup().catch(onError);
    };
    tick();
    this.timer = setInterval(tick, DAILY_CHECK_MS);
    this.timer.unref();
  }

  /** Wait for a backup being written (closing the app, tests). */
  async settle(): Promise<void> {
    if (this.running) await this.running.catch(() => undefined);
  }

  delete(id: string): BackupList {
    const folder = this.folder;
    findBackup(folder, id);
    removeBackup(folder, id);
    return withChange(this.list(), this.ctx(), 'backups', [id]);
  }

  /**
   * Replace the store with backup `id` and reconnect the backend to it. Refused while an import
   * or a backup runs: either holds the store open on another connection or mid-copy.
   */
  restore(id: string): RestoreResult {
    const ctx = this.ctx();
    if (this.running) throw new AppError('BUSY', 'A backup is being written; restore when it has finished');
    if (ctx.jobs.isBusy()) throw new AppError('BUSY', 'An import is running; restore when it has finished or been cancelled');
    const folder = this.folder;
    const entry = findBackup(folder, id);
    const current = ctx.db;
    try {
      const { db, result } = restoreBackup(entry, {
        dataDir: ctx.dataDir,
        backupFolder: folder,
        clock: ctx.clock,
        current,
        ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      });
      ctx.db = db;
      ctx.health.reset();
      // A store opened read-only at start-up recovery is now replaced by one that can be written.
      ctx.readOnly = false;
      changed(ctx, '*');
      return result;
    } catch (e) {
      // The store's files are back where they were; reconnect to them as they were open (read-only
      // stays read-only, and is not migrated) so the app goes on. The restore's error is the one
      // the analyst needs; a failure to reconnect goes to the log.
      if (!current.open) {
        try {
          ctx.db = current.readonly
            ? openStoreReadOnly(ctx.dataDir, this.nativeBinding).db
            : reopenStore(path.join(ctx.dataDir, DATABASE_FILE), ctx.clock, this.nativeBinding);
        } catch (reopenError) {
          ctx.errorLog.write('reconnecting after a failed restore', reopenError);
        }
      }
      throw e;
    }
  }

  /** A read-only look inside backup `id`, with the app's own SQLite build. */
  summary(id: string): BackupSummary {
    return summarizeBackup(findBackup(this.folder, id), this.nativeBinding);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
