import type { ImportReport, JobInput, JobKind, JobState, JobStateOf } from '../../shared/contract';
import { ApiError } from '../../shared/result';

/** A complete import report; override what the test is about. */
export function makeImportReport(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    importId: 1,
    warnings: null,
    fileName: 'eping-export.xlsx',
    fileSize: 20_480,
    format: 'xlsx',
    encoding: null,
    startedAt: '2026-11-21T05:00:00.000Z',
    finishedAt: '2026-11-21T05:00:03.000Z',
    actor: '王评议',
    rowsRead: 3,
    inserted: 2,
    updated: 0,
    unchanged: 0,
    rejected: 1,
    noticed: 0,
    status: 'done',
    refusal: null,
    rejections: [
      { row: 4, field: 'Distribution date', reason: "'31/02/2026' is not a valid date", value: '31/02/2026', code: 'DATE_NOT_VALID', params: { value: '31/02/2026' } },
    ],
    notices: [],
    ...overrides,
  };
}

export type JobOutcome = { report: ImportReport } | { error: { code: string; message: string; details?: unknown } };

/**
 * Jobs the test drives by hand: start() makes a running job (an import unless told otherwise),
 * the test sends progress with emit('jobProgress', ...) and ends it with finish(), as the
 * worker thread would.
 */
export class FakeJobs {
  readonly jobs = new Map<string, JobState>();
  readonly reports: ImportReport[] = [];
  private count = 0;

  start<K extends JobKind = 'import'>(kind: K = 'import' as K, input?: JobInput<K>): JobStateOf<K> {
    this.count += 1;
    const jobId = `${String(this.count).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const state = {
      jobId,
      kind,
      input: input ?? { fileName: 'eping-export.xlsx', fileSize: 20_480 },
      status: 'running',
      position: null,
      phase: 'starting',
      done: 0,
      total: null,
      startedAt: '2026-11-21T05:00:00.000Z',
      result: null,
      error: null,
    } as JobStateOf<K>;
    this.jobs.set(jobId, state);
    return state;
  }

  get(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError({ code: 'NOT_FOUND', message: `No job ${jobId}` });
    return job;
  }

  list(limit: number): JobState[] {
    return [...this.jobs.values()].reverse().slice(0, limit);
  }

  cancel(jobId: string): JobState {
    const job = this.get(jobId);
    if (job.status === 'running') job.phase = 'cancelling';
    return job;
  }

  /** End an import job; a report is kept for importsList and importsGet. */
  finish(jobId: string, outcome: JobOutcome): JobState {
    const job = this.get(jobId);
    if ('report' in outcome) {
      Object.assign(job, { status: 'done', phase: 'done', result: outcome.report });
      this.reports.unshift(outcome.report);
    } else {
      const cancelled = outcome.error.code === 'CANCELLED';
      Object.assign(job, { status: cancelled ? 'cancelled' : 'failed', phase: cancelled ? 'cancelled' : 'failed', error: outcome.error });
    }
    return job;
  }

  report(id: number): ImportReport {
    const found = this.reports.find((r) => r.importId === id);
    if (!found) throw new ApiError({ code: 'NOT_FOUND', message: `import ${id} does not exist` });
    return found;
  }
}
