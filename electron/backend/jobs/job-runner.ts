import crypto from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { EventPayload } from '../../../shared/contract/events';
import { jobKinds, type JobError, type JobKind, type JobResult, type JobState } from '../../../shared/contract/jobs';
import { changed } from '../changes';
import type { Emit } from '../context';
import { AppError } from '../errors';
import { classifyFault, formatBytes } from '../faults/classify-error';
import { importSpaceNeeded } from '../faults/disk-space';
import { jobRunners, type JobRunnerOf } from './job-kinds';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import type { JobRequest, MainMessage, ProgressReport, WorkerMessage } from './job-protocol';
import type { JobWorkerData } from './worker-entry';

export interface JobRunnerOptions {
  databasePath: string;
  emit: Emit;
  nativeBinding?: string;
  /** Worker script; without one, jobs run on this thread (CLI and tests of the job logic). */
  worker?: { script: string; execArgv?: string[] };
  /** Runs a job on this thread when there is no worker script. */
  runInline: (request: JobRequest, signal: AbortSignal, progress: (p: ProgressReport) => void) => Promise<unknown>;
  /** A job met a fault of the store (corruption, a full disk); the main connection reacts. */
  onFault?: (error: JobError) => void;
  /** An unexpected failure, with its stack when the worker sent one, for the error log. */
  onInternalError?: (source: string, error: unknown) => void;
  /** Called when a writer starts and when the last one ends (the write lock changes hands). */
  onBusyChange?: (busy: boolean) => void;
  /**
   * Prints a job's HTML to PDF on this thread when the job, on a worker, asks for it: the
   * desktop app's printToPDF lives in the main process, out of a worker's reach.
   */
  pdf?: PdfRenderer;
}

interface Job {
  state: JobState;
  request: JobRequest;
  lane: string;
  /** Set while it runs. */
  cancel: (() => void) | null;
  onFinish: ((state: JobState) => void) | undefined;
}

/** Writers' lane: one at a time, in the order asked. */
const WRITE_LANE = 'store';
const PROGRESS_INTERVAL_MS = 100;
/** Ended jobs kept for jobsGet and jobsList. */
const KEPT_ENDED = 50;

const copy = (state: JobState): JobState => ({ ...state });

/**
 * Every long job runs here: in a worker thread with its own connection when the app has a
 * worker script, on this thread otherwise. Jobs that write (their kind says so) go through one
 * queue and run one after another, so two writers never contend for the store; read-only jobs
 * run beside them, one of each kind at a time. Without a worker every job shares the backend's
 * connection, so all of them take the writers' lane. Progress, a queued job's place and each
 * job's result are pushed as events; jobsGet and jobsList read the state kept here.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  /** Waiting jobs by lane, in order. */
  private readonly queues = new Map<string, string[]>();
  /** The running job of each lane. */
  private readonly active = new Map<string, string>();
  private readonly idleWaiters = new Set<() => void>();
  private readonly settleWaiters = new Map<string, Array<(state: JobState) => void>>();

  constructor(private readonly options: JobRunnerOptions) {}

  private laneOf(kind: JobKind): string {
    return !this.options.worker || jobKinds[kind].writes ? WRITE_LANE : kind;
  }

  /** The running writer, if any: it holds the store's write lock for its whole length. */
  running(): JobState | null {
    const id = this.active.get(WRITE_LANE);
    return id ? copy(this.jobs.get(id)!.state) : null;
  }

  /** True while any job runs or waits (a restore must wait: a job holds the store open). */
  isBusy(): boolean {
    for (const job of this.jobs.values()) if (job.state.status === 'running' || job.state.status === 'queued') return true;
    return false;
  }

  /** Jobs of `kind` running or waiting. */
  pending(kind: JobKind): JobState[] {
    return [...this.jobs.values()].filter((j) => j.state.kind === kind && (j.state.status === 'running' || j.state.status === 'queued')).map((j) => copy(j.state));
  }

  /** Resolves true when no writer runs, or false when timeoutMs passes first. */
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

  /**
   * Ask for a job. It runs at once when its lane is free, and otherwise waits its turn (state
   * 'queued' with its position). `onFinish` runs once it has ended, however it ended.
   */
  start(request: JobRequest, onFinish?: (state: JobState) => void): JobState {
    const jobId = crypto.randomUUID();
    const state = {
      jobId,
      kind: request.kind,
      input: request.input,
      status: 'queued',
      position: null,
      phase: 'queued',
      done: 0,
      total: null,
      startedAt: request.startedAt,
      result: null,
      error: null,
    } as JobState;
    const lane = this.laneOf(request.kind);
    this.jobs.set(jobId, { state, request, lane, cancel: null, onFinish });
    const queue = this.queues.get(lane) ?? [];
    queue.push(jobId);
    this.queues.set(lane, queue);
    this.forgetOldJobs();
    this.pump(lane);
    if (state.status === 'queued') this.announcePositions(lane);
    return copy(state);
  }

  get(jobId: string): JobState {
    return copy(this.find(jobId).state);
  }

  /** Running and queued jobs first, then the ended ones; newest first within each. */
  list(limit: number): JobState[] {
    const all = [...this.jobs.values()].map((j) => j.state).reverse();
    const open = all.filter((s) => s.status === 'running' || s.status === 'queued');
    const ended = all.filter((s) => s.status !== 'running' && s.status !== 'queued');
    return [...open, ...ended].slice(0, limit).map(copy);
  }

  /** Cancel a running job (it stops at its next step) or take a queued one out of its queue. */
  cancel(jobId: string): JobState {
    const job = this.find(jobId);
    if (job.state.status === 'queued') {
      const queue = this.queues.get(job.lane) ?? [];
      queue.splice(queue.indexOf(jobId), 1);
      this.end(job, null, { code: 'CANCELLED', message: `The ${job.state.kind} job was cancelled before it started; nothing was changed` });
      this.announcePositions(job.lane);
    } else if (job.state.status === 'running' && job.cancel) {
      job.state.phase = 'cancelling';
      this.options.emit('jobProgress', this.progressEvent(job.state));
      job.cancel();
    }
    return copy(job.state);
  }

  /** Wait for a job to end (CLI, tests, and callers that need the result). */
  settle(jobId: string): Promise<JobState> {
    const state = this.get(jobId);
    if (state.status !== 'running' && state.status !== 'queued') return Promise.resolve(state);
    return new Promise((resolve) => {
      const waiters = this.settleWaiters.get(jobId) ?? [];
      waiters.push(resolve);
      this.settleWaiters.set(jobId, waiters);
    });
  }

  /** Wait for every job of `kind` now running or queued. */
  async settleAll(kind?: JobKind): Promise<void> {
    const open = [...this.jobs.values()].filter((j) => (!kind || j.state.kind === kind) && (j.state.status === 'running' || j.state.status === 'queued'));
    await Promise.all(open.map((j) => this.settle(j.state.jobId)));
  }

  /** Closing the backend: queued jobs are dropped and running ones told to stop. */
  close(): void {
    for (const job of this.jobs.values()) {
      if (job.state.status === 'queued' || job.state.status === 'running') this.cancel(job.state.jobId);
    }
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `No job ${jobId}`);
    return job;
  }

  /** Start the next job of a lane that has none running. */
  private pump(lane: string): void {
    if (this.active.has(lane)) return;
    const next = this.queues.get(lane)?.shift();
    if (!next) return;
    const job = this.jobs.get(next)!;
    this.active.set(lane, next);
    Object.assign(job.state, { status: 'running', position: null, phase: 'starting' });
    if (lane === WRITE_LANE) this.options.onBusyChange?.(true);
    this.launch(job);
    if (this.queues.get(lane)?.length) this.announcePositions(lane);
  }

  /** Tell the window where each waiting job of a lane now stands. */
  private announcePositions(lane: string): void {
    (this.queues.get(lane) ?? []).forEach((id, i) => {
      const state = this.jobs.get(id)!.state;
      state.position = i + 1;
      this.options.emit('jobProgress', this.progressEvent(state));
    });
  }

  private progressEvent(state: JobState): EventPayload<'jobProgress'> {
    const { jobId, kind, phase, done, total, position } = state;
    return { jobId, kind, phase, done, total, status: state.status === 'queued' ? 'queued' : 'running', position };
  }

  private launch(job: Job): void {
    const { state, request } = job;
    let lastEmit = -Infinity;
    let lastPhase = '';
    const progress = (p: ProgressReport): void => {
      if (state.status !== 'running') return;
      Object.assign(state, { phase: p.phase, done: p.done, total: p.total });
      // A monotonic clock: this only spaces the events out, it says nothing about the date.
      const now = performance.now();
      // Throttled, except that a new phase and the end of one are always shown.
      if (now - lastEmit >= PROGRESS_INTERVAL_MS || p.phase !== lastPhase || (p.total !== null && p.done >= p.total)) {
        lastEmit = now;
        lastPhase = p.phase;
        this.options.emit('jobProgress', { ...this.progressEvent(state), ...(p.rows === undefined ? {} : { rows: p.rows }) });
      }
    };
    const label = `${request.kind} job`;

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
        if (m.type === 'progress') progress(m);
        else if (m.type === 'pdf') this.printForWorker(worker, m.requestId, m.html);
        else if (m.type === 'done') this.end(job, m.result, null);
        else if (m.type === 'failed') {
          if (m.error.code === 'INTERNAL') this.options.onInternalError?.(label, m.stack ?? m.error.message);
          this.end(job, null, m.error);
        }
      });
      worker.on('error', (e) => {
        this.options.onInternalError?.(`${request.kind} worker`, e);
        this.end(job, null, { code: 'INTERNAL', message: e.message });
      });
      worker.on('exit', (code) => {
        this.end(job, null, { code: 'INTERNAL', message: `The ${request.kind} job stopped unexpectedly (exit ${code}); nothing was changed` });
      });
      worker.postMessage({ type: 'run', request });
      job.cancel = () => worker.postMessage({ type: 'cancel' });
    } else {
      const controller = new AbortController();
      job.cancel = () => controller.abort();
      this.options.runInline(request, controller.signal, progress).then(
        (result) => this.end(job, result, null),
        (e: unknown) => {
          const body = errorBody(e);
          if (body.code === 'INTERNAL') this.options.onInternalError?.(label, e);
          this.end(job, null, body);
        },
      );
    }
  }

  /** Print a worker's HTML with this thread's renderer and post the bytes (or the error) back. */
  private printForWorker(worker: Worker, requestId: number, html: string): void {
    const reply = (m: MainMessage): void => {
      try {
        worker.postMessage(m);
      } catch {
        // The worker has ended (cancelled, failed): nobody waits for this PDF any more.
      }
    };
    const pdf = this.options.pdf;
    if (!pdf) {
      reply({ type: 'pdfFailed', requestId, error: { code: 'PDF_UNAVAILABLE', message: 'This backend has no PDF renderer' } });
      return;
    }
    pdf(html).then(
      (bytes) => reply({ type: 'pdfDone', requestId, bytes }),
      (e: unknown) => reply({ type: 'pdfFailed', requestId, error: errorBody(e) }),
    );
  }

  /** A job has ended (or left its queue): record it, say so, and start the next of its lane. */
  private end(job: Job, result: unknown, failure: JobError | null): void {
    const { state, request } = job;
    if (state.status !== 'running' && state.status !== 'queued') return;
    const wasRunning = state.status === 'running';
    const error = failure?.code === 'DISK_FULL' && request.kind === 'import' ? withSpaceNeeded(failure, request.params.filePath, request.input.fileName) : failure;
    state.status = error ? (error.code === 'CANCELLED' ? 'cancelled' : 'failed') : 'done';
    state.result = (error ? null : result) as never;
    state.error = error;
    state.phase = state.status;
    state.position = null;
    job.cancel = null;
    this.options.emit('jobDone', {
      jobId: state.jobId,
      kind: state.kind,
      ok: !error,
      status: state.status,
      ...(error ? { error: { code: error.code, message: error.message } } : { result }),
    } as never);
    if (!error) {
      const runner = jobRunners[state.kind] as JobRunnerOf<JobKind>;
      const ids = result && runner.changedIds ? runner.changedIds(result as JobResult<JobKind>) : {};
      for (const entity of runner.changes) changed(this.options, entity, ids[entity]);
      for (const [name, payload] of result && runner.events ? runner.events(result as JobResult<JobKind>) : []) this.options.emit(name, payload as never);
    }
    if (error && FAULT_CODES.has(error.code)) this.options.onFault?.(error);
    job.onFinish?.(copy(state));
    for (const wake of this.settleWaiters.get(state.jobId) ?? []) wake(copy(state));
    this.settleWaiters.delete(state.jobId);
    if (!wasRunning) return;
    this.active.delete(job.lane);
    this.pump(job.lane);
    if (job.lane === WRITE_LANE && !this.active.has(WRITE_LANE)) {
      this.options.onBusyChange?.(false);
      for (const wake of [...this.idleWaiters]) wake();
    }
  }

  /** Keep the state of the last ended jobs only; running and queued ones are always kept. */
  private forgetOldJobs(): void {
    const ended = [...this.jobs.values()].filter((j) => j.state.status !== 'running' && j.state.status !== 'queued');
    for (const job of ended.slice(0, Math.max(0, ended.length - KEPT_ENDED))) this.jobs.delete(job.state.jobId);
  }
}

/** A disk that filled during an import: the message says how much the import needs. */
function withSpaceNeeded(error: JobError, filePath: string, fileName: string): JobError {
  let size: number;
  try {
    size = fs.statSync(filePath).size;
  } catch {
    return error;
  }
  const needed = importSpaceNeeded(fileName, size);
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return {
    ...error,
    message: `${error.message} Importing ${fileName} needs about ${formatBytes(needed)} free on the disk holding the store.`,
    details: { ...details, needed },
  };
}

/** Errors of a job that say something about the store itself, not about the imported file. */
const FAULT_CODES = new Set(['DB_CORRUPT', 'DISK_FULL', 'READ_ONLY']);

/** A job's failure as the envelope carries it; faults of the store get their stable codes. */
export function errorBody(e: unknown, databasePath?: string): JobError {
  const fault = e instanceof AppError ? e : classifyFault(e, databasePath ? { path: databasePath } : {});
  if (fault) return { code: fault.code, message: fault.message, ...(fault.details === undefined ? {} : { details: fault.details }) };
  return { code: 'INTERNAL', message: (e as Error)?.message ?? String(e) };
}
