import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { importNotificationsFile } from '../../electron/backend/imports/import-file';
import { runCli } from '../../electron/cli/run-cli';
import type { EventName } from '../../shared/contract';
import { epingRow, fixtureDir, writeEpingCsv, writeEpingXlsx, writeZipBombXlsx, type EpingRow } from '../fixtures/eping-fixtures';
import { testClock, testActor } from '../helpers/temp-store';
import { useImportEnv } from '../helpers/import-env';

const fx = useImportEnv();

const count = (db: Database.Database, sql: string, ...params: unknown[]): number =>
  (db.prepare(sql).get(...params) as { n: number }).n;

const ROWS: EpingRow[] = [
  epingRow(),
  epingRow({
    'Document symbol': 'G/TBT/N/ARE/700, G/TBT/N/KWT/700',
    'Notifying Member': 'United Arab Emirates',
    Title: 'GSO draft: <b>Electric vehicles</b> &amp; chargers',
  }),
  epingRow({ 'Document symbol': 'G/TBT/N/SAU/1002', 'Distribution date': '31/02/2024' }),
  epingRow({ 'Document symbol': 'G/TBT/N/SAU/1001/Add.1', 'Notification type': 'Addendum', 'Distribution date': '2024-06-01' }),
];

const importFile = fx.importFile;

describe('importing notifications', () => {
  it('inserts every readable row and reports a rejected row with its number, field and reason', async () => {
    const file = await writeEpingXlsx(fx.files.file('eping.xlsx'), ROWS);
    const report = await importFile(file);
    expect(report).toMatchObject({ format: 'eping-xlsx', inserted: 4, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.rejections).toEqual([
      expect.objectContaining({ row: 4, field: 'Distribution date', reason: expect.stringContaining('31/02/2024') }),
    ]);
    const db = fx.env.backend.ctx.db;
    expect(count(db, 'SELECT count(*) AS n FROM notifications')).toBe(4);
    const joint = db.prepare("SELECT member_code, title, joint_symbols, family_id FROM notifications WHERE symbol LIKE 'G/TBT/N/%/700' ORDER BY member_code").all() as Array<{ member_code: string; title: string; joint_symbols: string; family_id: number }>;
    expect(joint.map((r) => r.member_code)).toEqual(['ARE', 'KWT']);
    expect(joint[0]!.title).toBe('GSO draft: Electric vehicles & chargers');
    expect(joint[0]!.family_id).toBe(joint[1]!.family_id);
    expect(db.prepare("SELECT parent_symbol, base_symbol, doc_type FROM notifications WHERE symbol = 'G/TBT/N/SAU/1001/Add.1'").get())
      .toEqual({ parent_symbol: 'G/TBT/N/SAU/1001', base_symbol: 'G/TBT/N/SAU/1001', doc_type: 'addendum' });
    // The report is kept and can be read back.
    expect(fx.env.backend.call('importsGet', { id: report.importId })).toMatchObject({ inserted: 4, rejected: 1, rejections: [{ row: 4 }] });
    expect(fx.env.backend.call('importsList', {})[0]).toMatchObject({ importId: report.importId, fileName: 'eping.xlsx' });
    // The file is hashed while it is parsed; the import keeps its digest.
    const digest = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(db.prepare('SELECT file_sha256 FROM imports WHERE id = ?').pluck().get(report.importId)).toBe(digest);
  });

  it('re-importing the same ePing file adds nothing', async () => {
    const file = await writeEpingXlsx(fx.files.file('eping.xlsx'), ROWS);
    await importFile(file);
    const before = count(fx.env.backend.ctx.db, 'SELECT count(*) AS n FROM notifications');
    const again = await importFile(file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 1 });
    expect(count(fx.env.backend.ctx.db, 'SELECT count(*) AS n FROM notifications')).toBe(before);
    expect(count(fx.env.backend.ctx.db, 'SELECT count(*) AS n FROM notification_changes')).toBe(0);
  });

  it('a changed final date for comments updates the record and keeps the old value in the history', async () => {
    await importFile(await writeEpingXlsx(fx.files.file('v1.xlsx'), [epingRow()]));
    const r = await importFile(await writeEpingXlsx(fx.files.file('v2.xlsx'), [epingRow({ 'Final date for comments': '15/06/2024' })]));
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const db = fx.env.backend.ctx.db;
    expect(db.prepare("SELECT comment_deadline FROM notifications WHERE symbol = 'G/TBT/N/SAU/1001'").get()).toEqual({ comment_deadline: '2024-06-15' });
    expect(db.prepare('SELECT field, old_value, new_value, import_id FROM notification_changes').all()).toEqual([
      { field: 'comment_deadline', old_value: '2024-04-30', new_value: '2024-06-15', import_id: r.importId },
    ]);
  });

  it('groups the same-day, same-title GSO drafts of several Gulf members as one family', async () => {
    const gcc = ['ARE', 'SAU', 'QAT'].map((m, i) =>
      epingRow({ 'Document symbol': `G/TBT/N/${m}/${800 + i}`, Title: 'GSO draft: Refrigerators energy efficiency', 'Distribution date': '05/05/2025' }),
    );
    gcc.push(epingRow({ 'Document symbol': 'G/TBT/N/IND/800', Title: 'GSO draft: Refrigerators energy efficiency', 'Distribution date': '05/05/2025' }));
    await importFile(await writeEpingXlsx(fx.files.file('gcc.xlsx'), gcc));
    const rows = fx.env.backend.ctx.db.prepare("SELECT member_code, family_id FROM notifications WHERE symbol LIKE 'G/TBT/N/%/80_' ORDER BY member_code").all() as Array<{ member_code: string; family_id: number | null }>;
    const fam = rows.filter((r) => r.member_code !== 'IND').map((r) => r.family_id);
    expect(new Set(fam).size).toBe(1);
    expect(fam[0]).not.toBeNull();
    expect(rows.find((r) => r.member_code === 'IND')!.family_id).toBeNull();
    expect(fx.env.backend.ctx.db.prepare('SELECT kind FROM measure_families WHERE id = ?').get(fam[0])).toEqual({ kind: 'GCC' });
  });

  it('a hostile file is refused and leaves the store as it was', async () => {
    const before = count(fx.env.backend.ctx.db, 'SELECT count(*) AS n FROM notifications');
    const bomb = writeZipBombXlsx(fx.files.file('bomb.xlsx'), 64 * 1024 * 1024);
    await expect(importFile(bomb)).rejects.toMatchObject({ code: 'IMPORT_REJECTED' });
    expect(count(fx.env.backend.ctx.db, 'SELECT count(*) AS n FROM notifications')).toBe(before);
    // Only its refusal is recorded, in the history.
    expect(fx.env.backend.ctx.db.prepare('SELECT status, inserted FROM imports').all()).toEqual([{ status: 'refused', inserted: 0 }]);
  });

  it('a cancelled import leaves no rows behind', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => epingRow({ 'Document symbol': `G/SPS/N/RUS/${i + 1}` }));
    const file = await writeEpingXlsx(fx.files.file('big.xlsx'), rows);
    const controller = new AbortController();
    let seen = 0;
    const run = importNotificationsFile(fx.env.backend.ctx.db, file, {
      actor: testActor('tester'),
      clock: fx.env.backend.ctx.clock,
      signal: controller.signal,
      onProgress: ({ phase }) => {
        if (phase === 'reading' && ++seen === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(count(fx.env.backend.ctx.db, 'SELECT count(*) AS n FROM notifications')).toBe(0);
    expect(fx.env.backend.ctx.db.inTransaction).toBe(false);
  });

  it('imports CSV in GB18030 and reports the encoding', async () => {
    const file = writeEpingCsv(fx.files.file('gb.csv'), [epingRow({ Title: '电动汽车技术法规 Electric vehicles' })], 'gb18030');
    const report = await importFile(file);
    expect(report).toMatchObject({ format: 'eping-csv', encoding: 'gb18030', inserted: 1 });
    expect(fx.env.backend.ctx.db.prepare('SELECT title FROM notifications').get()).toEqual({ title: '电动汽车技术法规 Electric vehicles' });
  });
});

describe('import jobs', () => {
  it('runs an import on a worker thread with progress events and a stored report, dated by the backend clock', async () => {
    const tmp = fixtureDir();
    const backend: Backend = await startBackend({
      // The worker thread gets its own clock, running on from the backend's at the job's start.
      clock: testClock('2031-05-01T08:00:00.000Z'),
      dataDir: tmp.dir,
      appVersion: 'test',
      validateOutput: true,
      worker: { script: path.resolve('test/helpers/worker-bootstrap.mjs') },
    });
    try {
      const events: EventName[] = [];
      const phases: string[] = [];
      const done = new Promise<void>((resolve) =>
        backend.subscribe((name, payload) => {
          events.push(name);
          const phase = (payload as { phase?: string }).phase;
          if (name === 'jobProgress' && phase && phases[phases.length - 1] !== phase) phases.push(phase);
          if (name === 'jobDone') resolve();
        }),
      );
      const rows = Array.from({ length: 2000 }, (_, i) => epingRow({ 'Document symbol': `G/TBT/N/KAZ/${i + 1}` }));
      const file = await writeEpingXlsx(fx.files.file('jobs.xlsx'), rows);
      const staged = backend.ctx.staging.addPath(file);
      const { jobId } = backend.call('notificationsImportStart', { fileRef: staged.fileRef });
      await done;
      const state = backend.call('jobsGet', { jobId });
      expect(state).toMatchObject({ status: 'done', result: { inserted: 2000, rejected: 0 } });
      expect(events).toContain('dataChanged');
      // Every phase is shown: indexing while the indexes are built and the rows committed, then
      // the warnings pass over what was added.
      expect(phases).toEqual(['hashing', 'opening', 'reading', 'indexing', 'warnings']);
      expect(backend.call('appInfo', {}).counts.notifications).toBe(2000);
      expect(() => backend.ctx.staging.resolve(staged.fileRef)).toThrow();
      const [stored] = backend.call('importsList', {});
      expect(stored?.startedAt.slice(0, 10)).toBe('2031-05-01');
      expect(state.startedAt.slice(0, 10)).toBe('2031-05-01');
      const created = backend.ctx.db.prepare('SELECT DISTINCT substr(created_at, 1, 10) AS day FROM notifications').all();
      expect(created).toEqual([{ day: '2031-05-01' }]);
    } finally {
      backend.close();
      tmp.cleanup();
    }
  });

  it('cancelling a worker import rolls it back', async () => {
    const tmp = fixtureDir();
    const backend = await startBackend({
      clock: testClock(),
      dataDir: tmp.dir,
      appVersion: 'test',
      worker: { script: path.resolve('test/helpers/worker-bootstrap.mjs') },
    });
    try {
      const rows = Array.from({ length: 20000 }, (_, i) => epingRow({ 'Document symbol': `G/TBT/N/KAZ/${i + 1}` }));
      const file = await writeEpingXlsx(fx.files.file('cancel.xlsx'), rows);
      const { jobId } = backend.call('notificationsImportStart', { fileRef: backend.ctx.staging.addPath(file).fileRef });
      await new Promise<void>((resolve) => backend.subscribe((name) => name === 'jobProgress' && resolve()));
      backend.call('jobsCancel', { jobId });
      const final = await backend.ctx.jobs.settle(jobId);
      expect(final).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
      expect(backend.call('appInfo', {}).counts.notifications).toBe(0);
    } finally {
      backend.close();
      tmp.cleanup();
    }
  });

  it('a killed import process leaves no partial rows', async () => {
    const tmp = fixtureDir();
    try {
      const rows = Array.from({ length: 20000 }, (_, i) => epingRow({ 'Document symbol': `G/SPS/N/KGZ/${i + 1}` }));
      const file = await writeEpingXlsx(fx.files.file('kill.xlsx'), rows);
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'import', file, '--data-dir', tmp.dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Kill it once thousands of rows are read, i.e. while rows are being written.
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (d: Buffer) => {
          if (/reading .* [1-9]\d{3,} rows/.test(d.toString())) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', () => reject(new Error('the import finished before it could be killed')));
      });
      await new Promise((r) => child.once('exit', r));
      const db = new Database(path.join(tmp.dir, 'pingyi.sqlite3'));
      try {
        expect(count(db, 'SELECT count(*) AS n FROM notifications')).toBe(0);
        expect(count(db, 'SELECT count(*) AS n FROM imports')).toBe(0);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    } finally {
      tmp.cleanup();
    }
  });
});

describe('pingyi import', () => {
  it('prints the same report as JSON', async () => {
    const file = await writeEpingXlsx(fx.files.file('cli.xlsx'), ROWS);
    const out: string[] = [];
    const errors: string[] = [];
    const code = await runCli(['import', file, '--json', '--data-dir', fx.env.dir + '-cli'], { out: (t) => out.push(t), err: (t) => errors.push(t) }, {});
    try {
      // The report (or the error the CLI printed instead) first, so a failure shows why.
      expect(JSON.parse(out.join('\n'))).toMatchObject({ inserted: 4, rejected: 1, rejections: [{ row: 4, field: 'Distribution date' }] });
      expect({ code, errors }).toEqual({ code: 0, errors: [] });
    } finally {
      fs.rmSync(fx.env.dir + '-cli', { recursive: true, force: true });
    }
  });

  it('exits 1 with the reason for a file that is not an export', async () => {
    const file = fx.files.file('notes.csv');
    fs.writeFileSync(file, 'name,amount\nfoo,1\n');
    const err: string[] = [];
    const code = await runCli(['import', file, '--data-dir', fx.env.dir + '-cli2'], { out: () => {}, err: (t) => err.push(t) }, {});
    fs.rmSync(fx.env.dir + '-cli2', { recursive: true, force: true });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/IMPORT_REJECTED.*Document symbol/);
  });
});
