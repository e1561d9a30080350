import crypto from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ImportReport, JobState } from '../../../shared/contract/imports';
import { changed } from '../changes';
import type { Emit } from '../context';
import { AppError } from '../errors';
import { classifyFault, formatBytes } from '../faults/classify-error';
import { importSpaceNeeded } from '../faults/disk-space';
import type { JobRequest, WorkerMessage } from './job-protocol';
import type { JobWorkerData } from './worker-entry';

export interface JobRunnerOptions {
  dataDir: string;
  databasePath: string;
  emit: Emit;
  nativeBinding?: string;
  /** Worker script; without one, jobs run on this thread (CLI and tests of the job logic). */
  worker?: { script: string; execArgv?: string[] };
  /** Runs a job on this thread when there is no worker script. */
  runInline: (request: JobRequest, signal: AbortSignal, progress: (phase: string, done: number, total: number | null) => void) => Promise<ImportReport>;
  /** A job met a fault of the store (corruption, a full disk); the main connection reacts. */
  onFault?: (error: NonNullable<JobState['error']>) => void;
  /** An unexpected failure, with its stack when the worker sent one, for the error log. */
  onInternalError?: (source: string, error: unknown) => void;
  /** Called when the first job starts and when the last one ends (write-lock holder changes). */
  onBusyChange?: (busy: boolean) => void;
}

interface RunningJob {
  state: JobState;
  cancel: () => void;
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * Long jobs (imports) run in a worker thread with their own database connection, so the main
 * process and the window never freeze. State is kept here for jobsGet; progress and completion
 * are pushed as events.
 */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();
  constructor(private readonly options: JobRunnerOptions) {}

  private readonly idleWaiters = new Set<() => void>();

  /** The running job, if any: an import holds the store's write lock for its whole length. */
  running(): JobState | null {
    for (const job of this.jobs.values()) if (job.state.status === 'running') return job.state;
    return null;
  }

  /** Resolves true when no job runs, or false when timeoutMs passes first. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (!this.running()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.idleWaiters.delete(done);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.idleWaiters.delete(done);
        resolve(false);
      }, timeoutMs);
      this.idleWaiters.add(done);
    });
  }

  start(request: JobRequest, onFinish?: (state: JobState) => void): JobState {
    const current = this.running();
    if (current) {
      // Refused rather than queued: a queued import would run against a store the analyst
      // has not seen yet, and its file could change meanwhile. The analyst starts it again.
      throw new AppError(
        'BUSY',
        `Another import is running (started ${current.startedAt}, ${current.phase}). This file was not imported: an import writes the whole store in one transaction, so only one runs at a time. Start it again when the running import has finished, or cancel that one.`,
        { reason: 'job-running', jobId: current.jobId },
      );
    }
    const jobId = crypto.randomUUID();
    const state: JobState = {
      jobId,
      kind: request.kind,
      status: 'running',
      phase: 'starting',
      done: 0,
      total: null,
      startedAt: request.startedAt,
      report: null,
      error: null,
    };
    let lastEmit = -Infinity;
    let lastPhase = '';
    const progress = (phase: string, done: number, total: number | null): void => {
      Object.assign(state, { phase, done, total });
      // A monotonic clock: this only spaces the events out, it says nothing about the date.
      const now = performance.now();
      // Throttled, except that a new phase is always shown.
      if (now - lastEmit >= PROGRESS_INTERVAL_MS || phase !== lastPhase) {
        lastEmit = now;
        lastPhase = phase;
        this.options.emit('jobProgress', { jobId, kind: request.kind, phase, done, total });
      }
    };
    const finish = (report: ImportReport | null, failure: JobState['error']): void => {
      if (state.status !== 'running') return;
      const error = failure?.code === 'DISK_FULL' ? withSpaceNeeded(failure, request) : failure;
      state.status = report ? 'done' : error?.code === 'CANCELLED' ? 'cancelled' : 'failed';
      state.report = report;
      state.error = error;
      state.phase = state.status;
      this.options.emit('jobDone', { jobId, kind: request.kind, ok: report !== null, ...(error ? { error: { code: error.code, message: error.message } } : {}) });
      if (report) changed(this.options, 'notifications');
      // A refused file is kept in the import history too; a cancelled one leaves no trace.
      if (state.status !== 'cancelled') changed(this.options, 'imports', report ? [report.importId] : undefined);
      if (error && FAULT_CODES.has(error.code)) this.options.onFault?.(error);
      onFinish?.(state);
      if (!this.running()) {
        this.options.onBusyChange?.(false);
        for (const wake of [...this.idleWaiters]) wake();
      }
    };
    this.options.onBusyChange?.(true);

    if (this.options.worker) {
      const worker = new Worker(this.options.worker.script, {
        execArgv: this.options.worker.execArgv ?? [],
        workerData: {
          role: 'job',
          databasePath: this.options.databasePath,
          nativeBinding: this.options.nativeBinding ?? null,
          script: this.options.worker.script,
        } satisfies JobWorkerData,
      });
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') progress(m.phase, m.done, m.total);
        else if (m.type === 'done') finish(m.report, null);
        else if (m.type === 'failed') {
          if (m.error.code === 'INTERNAL') this.options.onInternalError?.('import job', m.stack ?? m.error.message);
          finish(null, m.error);
        }
      });
      worker.on('error', (e) => {
        this.options.onInternalError?.('import worker', e);
        finish(null, { code: 'INTERNAL', message: e.message });
      });
      worker.on('exit', (code) => {
        if (state.status === 'running') finish(null, { code: 'INTERNAL', message: `The import stopped unexpectedly (exit ${code}); nothing was changed` });
      });
      worker.postMessage({ type: 'run', request });
      this.jobs.set(jobId, { state, cancel: () => worker.postMessage({ type: 'cancel' }) });
    } else {
      const controller = new AbortController();
      this.jobs.set(jobId, { state, cancel: () => controller.abort() });
      this.options.runInline(request, controller.signal, progress).then(
        (report) => finish(report, null),
        (e: unknown) => {
          const body = errorBody(e);
          if (body.code === 'INTERNAL') this.options.onInternalError?.('import job', e);
          finish(null, body);
        },
      );
    }
    return { ...state };
  }

  /** True while any job runs (a restore must wait: the job holds the store open). */
  isBusy(): boolean {
    for (const job of this.jobs.values()) if (job.state.status === 'running') return true;
    return false;
  }

  get(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `No job ${jobId}`);
    return { ...job.state };
  }

  cancel(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `No job ${jobId}`);
    if (job.state.status === 'running') {
      job.state.phase = 'cancelling';
      job.cancel();
    }
    return { ...job.state };
  }

  /** Wait for a job to leave 'running' (CLI and tests). */
  async settle(jobId: string, pollMs = 20): Promise<JobState> {
    for (;;) {
      const s = this.get(jobId);
      if (s.status !== 'running') return s;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}

/** A disk that filled during an import: the message says how much the import needs. */
function withSpaceNeeded(error: NonNullable<JobState['error']>, request: JobRequest): NonNullable<JobState['error']> {
  let size: number;
  try {
    size = fs.statSync(request.filePath).size;
  } catch {
    return error;
  }
  const needed = importSpaceNeeded(request.fileName, size);
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return {
    ...error,
    message: `${error.message} Importing ${request.fileName} needs about ${formatBytes(needed)} free on the disk holding the store.`,
    details: { ...details, needed },
  };
}

/** Errors of a job that say something about the store itself, not about the imported file. */
const FAULT_CODES = new Set(['DB_CORRUPT', 'DISK_FULL', 'READ_ONLY']);

/** A job's failure as the envelope carries it; faults of the store get their stable codes. */
export function errorBody(e: unknown, databasePath?: string): NonNullable<JobState['error']> {
  const fault = e instanceof AppError ? e : classifyFault(e, databasePath ? { path: databasePath } : {});
  if (fault) return { code: fault.code, message: fault.message, ...(fault.details === undefined ? {} : { details: fault.details }) };
  return { code: 'INTERNAL', message: (e as Error)?.message ?? String(e) };
}
