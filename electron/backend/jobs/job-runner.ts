import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ImportReport, JobState } from '../../../shared/contract/imports';
import type { Emit } from '../context';
import { AppError } from '../errors';
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

  start(request: JobRequest, onFinish?: (state: JobState) => void): JobState {
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
    const finish = (report: ImportReport | null, error: JobState['error']): void => {
      if (state.status !== 'running') return;
      state.status = report ? 'done' : error?.code === 'CANCELLED' ? 'cancelled' : 'failed';
      state.report = report;
      state.error = error;
      state.phase = state.status;
      this.options.emit('jobDone', { jobId, kind: request.kind, ok: report !== null, ...(error ? { error: { code: error.code, message: error.message } } : {}) });
      if (report) this.options.emit('dataChanged', { entity: 'notifications' });
      onFinish?.(state);
    };

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
        else if (m.type === 'failed') finish(null, m.error);
      });
      worker.on('error', (e) => finish(null, { code: 'INTERNAL', message: e.message }));
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
        (e: unknown) => finish(null, errorBody(e)),
      );
    }
    return { ...state };
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

export function errorBody(e: unknown): NonNullable<JobState['error']> {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) };
  return { code: 'INTERNAL', message: (e as Error)?.message ?? String(e) };
}
