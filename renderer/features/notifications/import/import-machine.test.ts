import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../../shared/contract';
import { makeImportReport } from '../../../testing/fake-imports';
import { importReducer, INITIAL_IMPORT_STATE, isAcceptedFile, progressPercent, type ImportEvent, type ImportState } from './import-machine';

const JOB = '00000001-0000-4000-8000-000000000000';

function job(overrides: Partial<JobState>): JobState {
  return { jobId: JOB, kind: 'import', status: 'running', phase: 'reading', done: 0, total: 100, startedAt: '', report: null, error: null, ...overrides };
}

const run = (...events: ImportEvent[]): ImportState => events.reduce(importReducer, INITIAL_IMPORT_STATE);
const started: ImportEvent[] = [{ type: 'upload', fileName: 'a.xlsx' }, { type: 'started', jobId: JOB }];

describe('import state machine', () => {
  it('goes from upload to running and follows the progress of its own job only', () => {
    const state = run(...started, { type: 'progress', jobId: JOB, phase: 'hashing', done: 50, total: 200 }, { type: 'progress', jobId: 'other-job', phase: 'reading', done: 1, total: 1 });
    expect(state).toMatchObject({ step: 'running', phase: 'hashing', done: 50, total: 200 });
    expect(progressPercent(state as Extract<ImportState, { step: 'running' }>)).toBe(25);
  });

  it('ends with the report when the job is done', () => {
    const report = makeImportReport();
    expect(run(...started, { type: 'settled', job: job({ status: 'done', report }) })).toEqual({ step: 'done', report, fromHistory: false, cancelCameTooLate: false });
  });

  it('ends cancelled after a cancel, and says so even when only the error code tells', () => {
    expect(run(...started, { type: 'cancel' }, { type: 'settled', job: job({ status: 'cancelled' }) })).toEqual({ step: 'cancelled', fileName: 'a.xlsx' });
    expect(run(...started, { type: 'failed', error: { code: 'CANCELLED', message: 'cancelled' } })).toMatchObject({ step: 'cancelled' });
  });

  it('notes a cancel that came after the job had finished', () => {
    const report = makeImportReport();
    expect(run(...started, { type: 'cancel' }, { type: 'settled', job: job({ status: 'done', report }) })).toMatchObject({ step: 'done', cancelCameTooLate: true });
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
