import type { EventPayload, JobKind, JobState } from '../../shared/contract';
import { ApiError, ERROR_CODES, type ErrorCode } from '../../shared/result';
import type { Backend } from '../backend/backend';
import type { CliIo } from './command';

/** How each kind is named in the progress lines. */
const KIND_LABELS: Record<JobKind, string> = {
  import: 'import',
  searchReindex: 'search index',
  backup: 'backup',
  warningsRecompute: 'warnings',
  listExport: 'export',
  reportMake: 'report',
};

/** Rows between two lines of an import's progress when the percentage has not moved. */
const ROWS_STEP = 5000;

/**
 * The progress lines of one job, for stderr: a line when the phase changes, when the share done
 * passes another tenth, and (imports) every few thousand rows read.
 */
export function progressPrinter(io: CliIo): (p: EventPayload<'jobProgress'>) => void {
  let last = '';
  return (p) => {
    const label = KIND_LABELS[p.kind];
    if (p.status === 'queued') {
      const line = `${label}: waiting for the job before it (place ${p.position ?? '?'} in the queue)`;
      if (line !== last) io.err(line);
      last = line;
      return;
    }
    const percent = p.total ? Math.floor((Math.min(p.done, p.total) / p.total) * 10) * 10 : null;
    const rows = p.kind === 'import' && p.rows !== undefined ? Math.floor(p.rows / ROWS_STEP) * ROWS_STEP : null;
    const key = `${p.phase}|${percent}|${rows}`;
    if (key === last) return;
    last = key;
    io.err(`${label}: ${p.phase}${percent === null ? '' : ` ${percent}%`}${p.kind === 'import' && p.rows ? `, ${p.rows} rows` : ''}`);
  };
}

/**
 * Start a job and follow it until it ends: progress on stderr (unless quiet), Ctrl-C cancels it.
 * Returns its result, or throws its error as the CLI reports any other. `start` runs once the
 * printer listens: a job running on this thread reports its first steps at once.
 */
export async function followJob<S extends JobState>(backend: Backend, start: () => S, io: CliIo, quiet: boolean): Promise<NonNullable<S['result']>> {
  const print = progressPrinter(io);
  let jobId: string | null = null;
  const early: Array<EventPayload<'jobProgress'>> = [];
  const off = backend.subscribe((name, payload) => {
    if (name !== 'jobProgress' || quiet) return;
    const p = payload as EventPayload<'jobProgress'>;
    if (jobId === null) early.push(p);
    else if (p.jobId === jobId) print(p);
  });
  let started: S;
  try {
    started = start();
  } catch (e) {
    off();
    throw e;
  }
  jobId = started.jobId;
  for (const p of early) if (p.jobId === jobId) print(p);
  const onSigint = (): void => {
    backend.ctx.jobs.cancel(started.jobId);
  };
  process.once('SIGINT', onSigint);
  try {
    const ended = await backend.ctx.jobs.settle(started.jobId);
    if (ended.status === 'done' && ended.result) return ended.result as NonNullable<S['result']>;
    const error = ended.error ?? { code: 'INTERNAL', message: `The ${started.kind} job ended without a result` };
    const code = (ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : 'INTERNAL';
    throw new ApiError({ code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) });
  } finally {
    process.off('SIGINT', onSigint);
    off();
  }
}
