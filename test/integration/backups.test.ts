import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { DATABASE_FILE, configureConnection, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { localDate, type Clock } from '../../shared/domain/clock';
import type { ApiError } from '../../shared/result';
import { PRE_IMPORT_BACKUP_MIN_BYTES } from '../../electron/backend/backups/pre-import';
import { epingRow, writeEpingCsv } from '../fixtures/eping-fixtures';
import { insertNotifications, minimalPdf } from '../helpers/notification-fixtures';
import { makeTempDir } from '../helpers/temp-store';
import { testClock } from '../helpers/temp-store';

/** A clock the test moves by hand: rotation is tested across many days without waiting for them. */
function movableClock(start: string): Clock & { set(iso: string): void; addDays(n: number): void } {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    set: (iso) => {
      at = Date.parse(iso);
    },
    addDays: (n) => {
      at += n * 24 * 3600 * 1000;
    },
  };
}

let tmp: ReturnType<typeof makeTempDir>;
let clock: ReturnType<typeof movableClock>;
let backend: Backend;
const open = (): Promise<Backend> => startBackend({ dataDir: tmp.dir, appVersion: 'test', validateOutput: true, clock });
beforeEach(async () => {
  tmp = makeTempDir();
  clock = movableClock('2031-03-10T02:00:00Z');
  backend = await open();
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

const symbols = (b: Backend): string[] =>
  (b.ctx.db.prepare('SELECT symbol FROM notifications ORDER BY symbol').all() as Array<{ symbol: string }>).map((r) => r.symbol);
const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const backupDir = (): string => path.join(tmp.dir, 'backups');

/** Close the backend, put a store of the second schema version in place of its store, open it again (migrating it). */
async function reopenOnOlderStore(): Promise<Backend> {
  backend.close();
  fs.rmSync(path.join(tmp.dir, DATABASE_FILE));
  const db = new Database(path.join(tmp.dir, DATABASE_FILE));
  configureConnection(db);
  migrate(db, testClock(), migrations.slice(0, 2));
  db.close();
  return open();
}

describe('creating backups', () => {
  it('writes a copy with the online backup, checks it and records its manifest', async () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201' }, { symbol: 'G/TBT/N/RUS/88' }]);
    const made = await backend.ctx.backups.create('manual');
    expect(made.check).toEqual({ ok: true, message: 'ok' });
    expect(made.id).toBe('20310310-020000-manual');
    expect(made.createdAt).toBe('2031-03-10T02:00:00.000Z');
    expect(made.counts).toEqual({ notifications: 2, comments: 0 });
    expect(made.size).toBe(fs.statSync(path.join(backupDir(), `${made.id}.sqlite3`)).size);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir(), `${made.id}.json`), 'utf8')) as { schemaVersion: number; appVersion: string };
    expect(manifest.schemaVersion).toBe(backend.call('appInfo', {}).schemaVersion);
    expect(manifest.appVersion).toBe('test');
    const copy = new Database(made.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 2 });
    copy.close();
    expect(backend.call('backupsList', {}).backups.map((b) => b.id)).toEqual([made.id]);
  });

  it('copies each attachment into the shared folder once, however many backups refer to it', async () => {
    const ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201' }]);
    const pdf = minimalPdf('GSO 2700');
    const fileRef = backend.ctx.staging.addUpload('draft.pdf', pdf).fileRef;
    const { attachment } = backend.call('attachmentsAdd', { notificationId: ids['G/TBT/N/SAU/1201']!, fileRef });
    const first = await backend.ctx.backups.create('manual');
    clock.addDays(1);
    const second = await backend.ctx.backups.create('manual');
    expect(first.attachmentsCopied).toBe(1);
    expect(second.attachmentsCopied).toBe(0);
    expect(second.attachments).toBe(1);
    const copied = path.join(backupDir(), 'attachments', attachment.sha256.slice(0, 2), attachment.sha256);
    expect(sha256(copied)).toBe(attachment.sha256);
  });

  it('makes one automatic backup a day and keeps 7 daily and 4 weekly over 40 days; manual ones stay', async () => {
    const manual = await backend.ctx.backups.create('manual');
    // 09:00 on the machine's own calendar each day (the day is the analyst's local day).
    for (let day = 0; day < 40; day += 1) {
      clock.set(new Date(2031, 2, 10 + day, 9, 0).toISOString());
      expect(await backend.ctx.backups.runDueBackup()).not.toBeNull();
      clock.addDays(0.5); // later the same day (past noon): nothing more is due
      expect(await backend.ctx.backups.runDueBackup()).toBeNull();
    }
    const list = backend.call('backupsList', {}).backups;
    const daily = list.filter((b) => b.kind === 'daily');
    const weekly = list.filter((b) => b.kind === 'weekly');
    expect(daily).toHaveLength(7);
    const day = (b: { createdAt: string }): string => localDate(new Date(b.createdAt));
    expect(weekly.map(day)).toEqual(['2031-04-14', '2031-04-07', '2031-03-31', '2031-03-24']);
    expect(daily.map(day)).toEqual(['2031-04-18', '2031-04-17', '2031-04-16', '2031-04-15', '2031-04-13', '2031-04-12', '2031-04-11']);
    expect(list.some((b) => b.id === manual.id)).toBe(true);
    expect(fs.readdirSync(backupDir()).filter((f) => f.endsWith('.sqlite3'))).toHaveLength(12);
  });

  it('honours a configured rotation for backups before imports', async () => {
    backend.call('backupsConfigure', { rotation: { daily: 7, weekly: 4, preImport: 2, preMigration: 3 } });
    for (let i = 0; i < 5; i += 1) {
      await backend.ctx.backups.create('pre-import');
      clock.addDays(0.1);
    }
    const kept = backend.call('backupsList', {}).backups.filter((b) => b.kind === 'pre-import');
    expect(kept).toHaveLength(2);
  });

  it('makes the day\'s backup at start when the backend is started with automatic backups', async () => {
    backend.close();
    backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock, autoBackups: true });
    await backend.ctx.backups.settle();
    expect(backend.call('backupsList', {}).backups.map((b) => b.kind)).toEqual(['weekly']);
  });

  it('marks a backup of a damaged store as failed and keeps the good ones before it', async () => {
    insertNotifications(
      backend.ctx.db,
      Array.from({ length: 400 }, (_, i) => ({ symbol: `G/TBT/N/SAU/${1000 + i}`, title: `Energy efficiency ${'x'.repeat(400)} ${i}` })),
    );
    const good = await backend.ctx.backups.create('daily');
    // Two pages of the notifications' rows, in the middle of them: data the app does not read to
    // open the store (the schema's pages would stop it opening at all, which is recovery's case).
    const pageSize = backend.ctx.db.pragma('page_size', { simple: true }) as number;
    const pages = backend.ctx.db.prepare("SELECT pageno FROM dbstat WHERE name = 'notifications' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    expect(pages.length).toBeGreaterThan(4);
    const damaged = pages[Math.floor(pages.length / 2)]!;
    backend.close();
    // Garbage over them, as a failing disk leaves it.
    const file = path.join(tmp.dir, DATABASE_FILE);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(2 * pageSize, 0xa5), 0, 2 * pageSize, (damaged - 1) * pageSize);
    fs.closeSync(fd);
    clock.addDays(1);
    backend = await open();
    const bad = await backend.ctx.backups.create('daily');
    expect(bad.check.ok).toBe(false);
    expect(bad.check.message).not.toBe('ok');
    const list = backend.call('backupsList', {}).backups;
    expect(list.map((b) => [b.id, b.check.ok])).toEqual([
      [bad.id, false],
      [good.id, true],
    ]);
    expect(() => backend.call('backupsRestore', { id: bad.id })).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as Error);
  });

  it('folds the pre-migration copy into the backups, listed with the schema it had', async () => {
    backend = await reopenOnOlderStore();
    const list = backend.call('backupsList', {}).backups;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'pre-migration', schemaVersion: migrations[1]!.version, check: { ok: true } });
  });
});

describe('the backup folder', () => {
  it('refuses a relative path, the data folder itself and a file, and accepts another folder', async () => {
    const attempt = (folder: string): string => {
      try {
        backend.call('backupsConfigure', { folder });
        return 'accepted';
      } catch (e) {
        return (e as ApiError).code;
      }
    };
    expect(attempt('backups-elsewhere')).toBe('VALIDATION');
    expect(attempt(tmp.dir)).toBe('VALIDATION');
    expect(attempt(path.join(tmp.dir, 'attachments', 'x'))).toBe('VALIDATION');
    fs.writeFileSync(path.join(tmp.dir, 'a-file'), 'x');
    expect(attempt(path.join(tmp.dir, 'a-file'))).toBe('ACCESS_DENIED');
    const other = makeTempDir('pingyi-other-drive-');
    try {
      expect(attempt(other.dir)).toBe('accepted');
      const made = await backend.ctx.backups.create('manual');
      expect(path.dirname(made.file)).toBe(other.dir);
      expect(backend.call('backupsList', {}).folder).toBe(other.dir);
    } finally {
      other.cleanup();
    }
  });
});

describe('restoring', () => {
  it('moves the current store aside, brings the backup\'s data back and reconnects every view', async () => {
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201' }]);
    const made = await backend.ctx.backups.create('manual');
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/RUS/88' }]);
    const events: string[] = [];
    backend.subscribe((name, payload) => events.push(`${name}:${JSON.stringify(payload)}`));
    clock.addDays(1);

    const result = backend.call('backupsRestore', { id: made.id });

    expect(symbols(backend)).toEqual(['G/TBT/N/SAU/1201']);
    expect(backend.call('notificationsList', {}).total).toBe(1);
    expect(events).toContain('dataChanged:{"entity":"*"}');
    expect(result.movedAsideTo).toBe(path.join(tmp.dir, 'replaced', '2031-03-11T02-00-00-000Z'));
    const replaced = new Database(path.join(result.movedAsideTo!, DATABASE_FILE), { readonly: true });
    expect(replaced.prepare('SELECT symbol FROM notifications ORDER BY symbol').all()).toEqual([
      { symbol: 'G/TBT/N/RUS/88' },
      { symbol: 'G/TBT/N/SAU/1201' },
    ]);
    replaced.close();
    // The restored store takes writes, and the backup itself is untouched.
    insertNotifications(backend.ctx.db, [{ symbol: 'G/SPS/N/KAZ/5' }]);
    expect(backend.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(new Database(made.file, { readonly: true }).prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 1 });
  });

  it('restores twice in a row without overwriting the first store moved aside', async () => {
    const made = await backend.ctx.backups.create('manual');
    const first = backend.call('backupsRestore', { id: made.id });
    const second = backend.call('backupsRestore', { id: made.id });
    expect(second.movedAsideTo).not.toBe(first.movedAsideTo);
    expect(fs.existsSync(path.join(first.movedAsideTo!, DATABASE_FILE))).toBe(true);
    expect(fs.existsSync(path.join(second.movedAsideTo!, DATABASE_FILE))).toBe(true);
  });

  it('brings back attachments the data folder has lost', async () => {
    const ids = insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201' }]);
    const fileRef = backend.ctx.staging.addUpload('draft.pdf', minimalPdf('x')).fileRef;
    const { attachment } = backend.call('attachmentsAdd', { notificationId: ids['G/TBT/N/SAU/1201']!, fileRef });
    const made = await backend.ctx.backups.create('manual');
    fs.rmSync(path.join(tmp.dir, 'attachments'), { recursive: true });
    backend.call('backupsRestore', { id: made.id });
    expect(backend.call('attachmentsOpen', { id: attachment.id }).path).toBeTruthy();
  });

  it('restores a copy made before a migration and brings it up to the current schema', async () => {
    backend = await reopenOnOlderStore();
    const latest = backend.call('appInfo', {}).schemaVersion;
    const [premigration] = backend.call('backupsList', {}).backups;
    backend.call('backupsRestore', { id: premigration!.id });
    expect(backend.call('appInfo', {}).schemaVersion).toBe(latest);
    expect(premigration!.schemaVersion).toBeLessThan(latest);
  });

  it('refuses while an import runs', async () => {
    const made = await backend.ctx.backups.create('manual');
    const busy = backend.ctx.jobs as unknown as { isBusy: () => boolean };
    const original = busy.isBusy.bind(backend.ctx.jobs);
    busy.isBusy = () => true;
    try {
      expect(() => backend.call('backupsRestore', { id: made.id })).toThrow(expect.objectContaining({ code: 'BUSY' }) as Error);
    } finally {
      busy.isBusy = original;
    }
  });
});

describe('looking into a backup', () => {
  it('summarises a backup from a read-only connection without changing a byte of it', async () => {
    insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/SAU/1201', title: 'Refrigerators', distributionDate: '2031-01-05' },
      { symbol: 'G/TBT/N/RUS/88', title: 'Batteries', distributionDate: '2031-02-05' },
    ]);
    const made = await backend.ctx.backups.create('manual');
    const before = sha256(made.file);
    const summary = backend.call('backupsSummary', { id: made.id });
    expect(summary.counts).toEqual({ notifications: 2, comments: 0 });
    expect(summary.newestNotifications.map((n) => n.symbol)).toEqual(['G/TBT/N/RUS/88', 'G/TBT/N/SAU/1201']);
    expect(sha256(made.file)).toBe(before);
    expect(fs.existsSync(`${made.file}-wal`)).toBe(false);
  });

  it('leaves deleted comments out of what a backup holds', async () => {
    const ids = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/SAU/1201', title: 'Refrigerators', distributionDate: '2031-01-05' },
      { symbol: 'G/TBT/N/RUS/88', title: 'Batteries', distributionDate: '2031-02-05' },
    ]);
    const kept = backend.call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/SAU/1201']! }, titleZh: '保留的意见' });
    const gone = backend.call('commentsCreate', { target: { kind: 'notification', notificationId: ids['G/TBT/N/RUS/88']! }, titleZh: '删除的草稿' });
    backend.call('commentsDelete', { id: gone.id });
    const made = await backend.ctx.backups.create('manual');
    const summary = backend.call('backupsSummary', { id: made.id });
    expect(summary.counts.comments).toBe(1);
    expect(summary.newestComments.map((c) => c.id)).toEqual([kept.id]);
  });

  it('summarises a copy made before the comments existed as having none, not as damaged', async () => {
    backend = await reopenOnOlderStore();
    const [premigration] = backend.call('backupsList', {}).backups;
    expect(backend.call('backupsSummary', { id: premigration!.id })).toMatchObject({ counts: { notifications: 0, comments: 0 }, newestComments: [] });
  });

  it('says which backup does not exist', () => {
    expect(() => backend.call('backupsSummary', { id: '20310101-000000-manual' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
  });
});

describe('backups before large imports', () => {
  const bigCsv = (dir: string, rows: number, start: number): { path: string; size: number } => {
    const file = path.join(dir, `export-${start}.csv`);
    writeEpingCsv(
      file,
      Array.from({ length: rows }, (_, i) => epingRow({ 'Document symbol': `G/TBT/N/SAU/${start + i}`, Description: 'Requirements and test methods. '.repeat(30) })),
    );
    return { path: file, size: fs.statSync(file).size };
  };
  const importFile = async (file: string): Promise<void> => {
    const fileRef = backend.ctx.staging.addPath(file).fileRef;
    const { jobId } = backend.call('notificationsImportStart', { fileRef });
    const state = await backend.ctx.jobs.settle(jobId);
    expect(state.status).toBe('done');
  };

  it('backs the store up before an import of a file of 1 MB or more into a store that has data, and not otherwise', async () => {
    const files = makeTempDir('pingyi-files-');
    try {
      const first = bigCsv(files.dir, 1100, 1000);
      expect(first.size).toBeGreaterThanOrEqual(PRE_IMPORT_BACKUP_MIN_BYTES);
      await importFile(first.path); // an empty store: nothing to lose
      expect(backend.call('backupsList', {}).backups).toEqual([]);

      const small = bigCsv(files.dir, 3, 5000);
      await importFile(small.path); // a few rows: no copy of the whole store
      expect(backend.call('backupsList', {}).backups).toEqual([]);

      const second = bigCsv(files.dir, 1100, 3000);
      await importFile(second.path);
      const list = backend.call('backupsList', {}).backups;
      expect(list.map((b) => [b.kind, b.counts.notifications, b.check.ok])).toEqual([['pre-import', 1103, true]]);
      expect(backend.call('notificationsList', {}).total).toBe(2203);
    } finally {
      files.cleanup();
    }
  });
});

describe('backups on a worker thread', () => {
  it('makes and checks a copy on the worker the app bundles, with the same result as on this thread', async () => {
    backend.close();
    backend = await startBackend({
      dataDir: tmp.dir,
      appVersion: 'test',
      clock,
      worker: { script: path.resolve('test/helpers/worker-bootstrap.mjs') },
    });
    insertNotifications(backend.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201' }]);
    const made = await backend.ctx.backups.create('manual');
    expect(made.check).toEqual({ ok: true, message: 'ok' });
    expect(made.counts.notifications).toBe(1);
  });

  it('reports a backup whose worker could not run as failed, not as made', async () => {
    backend.close();
    backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock, worker: { script: path.join(tmp.dir, 'no-such-worker.mjs') } });
    await expect(backend.ctx.backups.create('manual')).rejects.toThrow();
    expect(backend.call('backupsList', {}).backups).toEqual([]);
    const files = fs.existsSync(backupDir()) ? fs.readdirSync(backupDir()) : [];
    expect(files.filter((f) => f.endsWith('.sqlite3') || f.endsWith('.partial'))).toEqual([]);
  });
});
