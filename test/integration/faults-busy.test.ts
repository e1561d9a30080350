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
    expect(backend.call('jobsGet', { jobId })).toMatchObject({ status: 'done', result: { inserted: 5000 } });
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

  it('a second import while one runs waits its turn in the queue and runs when the first has ended', async () => {
    const { jobId } = await importHoldingTheLock();
    const second = backend.ctx.staging.addPath(bigCsv('second.csv', 10));
    const events: Array<{ name: string; jobId: string; status?: string; position?: number | null }> = [];
    backend.subscribe((name, payload) => {
      const p = payload as { jobId?: string; status?: string; position?: number | null };
      if ((name === 'jobProgress' || name === 'jobDone') && p.jobId) events.push({ name, jobId: p.jobId, status: p.status, position: p.position });
    });
    // Through the transport as from the window: queued at once, not refused and not waited for.
    const viaTransport = await backend.invokeWhenFree('notificationsImportStart', { fileRef: second.fileRef });
    expect(viaTransport).toMatchObject({ ok: true });
    const queuedId = (viaTransport as { value: { jobId: string } }).value.jobId;
    expect(backend.call('jobsGet', { jobId: queuedId })).toMatchObject({ status: 'queued', position: 1, kind: 'import', input: { fileName: 'second.csv' } });
    expect(events).toContainEqual({ name: 'jobProgress', jobId: queuedId, status: 'queued', position: 1 });
    expect(backend.call('jobsGet', { jobId }).status).toBe('running');
    const [first, next] = await Promise.all([backend.ctx.jobs.settle(jobId), backend.ctx.jobs.settle(queuedId)]);
    expect(first).toMatchObject({ status: 'done', result: { inserted: 5000 } });
    // Its ten rows repeat the first file's first ten: found there, because it ran after the first.
    expect(next).toMatchObject({ status: 'done', result: { inserted: 0, unchanged: 10, fileName: 'second.csv' } });
    // The second ran after the first: its first progress as a running job came after the first's end.
    const firstDone = events.findIndex((e) => e.name === 'jobDone' && e.jobId === jobId);
    const secondRuns = events.findIndex((e) => e.name === 'jobProgress' && e.jobId === queuedId && e.status === 'running');
    expect(firstDone).toBeGreaterThan(-1);
    expect(secondRuns).toBeGreaterThan(firstDone);
    expect(backend.call('appInfo', {}).counts.notifications).toBe(5000);
  });
});
