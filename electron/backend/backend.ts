import path from 'node:path';
import { type Channel, type ChannelInput, type ChannelOutput, type EventName, type EventPayload } from '../../shared/contract';
import { valueOrThrow, type Result } from '../../shared/result';
import { forgetStoreFigures } from './app/app-counts';
import { BackupService } from './backups/backup-service';
import type { BackendContext } from './context';
import { openStore, type OpenedStore, type OpenOptions } from './db/connection';
import { dispatch, dispatchAsync, type DispatchOptions } from './dispatch';
import { createErrorLog } from './faults/error-log';
import { fullCheckDue, quickCheck } from './faults/integrity';
import { runFullCheck, runFullCheckOnWorker } from './faults/store-health-handlers';
import { StoreHealth } from './faults/store-health';
import { STAGING_FOLDER, StagingArea, removeLeftoverStaging } from './files/staging';
import type { SyncChannel } from './handler-types';
import { asyncHandlers, handlers } from './handlers';
import { afterJob, runJob } from './jobs/job-kinds';
import { JobRunner } from './jobs/job-runner';
import { chromiumPdfRenderer } from './pdf/chromium-pdf';
import { bundledWorkerScript } from './jobs/worker-script';
import { startReindexWhenStale } from './notifications/search-index-job';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface Backend {
  readonly ctx: BackendContext;
  /** Validate and run one call of a synchronous channel; never throws. */
  invoke(channel: unknown, input: unknown): Result<unknown>;
  /**
   * Any call, as the transports make it: asynchronous channels through their async handlers,
   * and a write that meets the import's write lock waits for the import to end and runs then,
   * instead of failing (see WRITE_WAIT_MS). Never rejects.
   */
  invokeWhenFree(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** A synchronous call, typed, throwing ApiError on failure (CLI and tests). */
  call<C extends SyncChannel>(channel: C, input: ChannelInput<C>): ChannelOutput<C>;
  /** Any call, typed, through invokeWhenFree, rejecting with ApiError on failure (CLI and tests). */
  callAsync<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): void;
}

export interface StartOptions extends OpenOptions, DispatchOptions {
  dataDir: string;
  appVersion: string;
  /** The bundled worker script for long jobs; without it jobs run on the calling thread. */
  worker?: { script: string; execArgv?: string[] };
  /** Make the daily backup at start and whenever the clock passes midnight (the app and web mode). */
  autoBackups?: boolean;
  /** Run the weekly full integrity check after start when it is due (the app; not the CLI). */
  scheduleFullCheck?: boolean;
  /** How long after start the weekly full check begins (tests shorten it). */
  fullCheckDelayMs?: number;
  /** Stores up to this size get a full quick_check at start, larger ones a sample (tests lower it). */
  quickCheckFullScanBytes?: number;
  /** How long a write waits for a running import before it answers BUSY (tests shorten it). */
  writeWaitMs?: number;
  /**
   * Rebuild the search index at start when it was built by another version of the search-text
   * function (default true; the CLI says so and rebuilds before a search instead).
   */
  reindexWhenStale?: boolean;
}

/**
 * A write waits this long for a running import. The bulk file's import takes 10 to 20 s here;
 * past two minutes the analyst is better told to try again than left staring at a spinner.
 */
export const WRITE_WAIT_MS = 120_000;
/** SQLite's own wait for a lock, as configured; while a job runs the main connection waits briefly. */
const BUSY_TIMEOUT_MS = 5000;
/** After the window has had its first answers. */
const FULL_CHECK_DELAY_MS = 30_000;
const BUSY_TIMEOUT_DURING_JOB_MS = 50;

/** A BUSY that came from SQLite's lock (and may pass when the job ends), not a refusal up front. */
function isLockBusy(result: Result<unknown>): boolean {
  if (result.ok || result.error.code !== 'BUSY') return false;
  const details = result.error.details as { sqlite?: unknown } | undefined;
  return typeof details?.sqlite === 'string';
}

/** Open the store and wire the handler table: what every transport (IPC, HTTP, CLI) stands on. */
export async function startBackend(options: StartOptions): Promise<Backend> {
  removeLeftoverStaging(path.join(options.dataDir, STAGING_FOLDER));
  return createBackend(await openStore(options.dataDir, options), options);
}

/**
 * Wire the handler table over a store already open: a restored one, or one opened read-only at
 * start-up recovery (then nothing is written on purpose and no automatic backup runs).
 */
export function createBackend(store: OpenedStore, options: StartOptions & { readOnly?: boolean }): Backend {
  const listeners = new Set<EventListener>();
  const emit: BackendContext['emit'] = (name, payload) => {
    // The counts appInfo reports are kept until a change that can move them.
    if (name === 'dataChanged') forgetStoreFigures(ctx.db, (payload as EventPayload<'dataChanged'>).entity);
    for (const l of listeners) l(name, payload);
  };
  const clock = options.clock;
  const errorLog = createErrorLog(options.dataDir, clock);
  const health = new StoreHealth(() => ctx.db, clock);
  const logInternal = (source: string, e: unknown): void => {
    errorLog.write(source, e);
    options.onInternalError?.(source, e);
  };
  // Jobs print PDF with the app's renderer once main has set it (ctx.pdf: Electron's printToPDF),
  // else with an installed Chromium (web mode, the CLI); a worker's job asks for it by message.
  const printPdf = (html: string): Promise<Buffer> => (ctx.pdf ?? chromiumPdfRenderer())(html);
  // Inline jobs (the CLI) still parse files on a thread of their own when the bundle has one.
  const parseWorker = options.worker ? undefined : bundledWorkerScript();
  const ctx: BackendContext = {
    health,
    errorLog,
    db: store.db,
    dataDir: options.dataDir,
    databasePath: store.file,
    appVersion: options.appVersion,
    clock,
    staging: new StagingArea(path.join(options.dataDir, STAGING_FOLDER)),
    emit,
    jobs: new JobRunner({
      databasePath: store.file,
      emit,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.worker ? { worker: options.worker } : {}),
      // ctx.db, not store.db: a restore replaces the connection.
      pdf: printPdf,
      runInline: (request, signal, progress) =>
        runJob(request, { db: ctx.db, clock, signal, progress, pdf: printPdf, ...(parseWorker ? { workerScript: parseWorker } : {}) }).catch((e: unknown) => {
          // The job's own error is what the analyst needs; a failed clean-up goes to the log.
          try {
            afterJob(request.kind, ctx.db, true);
          } catch (cleanup) {
            logInternal(`cleaning up after a failed ${request.kind} job`, cleanup);
          }
          throw e;
        }),
      onFault: (error) => {
        if (error.code === 'DB_CORRUPT') health.markDamaged(error.message);
      },
      onInternalError: logInternal,
      onBusyChange: (busy) => {
        // While a job holds the write lock a write here fails at once and waits in
        // invokeWhenFree, off the event loop, instead of blocking it for SQLite's timeout.
        if (ctx.db.open) ctx.db.pragma(`busy_timeout = ${busy ? BUSY_TIMEOUT_DURING_JOB_MS : BUSY_TIMEOUT_MS}`);
      },
    }),
    backups: new BackupService(() => ctx, options.nativeBinding),
    readOnly: options.readOnly === true,
  };
  try {
    health.recordCheck(quickCheck(store.db, store.file, clock, options.quickCheckFullScanBytes));
  } catch (e) {
    // A fault other than damage (a lock held elsewhere, a read error): the store is not opened.
    store.db.close();
    throw e;
  }
  let fullCheckTimer: NodeJS.Timeout | null = null;
  if (options.scheduleFullCheck && !health.damaged && fullCheckDue(store.db, clock)) {
    fullCheckTimer = setTimeout(() => {
      fullCheckTimer = null;
      if (!ctx.db.open || ctx.jobs.running()) return;
      if (!options.worker) {
        runFullCheck(ctx);
        return;
      }
      runFullCheckOnWorker(ctx, options.worker, options.nativeBinding ?? null).catch((e: unknown) => logInternal('weekly store check', e));
    }, options.fullCheckDelayMs ?? FULL_CHECK_DELAY_MS);
    fullCheckTimer.unref();
  }
  if (options.reindexWhenStale !== false && !options.readOnly && !health.damaged) startReindexWhenStale(ctx);
  if (options.autoBackups && !options.readOnly) {
    ctx.backups.startSchedule((e) => logInternal('daily backup', e));
  }
  const invoke = (channel: unknown, input: unknown): Result<unknown> => dispatch(handlers, ctx, channel, input, options);
  const worker = options.worker ? { ...options.worker, nativeBinding: options.nativeBinding ?? null } : null;
  const writeWaitMs = options.writeWaitMs ?? WRITE_WAIT_MS;
  const invokeWhenFree = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const run = (): Promise<Result<unknown>> | Result<unknown> =>
      dispatchAsync(asyncHandlers, ctx, worker, channel, input, options) ?? invoke(channel, input);
    let result = await run();
    let triedAfterJob = false;
    while (isLockBusy(result)) {
      if (!ctx.jobs.running()) {
        // The job ended between the refusal and now: one more try. With no job of ours the
        // lock belongs to another process, which SQLite's own timeout has already waited for.
        if (triedAfterJob) break;
        triedAfterJob = true;
      } else if (!(await ctx.jobs.whenIdle(writeWaitMs))) {
        return {
          ok: false,
          error: {
            code: 'BUSY',
            message: `An import has held the store for over ${Math.round(writeWaitMs / 1000)} s; this change was not saved. Try again when the import has finished.`,
            details: { reason: 'waited-for-import', waitedMs: writeWaitMs },
          },
        };
      }
      result = await run();
    }
    return result;
  };
  return {
    ctx,
    invoke,
    invokeWhenFree,
    call(channel, input) {
      return valueOrThrow(invoke(channel, input)) as ChannelOutput<typeof channel>;
    },
    async callAsync(channel, input) {
      return valueOrThrow(await invokeWhenFree(channel, input)) as ChannelOutput<typeof channel>;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (fullCheckTimer) clearTimeout(fullCheckTimer);
      ctx.jobs.close();
      listeners.clear();
      ctx.staging.clear();
      ctx.backups.close();
      if (ctx.db.open) ctx.db.close();
    },
  };
}
