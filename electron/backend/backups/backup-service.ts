import path from 'node:path';
import type { BackupConfig, BackupKind, BackupList, BackupSummary, RestoreResult } from '../../../shared/contract/backups';
import type { BackupMade, JobStateOf } from '../../../shared/contract/jobs';
import { nowIso } from '../../../shared/domain/clock';
import { ERROR_CODES, type ErrorCode } from '../../../shared/result';
import { changed, withChange } from '../changes';
import type { BackendContext } from '../context';
import { DATABASE_FILE } from '../db/connection';
import { AppError } from '../errors';
import { backupFolder, readBackupConfig, writeBackupConfig } from './backup-config';
import { findBackup, listBackups, removeBackup } from './catalogue';
import { startReindexWhenStale } from '../notifications/search-index-job';
import { openStoreReadOnly } from './recovery';
import { restoreBackup, reopenStore, summarizeBackup } from './restore';
import { dueAutomaticKind } from './rotation';

/** How often a running app asks the clock whether a new day has begun (the backup itself is daily). */
const DAILY_CHECK_MS = 10 * 60 * 1000;

/**
 * The backups of one backend: each one a job (kind 'backup') of the job runner, so a backup runs
 * on a worker thread beside an import and never beside another backup; the daily one when the
 * clock says so; and restore, which swaps the context's connection for the restored store's.
 */
export class BackupService {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: () => BackendContext,
    private readonly nativeBinding?: string,
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

  /** True while a backup job runs or waits its turn. */
  get isRunning(): boolean {
    return this.ctx().jobs.pending('backup').length > 0;
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

  /** Ask for a backup job; it starts when no other backup runs. Progress and result come as job events. */
  start(kind: BackupKind): JobStateOf<'backup'> {
    const ctx = this.ctx();
    return ctx.jobs.start({
      kind: 'backup',
      input: { kind },
      params: { dataDir: ctx.dataDir, appVersion: ctx.appVersion, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) },
      startedAt: nowIso(ctx.clock),
    }) as JobStateOf<'backup'>;
  }

  /** Write a backup and wait for it: its entry, or its failure as an AppError (CLI and tests). */
  async create(kind: BackupKind): Promise<BackupMade> {
    const ended = (await this.ctx().jobs.settle(this.start(kind).jobId)) as JobStateOf<'backup'>;
    if (ended.result) return ended.result;
    const error = ended.error ?? { code: 'INTERNAL', message: 'The backup ended without a result' };
    const code = (ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
    throw new AppError(code, error.message, error.details);
  }

  /** The daily (or weekly) backup if today's has not been made; null when none was due. */
  async runDueBackup(): Promise<BackupMade | null> {
    if (this.isRunning) return null;
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

  /** Wait for the backups being written or waiting (closing the app, tests). */
  async settle(): Promise<void> {
    await this.ctx().jobs.settleAll('backup');
  }

  delete(id: string): BackupList {
    const folder = this.folder;
    findBackup(folder, id);
    removeBackup(folder, id);
    return withChange(this.list(), this.ctx(), 'backups', [id]);
  }

  /**
   * Replace the store with backup `id` and reconnect the backend to it. Refused while a job runs
   * or waits: an import or a backup holds the store open on another connection or mid-copy.
   */
  restore(id: string): RestoreResult {
    const ctx = this.ctx();
    if (ctx.jobs.isBusy()) {
      const busy = ctx.jobs.list(1)[0];
      const what = busy?.kind === 'backup' ? 'A backup is being written' : busy?.kind === 'searchReindex' ? 'The search index is being rebuilt' : 'An import is running';
      throw new AppError('BUSY', `${what}; restore when it has finished or been cancelled`, { reason: 'job-running', ...(busy ? { jobId: busy.jobId } : {}) });
    }
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
      // A backup made by another version may carry an index built by another search-text function.
      startReindexWhenStale(ctx);
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
