import { describe, expect, it } from 'vitest';
import type { JobStateOf } from '../../../../shared/contract';
import { jobPercent } from '../../../components/job-progress';
import { makeImportReport } from '../../../testing/fake-imports';
import { importReducer, INITIAL_IMPORT_STATE, isAcceptedFile, type ImportEvent, type ImportState } from './import-machine';

const JOB = '00000001-0000-4000-8000-000000000000';

function job(overrides: Partial<JobStateOf<'import'>>): JobStateOf<'import'> {
  return {
    jobId: JOB,
    kind: 'import',
    input: { fileName: 'a.xlsx', fileSize: 100 },
    status: 'running',
    position: null,
    phase: 'reading',
    done: 0,
    total: 100,
    startedAt: '',
    result: null,
    error: null,
    ...overrides,
  };
}

const progress = (jobId: string, phase: string, done: number, total: number): ImportEvent => ({ type: 'progress', jobId, status: 'running', position: null, phase, done, total });

const run = (...events: ImportEvent[]): ImportState => events.reduce(importReducer, INITIAL_IMPORT_STATE);
const started: ImportEvent[] = [{ type: 'upload', fileName: 'a.xlsx' }, { type: 'started', jobId: JOB }];

describe('import state machine', () => {
  it('goes from upload to running and follows the progress of its own job only', () => {
    const state = run(...started, progress(JOB, 'hashing', 50, 200), progress('other-job', 'reading', 1, 1));
    expect(state).toMatchObject({ step: 'running', phase: 'hashing', done: 50, total: 200 });
    expect(jobPercent(state as Extract<ImportState, { step: 'running' }>)).toBe(25);
  });

  it('waits in the queue behind another writer, with its place, until it runs', () => {
    const queued = run(...started, { type: 'progress', jobId: JOB, status: 'queued', position: 2, phase: 'queued', done: 0, total: null });
    expect(queued).toMatchObject({ step: 'running', status: 'queued', position: 2 });
    // A poll that finds it still queued is progress, not an end.
    expect(importReducer(queued, { type: 'settled', job: job({ status: 'queued', position: 1 }) })).toBe(queued);
    expect(run(...started, progress(JOB, 'reading', 1, 4))).toMatchObject({ status: 'running', position: null });
  });

  it('ends with the report when the job is done', () => {
    const report = makeImportReport();
    expect(run(...started, { type: 'settled', job: job({ status: 'done', result: report }) })).toEqual({ step: 'done', report, fromHistory: false, cancelCameTooLate: false });
  });

  it('ends cancelled after a cancel, and says so even when only the error code tells', () => {
    expect(run(...started, { type: 'cancel' }, { type: 'settled', job: job({ status: 'cancelled' }) })).toEqual({ step: 'cancelled', fileName: 'a.xlsx' });
    expect(run(...started, { type: 'failed', error: { code: 'CANCELLED', message: 'cancelled' } })).toMatchObject({ step: 'cancelled' });
  });

  it('notes a cancel that came after the job had finished', () => {
    const report = makeImportReport();
    expect(run(...started, { type: 'cancel' }, { type: 'settled', job: job({ status: 'done', result: report }) })).toMatchObject({ step: 'done', cancelCameTooLate: true });
  });

  it('keeps the code and message of a refused file', () => {
    const state = run(...started, { type: 'settled', job: job({ status: 'failed', error: { code: 'IMPORT_REJECTED', message: 'missing headers' } }) });
    expect(state).toEqual({ step: 'failed', fileName: 'a.xlsx', error: { code: 'IMPORT_REJECTED', message: 'missing headers' } });
  });

  it('ignores a new file, a reset or a history report while a job runs', () => {
    const running = run(...started);
    expect(importReducer(running, { type: 'upload', fileName: 'b.csv' })).toBe(running);
    expect(importReducer(running, { type: 'reset' })).toBe(running);
    expect(importReducer(running, { type: 'show-report', report: makeImportReport() })).toBe(running);
  });

  it('takes only the file types the readers know', () => {
    expect(['a.XLSX', 'b.csv', 'c.json'].map(isAcceptedFile)).toEqual([true, true, true]);
    expect(['d.xls', 'e.pdf', 'xlsx'].map(isAcceptedFile)).toEqual([false, false, false]);
    expect(run({ type: 'wrong-type', fileName: 'd.xls' })).toEqual({ step: 'pick', wrongType: 'd.xls' });
  });
});
