import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackend } from '../../electron/backend/backend';
import { DATABASE_FILE } from '../../electron/backend/db/connection';
import { dispatch } from '../../electron/backend/dispatch';
import { lastFullCheckAt } from '../../electron/backend/faults/integrity';
import { handlers, type HandlerTable } from '../../electron/backend/handlers';
import { importNotificationsFile } from '../../electron/backend/imports/import-file';
import { runCli } from '../../electron/cli/run-cli';
import { fixedClock } from '../../shared/domain/clock';
import { epingRow, writeEpingCsv } from '../fixtures/eping-fixtures';
import { canMount, corruptMiddleLeaf, MOUNT_SKIP_REASON, mountTmpfs } from '../helpers/faults';
import { makeTempDir, testClock, testActor } from '../helpers/temp-store';

const clock = fixedClock('2031-05-12T09:00:00Z');
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const ROWS = 3000;

/** A store of 3,000 notifications (some 4 MB, many leaf pages), closed and checkpointed. */
async function seedStore(dir: string): Promise<string> {
  const backend = await startBackend({ dataDir: dir, appVersion: 'test', clock });
  try {
    const rows = Array.from({ length: ROWS }, (_, i) =>
      epingRow({ 'Document symbol': `G/TBT/N/KAZ/${i + 1}`, Description: `Requirements for lithium batteries, lot ${i}. `.repeat(20) }),
    );
    const csv = writeEpingCsv(path.join(dir, 'seed.csv'), rows);
    await importNotificationsFile(backend.ctx.db, csv, { actor: testActor('test'), clock: testClock() });
    backend.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    backend.close();
  }
  return path.join(dir, DATABASE_FILE);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('corruption inside the store', () => {
  it('a corrupted page in the middle of the file is found at start, and nothing more is written to the store', async () => {
    const file = await seedStore(tmp.dir);
    corruptMiddleLeaf(file, 'notifications');
    const damaged = sha256(file);
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
    try {
      const health = backend.call('storeHealth', {});
      expect(health).toMatchObject({ status: 'damaged', lastCheck: { kind: 'quick', ok: false } });
      expect(health.lastCheck!.problems.length).toBeGreaterThan(0);
      const write = backend.invoke('settingsUpdate', { internalDeadlineWorkingDays: 8 });
      expect(write).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', details: { reason: 'damaged-read-only' } } });
      // An import writes through its own connection: it is refused before it starts.
      const csv = writeEpingCsv(path.join(tmp.dir, 'more.csv'), [epingRow({ 'Document symbol': 'G/TBT/N/KAZ/99999' })]);
      const imported = backend.invoke('notificationsImportStart', { fileRef: backend.ctx.staging.addPath(csv).fileRef });
      expect(imported).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', details: { reason: 'damaged-read-only' } } });
      expect(backend.ctx.jobs.running()).toBeNull();
    } finally {
      backend.close();
    }
    expect(sha256(file)).toBe(damaged);
  });

  it('corruption met by an ordinary query is DB_CORRUPT, not INTERNAL, and stops every later write', async () => {
    const file = await seedStore(tmp.dir);
    // Away from the rows the start-up sample reads (16 spread rowids and both ends).
    const sampled = Array.from({ length: 17 }, (_, k) => Math.floor(1 + ((ROWS - 1) * k) / 16));
    const { rowids } = corruptMiddleLeaf(file, 'notifications', sampled);
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock, quickCheckFullScanBytes: 0 });
    try {
      expect(backend.call('storeHealth', {}).status).toBe('ok');
      // Opening a notification whose row sits on the damaged page.
      const detail = backend.invoke('notificationsGet', { id: rowids[1]! });
      expect(detail).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
      expect(backend.call('storeHealth', {})).toMatchObject({ status: 'damaged', reason: expect.stringContaining('damaged') });
      expect(backend.invoke('settingsUpdate', { internalDeadlineWorkingDays: 8 })).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
      expect(backend.ctx.db.pragma('query_only', { simple: true })).toBe(1);
    } finally {
      backend.close();
    }
  });

  it('maps SQLITE_CORRUPT and SQLITE_NOTADB thrown by any handler to DB_CORRUPT', async () => {
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
    const junk = path.join(tmp.dir, 'junk.sqlite3');
    fs.writeFileSync(junk, crypto.randomBytes(64 * 1024));
    try {
      const table: HandlerTable = {
        ...handlers,
        appInfo: () => new Database(junk).prepare('SELECT * FROM sqlite_schema').all() as never,
      };
      const result = dispatch(table, backend.ctx, 'appInfo', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', details: { sqlite: 'SQLITE_NOTADB' } } });
    } finally {
      backend.close();
    }
  });

  it('pingyi check --full passes a sound store and exits non-zero on a damaged one', async () => {
    const file = await seedStore(tmp.dir);
    const sound = await cli(['check', '--full', '--json', '--data-dir', tmp.dir]);
    expect(sound.code).toBe(0);
    expect(JSON.parse(sound.out)).toMatchObject({ ok: true, check: { kind: 'full', ok: true } });
    corruptMiddleLeaf(file, 'notifications');
    const bad = await cli(['check', '--full', '--data-dir', tmp.dir]);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('The store is damaged');
  });

  it('the weekly full check runs on a worker after start, finds damage the start-up sample missed, and is remembered when it passes', async () => {
    const file = await seedStore(tmp.dir);
    const sampled = Array.from({ length: 17 }, (_, k) => Math.floor(1 + ((ROWS - 1) * k) / 16));
    const worker = { script: path.resolve('test/helpers/worker-bootstrap.mjs') };
    const sound = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock, worker, scheduleFullCheck: true, fullCheckDelayMs: 0 });
    try {
      await vi.waitFor(() => expect(sound.call('storeHealth', {}).lastCheck).toMatchObject({ kind: 'full', ok: true }), { timeout: 15_000 });
      expect(lastFullCheckAt(sound.ctx.db)).toBe('2031-05-12T09:00:00.000Z');
    } finally {
      sound.close();
    }
    corruptMiddleLeaf(file, 'notifications', sampled);
    // A week and a day later the check is due again.
    const later = fixedClock('2031-05-20T09:00:00Z');
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock: later, worker, scheduleFullCheck: true, fullCheckDelayMs: 0, quickCheckFullScanBytes: 0 });
    try {
      expect(backend.call('storeHealth', {}).lastCheck).toMatchObject({ kind: 'quick', ok: true });
      await vi.waitFor(() => expect(backend.call('storeHealth', {})).toMatchObject({ status: 'damaged', lastCheck: { kind: 'full', ok: false } }), { timeout: 15_000 });
      expect(lastFullCheckAt(backend.ctx.db)).toBe('2031-05-12T09:00:00.000Z');
    } finally {
      backend.close();
    }
  });

  it('the on-demand full check from the window runs on a worker, leaving this thread free, and its result is recorded', async () => {
    await seedStore(tmp.dir);
    const worker = { script: path.resolve('test/helpers/worker-bootstrap.mjs') };
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock, worker });
    try {
      const pending = backend.invokeWhenFree('storeCheck', { full: true });
      // On this thread the check would be over before the timer below could run.
      let timerRan = false;
      setTimeout(() => {
        timerRan = true;
      }, 0);
      const result = await pending;
      expect(timerRan).toBe(true);
      expect(backend.invoke('storeHealth', {}).ok).toBe(true);
      expect(result).toMatchObject({ ok: true, value: { kind: 'full', ok: true, at: '2031-05-12T09:00:00.000Z' } });
      expect(backend.call('storeHealth', {}).lastCheck).toMatchObject({ kind: 'full', ok: true });
      expect(lastFullCheckAt(backend.ctx.db)).toBe('2031-05-12T09:00:00.000Z');
    } finally {
      backend.close();
    }
  });

  it('remembers when the full check last passed, so the weekly one waits a week', async () => {
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
    try {
      const check = await backend.callAsync('storeCheck', { full: true });
      expect(check).toMatchObject({ kind: 'full', ok: true, at: '2031-05-12T09:00:00.000Z' });
      const { fullCheckDue } = await import('../../electron/backend/faults/integrity');
      expect(fullCheckDue(backend.ctx.db, fixedClock('2031-05-18T09:00:00Z'))).toBe(false);
      expect(fullCheckDue(backend.ctx.db, fixedClock('2031-05-19T09:00:01Z'))).toBe(true);
    } finally {
      backend.close();
    }
  });
});

describe('an empty store file', () => {
  it('is refused as DB_CORRUPT (reason empty) and left as it is; only a missing file means a new store', async () => {
    const file = path.join(tmp.dir, DATABASE_FILE);
    fs.writeFileSync(file, '');
    await expect(startBackend({ dataDir: tmp.dir, appVersion: 'test', clock })).rejects.toMatchObject({
      code: 'DB_CORRUPT',
      details: { file, reason: 'empty' },
    });
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(tmp.dir)).toEqual([DATABASE_FILE]);
    const check = await cli(['check', '--data-dir', tmp.dir]);
    expect(check.code).toBe(3);
    expect(check.err).toContain('empty');
  });
});

describe('permissions and paths', () => {
  it('a data folder that is a file is ACCESS_DENIED naming the path and what to do', async () => {
    const dataDir = path.join(tmp.dir, 'Pingyi');
    fs.writeFileSync(dataDir, 'not a folder');
    await expect(startBackend({ dataDir, appVersion: 'test', clock })).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
      details: { path: dataDir },
      message: expect.stringContaining('--data-dir'),
    });
    const info = await cli(['info', '--json', '--data-dir', dataDir]);
    expect(info.code).toBe(1);
    expect(JSON.parse(info.out)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', details: { path: dataDir } } });
  });

  it('pingyi info reports the store health and its start-up check', async () => {
    const info = await cli(['info', '--data-dir', tmp.dir]);
    expect(info.code).toBe(0);
    expect(info.out).toMatch(/store health {4}ok, quick check passed in \d+ ms/);
  });

  it.skipIf(!canMount)('a read-only data folder is READ_ONLY naming the folder, and its store is not touched', async () => {
    const mount = mountTmpfs(32 * 1024 * 1024);
    try {
      const backend = await startBackend({ dataDir: mount.dir, appVersion: 'test', clock });
      backend.close();
      const file = path.join(mount.dir, DATABASE_FILE);
      const before = sha256(file);
      mount.remountReadOnly();
      await expect(startBackend({ dataDir: mount.dir, appVersion: 'test', clock })).rejects.toMatchObject({
        code: 'READ_ONLY',
        details: { path: mount.dir },
      });
      expect(sha256(file)).toBe(before);
    } finally {
      mount.unmount();
    }
  });
  if (!canMount) it.skip(`a read-only data folder: ${MOUNT_SKIP_REASON}`, () => {});

  it('a store file that cannot be written is READ_ONLY naming the file', async () => {
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
    backend.close();
    const file = path.join(tmp.dir, DATABASE_FILE);
    // Root writes through mode bits; an immutable file (chattr +i) stops root too.
    const immutable = process.getuid?.() === 0 && lock(file, true);
    if (!immutable) fs.chmodSync(file, 0o444);
    try {
      if (!immutable && process.getuid?.() === 0) return; // neither way can be made here; stated in lock()
      await expect(startBackend({ dataDir: tmp.dir, appVersion: 'test', clock })).rejects.toMatchObject({
        code: 'READ_ONLY',
        details: { path: file },
      });
    } finally {
      if (immutable) lock(file, false);
      fs.chmodSync(file, 0o644);
    }
  });
});

describe('an unreadable store file', () => {
  const root = process.getuid?.() === 0;
  // Root reads any file whatever its mode, and nothing short of a security module (SELinux,
  // AppArmor) stops that, so this fault can only be made for an ordinary account.
  it.skipIf(root)('is ACCESS_DENIED naming the file (needs a non-root account: root reads every file)', async () => {
    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
    backend.close();
    const file = path.join(tmp.dir, DATABASE_FILE);
    fs.chmodSync(file, 0o000);
    try {
      await expect(startBackend({ dataDir: tmp.dir, appVersion: 'test', clock })).rejects.toMatchObject({ code: 'ACCESS_DENIED', details: { path: file } });
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });
});

/** chattr +i / -i; false where the file system does not support it. */
function lock(file: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
