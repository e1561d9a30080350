import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { searchIndexVersion } from '../../electron/backend/notifications/search-index';
import { startSearchReindex } from '../../electron/backend/notifications/search-index-job';
import { runCli } from '../../electron/cli/run-cli';
import { events, jobKinds, type EventPayload, type JobKind } from '../../shared/contract';
import { SEARCH_TEXT_VERSION } from '../../shared/domain/search-text';
import { epingRow, writeEpingCsv } from '../fixtures/eping-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { makeTempDir, testClock } from '../helpers/temp-store';

const WORKER = { script: path.resolve('test/helpers/worker-bootstrap.mjs') };

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let done: Array<EventPayload<'jobDone'>>;
let progress: Array<EventPayload<'jobProgress'>>;

async function open(options: { worker?: boolean } = {}): Promise<Backend> {
  const b = await startBackend({ dataDir: tmp.dir, appVersion: 'test', validateOutput: true, clock: testClock(), ...(options.worker ? { worker: WORKER } : {}) });
  b.subscribe((name, payload) => {
    if (name === 'jobDone') done.push(payload as EventPayload<'jobDone'>);
    if (name === 'jobProgress') progress.push(payload as EventPayload<'jobProgress'>);
  });
  return b;
}

beforeEach(async () => {
  tmp = makeTempDir();
  done = [];
  progress = [];
  backend = await open();
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

/** Every jobDone pushed so far, checked against the contract: the event, and the result against its kind's schema. */
function checkedResults(): void {
  for (const d of done) {
    events.jobDone.parse(d);
    if (d.ok) jobKinds[d.kind as JobKind].result.parse(d.result);
  }
}

function csv(name: string, rows: number, from = 1): string {
  const data = Array.from({ length: rows }, (_, i) =>
    epingRow({ 'Document symbol': `G/TBT/N/KAZ/${from + i}`, Title: `Lithium batteries lot ${from + i}`, Description: 'Requirements for lithium batteries. '.repeat(10) }),
  );
  return writeEpingCsv(path.join(tmp.dir, name), data);
}

function startImport(file: string): string {
  return backend.call('notificationsImportStart', { fileRef: backend.ctx.staging.addPath(file).fileRef }).jobId;
}

const searchTotal = (query: string): number => backend.call('notificationsList', { query }).total;
const backupFiles = (): string[] => {
  const dir = path.join(tmp.dir, 'backups');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite3') || f.endsWith('.partial')) : [];
};

describe('the job queue', () => {
  it('runs an import, a reindex and a backup, each ending with its kind\'s result as an event', async () => {
    const imported = await backend.ctx.jobs.settle(startImport(csv('a.csv', 30)));
    expect(imported).toMatchObject({ kind: 'import', status: 'done', result: { inserted: 30 } });
    const reindexed = await backend.ctx.jobs.settle(startSearchReindex(backend.ctx, { reason: 'asked', from: SEARCH_TEXT_VERSION }).jobId);
    expect(reindexed).toMatchObject({ kind: 'searchReindex', status: 'done', result: { indexed: 30, version: SEARCH_TEXT_VERSION } });
    const { jobId } = backend.call('backupsCreate', {});
    expect(await backend.ctx.jobs.settle(jobId)).toMatchObject({ kind: 'backup', status: 'done', result: { kind: 'manual', check: { ok: true } } });
    expect(done.map((d) => [d.kind, d.ok])).toEqual([
      ['import', true],
      ['searchReindex', true],
      ['backup', true],
    ]);
    checkedResults();
    expect(backend.call('jobsList', {}).map((j) => j.kind)).toEqual(['backup', 'searchReindex', 'import']);
  });

  it('queues a second writer behind the first: both finish, the second after the first', async () => {
    const first = startImport(csv('first.csv', 400));
    const second = startImport(csv('second.csv', 20, 1000));
    expect(backend.call('jobsGet', { jobId: second })).toMatchObject({ status: 'queued', position: 1 });
    const reindex = startSearchReindex(backend.ctx, { reason: 'asked', from: SEARCH_TEXT_VERSION });
    expect(reindex).toMatchObject({ status: 'queued', position: 2 });
    await backend.ctx.jobs.settleAll();
    expect(done.map((d) => d.jobId)).toEqual([first, second, reindex.jobId]);
    expect(done.every((d) => d.ok)).toBe(true);
    // The second moved up when the first ended.
    expect(progress.filter((p) => p.jobId === reindex.jobId && p.status === 'queued').map((p) => p.position)).toEqual([2, 1]);
    expect(backend.call('appInfo', {}).counts.notifications).toBe(420);
    checkedResults();
  });

  it('takes a cancelled queued job out of the queue: it never runs and its file is let go', async () => {
    const first = startImport(csv('first.csv', 50));
    const file = csv('second.csv', 20, 1000);
    const staged = backend.ctx.staging.addPath(file);
    const { jobId: second } = backend.call('notificationsImportStart', { fileRef: staged.fileRef });
    expect(backend.call('jobsCancel', { jobId: second })).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(() => backend.ctx.staging.resolve(staged.fileRef)).toThrow();
    await backend.ctx.jobs.settle(first);
    expect(backend.call('appInfo', {}).counts.notifications).toBe(50);
    expect(done.map((d) => [d.jobId, d.status])).toEqual([
      [second, 'cancelled'],
      [first, 'done'],
    ]);
  });

  it('runs a read-only job (a backup) beside a running writer', async () => {
    backend.close();
    backend = await open({ worker: true });
    const importing = startImport(csv('big.csv', 3000));
    await new Promise<void>((resolve) => backend.subscribe((name, p) => name === 'jobProgress' && (p as { phase: string }).phase === 'reading' && resolve()));
    const { jobId } = backend.call('backupsCreate', {});
    // Not queued behind the writer: both run at once.
    expect([backend.call('jobsGet', { jobId }).status, backend.call('jobsGet', { jobId: importing }).status]).toEqual(['running', 'running']);
    const backup = await backend.ctx.jobs.settle(jobId);
    expect(backup).toMatchObject({ status: 'done', result: { check: { ok: true } } });
    expect(await backend.ctx.jobs.settle(importing)).toMatchObject({ status: 'done', result: { inserted: 3000 } });
    checkedResults();
  });

  it('cancels a running import and leaves the store as it was', async () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201', title: 'Refrigerators' }]);
    const jobId = startImport(csv('big.csv', 3000));
    await new Promise<void>((resolve) => backend.subscribe((name, p) => name === 'jobProgress' && (p as { phase: string }).phase === 'reading' && resolve()));
    backend.call('jobsCancel', { jobId });
    expect(await backend.ctx.jobs.settle(jobId)).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(backend.call('appInfo', {}).counts.notifications).toBe(1);
    expect(searchTotal('refrigerators')).toBe(1);
    expect(backend.call('importsList', {})).toEqual([]);
  });

  it('cancels a running backup and leaves no partial file', async () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201' }]);
    const { jobId } = backend.call('backupsCreate', {});
    backend.call('jobsCancel', { jobId });
    expect(await backend.ctx.jobs.settle(jobId)).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(backupFiles()).toEqual([]);
    expect(backend.call('backupsList', {}).backups).toEqual([]);
  });

  it('cancels a running reindex and leaves the old index usable', async () => {
    insertNotifications(
      backend.ctx.db,
      Array.from({ length: 4500 }, (_, i) => ({ symbol: `G/TBT/N/SAU/${1000 + i}`, title: `Energy efficiency of refrigerators ${i}` })),
    );
    const { jobId } = startSearchReindex(backend.ctx, { reason: 'asked', from: SEARCH_TEXT_VERSION });
    // Inline, the first batch is written before the job yields; the cancel is heard after it.
    backend.call('jobsCancel', { jobId });
    expect(await backend.ctx.jobs.settle(jobId)).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(progress.some((p) => p.jobId === jobId && p.done > 0)).toBe(true);
    expect(searchTotal('refrigerators')).toBe(4500);
  });
});

describe('the search index version', () => {
  it('records the current version in a new store', () => {
    expect(searchIndexVersion(backend.ctx.db)).toEqual({ version: SEARCH_TEXT_VERSION, recorded: true });
  });

  it('detects an index built by another version at start and rebuilds it as a job, after which search finds the rows', async () => {
    insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/SAU/1201', title: 'Energy efficiency of refrigerators' },
      { symbol: 'G/TBT/N/ARE/77', title: '电动汽车 test methods' },
    ]);
    // As an older version would leave it: built by another search-text function (here: none at all).
    backend.ctx.db.exec("INSERT INTO notifications_fts (notifications_fts) VALUES ('delete-all')");
    backend.ctx.db.prepare("UPDATE workstation SET value = '0' WHERE key = 'searchTextVersion'").run();
    expect(searchTotal('refrigerators')).toBe(0);
    backend.close();

    backend = await open({ worker: true });
    const [job] = backend.ctx.jobs.pending('searchReindex');
    expect(job).toMatchObject({ kind: 'searchReindex', input: { reason: 'stale', from: 0 } });
    expect(await backend.ctx.jobs.settle(job!.jobId)).toMatchObject({ status: 'done', result: { indexed: 2, version: SEARCH_TEXT_VERSION } });
    expect(progress.some((p) => p.jobId === job!.jobId && p.kind === 'searchReindex')).toBe(true);
    expect(searchTotal('refrigerators')).toBe(1);
    expect(searchTotal('汽车')).toBe(1);
    expect(searchIndexVersion(backend.ctx.db)).toEqual({ version: SEARCH_TEXT_VERSION, recorded: true });
    checkedResults();

    // Current now: the next start queues nothing.
    backend.close();
    backend = await open();
    expect(backend.ctx.jobs.pending('searchReindex')).toEqual([]);
  });
});

describe('jobs from the command line', () => {
  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...args, '--data-dir', tmp.dir], { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_NOW: '2031-05-12T09:00:00Z' });
    return { code, out: out.join('\n'), err };
  }

  it('reindexes on request, printing the progress on stderr, and only the result with --json', async () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201', title: 'Energy efficiency of refrigerators' }]);
    backend.close();
    const printed = await cli('reindex');
    expect(printed.code).toBe(0);
    expect(printed.err).toEqual(['search index: indexing 0%', 'search index: indexing 100%']);
    expect(printed.out).toBe(`Search index rebuilt: 1 notifications (search text version ${SEARCH_TEXT_VERSION}).`);
    const json = await cli('reindex', '--json');
    expect(json.err).toEqual([]);
    expect(jobKinds.searchReindex.result.parse(JSON.parse(json.out))).toEqual({ indexed: 1, version: SEARCH_TEXT_VERSION });
  });

  it('rebuilds a stale index before a search and says so', async () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201', title: 'Energy efficiency of refrigerators' }]);
    backend.ctx.db.exec("INSERT INTO notifications_fts (notifications_fts) VALUES ('delete-all')");
    backend.ctx.db.prepare("UPDATE workstation SET value = '0' WHERE key = 'searchTextVersion'").run();
    backend.close();
    const r = await cli('search', 'refrigerators');
    expect(r.err[0]).toBe('The search index was built by another version of Pingyi (search text version 0); rebuilding it first.');
    expect(r.out).toContain('1 notifications match "refrigerators"');
    // Current now: nothing more to rebuild.
    expect((await cli('search', 'refrigerators')).err).toEqual([]);
  });

  it('imports through the same job as the window, with its progress on stderr', async () => {
    backend.close();
    const r = await cli('import', csv('cli.csv', 40));
    expect(r.code).toBe(0);
    expect(r.err[0]).toMatch(/^import: hashing 0%/);
    expect(r.err.some((line) => /^import: reading \d+%, 40 rows$/.test(line))).toBe(true);
    expect(r.out).toContain('inserted 40');
  });
});
