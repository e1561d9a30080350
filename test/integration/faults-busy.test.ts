import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { fixedClock } from '../../shared/domain/clock';
import type { Result } from '../../shared/result';
import { epingRow, writeEpingCsv } from '../fixtures/eping-fixtures';
import { makeTempDir } from '../helpers/temp-store';

const clock = fixedClock('2031-05-12T09:00:00Z');
let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;

beforeEach(async () => {
  tmp = makeTempDir();
  backend = await startBackend({
    dataDir: tmp.dir,
    appVersion: 'test',
    clock,
    worker: { script: path.resolve('test/helpers/worker-bootstrap.mjs') },
  });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

function bigCsv(name: string, rows: number): string {
  const data = Array.from({ length: rows }, (_, i) =>
    epingRow({ 'Document symbol': `G/TBT/N/KAZ/${i + 1}`, Description: `Requirements for lithium batteries, lot ${i}. `.repeat(10) }),
  );
  return writeEpingCsv(path.join(tmp.dir, name), data);
}

/** Start an import and wait until it holds the write lock (a write on this connection meets BUSY). */
async function importHoldingTheLock(): Promise<{ jobId: string; firstBusy: Result<unknown>; busyMs: number }> {
  const file = bigCsv('big.csv', 5000);
  const { jobId } = backend.call('notificationsImportStart', { fileRef: backend.ctx.staging.addPath(file).fileRef });
  for (;;) {
    const started = performance.now();
    const r = backend.invoke('savedSearchSave', { name: 'probe', query: {} });
    const busyMs = performance.now() - started;
    if (!r.ok) return { jobId, firstBusy: r, busyMs };
    backend.invoke('savedSearchDelete', { id: (r.value as { id: number }).id });
    if (backend.call('jobsGet', { jobId }).status !== 'running') throw new Error('the import ended before it took the write lock');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('writes during an import', () => {
  it('a write that meets the import is BUSY at once, never INTERNAL, and is saved when the import ends', async () => {
    const { jobId, firstBusy, busyMs } = await importHoldingTheLock();
    expect(firstBusy).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    // The event loop is not held for SQLite's 5 s lock timeout while the import runs.
    expect(busyMs).toBeLessThan(1000);
    let jobEnded = false;
    backend.subscribe((name) => {
      if (name === 'jobDone') jobEnded = true;
    });
    const saved = await backend.invokeWhenFree('settingsUpdate', { internalDeadlineWorkingDays: 8 });
    expect(jobEnded).toBe(true);
    expect(saved).toMatchObject({ ok: true, value: { internalDeadlineWorkingDays: 8 } });
    expect(backend.call('jobsGet', { jobId })).toMatchObject({ status: 'done', report: { inserted: 5000 } });
    expect(backend.call('settingsGet', {}).internalDeadlineWorkingDays).toBe(8);
  });

  it('a write that has waited its bound for the import answers BUSY saying it was not saved', async () => {
    backend.close();
    backend = await startBackend({
      dataDir: tmp.dir,
      appVersion: 'test',
      clock,
      writeWaitMs: 100,
      worker: { script: path.resolve('test/helpers/worker-bootstrap.mjs') },
    });
    const { jobId } = await importHoldingTheLock();
    const result = await backend.invokeWhenFree('settingsUpdate', { internalDeadlineWorkingDays: 8 });
    expect(result).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('was not saved'), details: { reason: 'waited-for-import' } } });
    await backend.ctx.jobs.settle(jobId);
    expect(backend.call('settingsGet', {}).internalDeadlineWorkingDays).toBe(5);
  });

  it('a second import while one runs is refused up front with BUSY, saying it was not imported and why', async () => {
    const { jobId } = await importHoldingTheLock();
    const second = backend.ctx.staging.addPath(bigCsv('second.csv', 10));
    const result = backend.invoke('notificationsImportStart', { fileRef: second.fileRef });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BUSY', message: expect.stringContaining('was not imported'), details: { reason: 'job-running', jobId } },
    });
    // Refused, not waited for: the transports do not queue it behind the first either.
    const viaTransport = await backend.invokeWhenFree('notificationsImportStart', { fileRef: second.fileRef });
    expect(viaTransport).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(backend.call('jobsGet', { jobId }).status).toBe('running');
    await backend.ctx.jobs.settle(jobId);
    // Once the first has finished the same file imports.
    const { jobId: again } = backend.call('notificationsImportStart', { fileRef: second.fileRef });
    expect(await backend.ctx.jobs.settle(again)).toMatchObject({ status: 'done' });
  });
});
