import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { DATABASE_FILE } from '../../electron/backend/db/connection';
import { freeBytes } from '../../electron/backend/faults/disk-space';
import { fixedClock } from '../../shared/domain/clock';
import { epingRow, writeEpingCsv } from '../fixtures/eping-fixtures';
import { canMount, MOUNT_SKIP_REASON, mountTmpfs } from '../helpers/faults';
import { makeTempDir, TEST_NOW, testActor } from '../helpers/temp-store';

const clock = fixedClock('2031-05-12T09:00:00Z');

function csv(dir: string, name: string, rows: number): string {
  const data = Array.from({ length: rows }, (_, i) =>
    epingRow({ 'Document symbol': `G/TBT/N/KAZ/${i + 1}`, Description: `Requirements for lithium batteries, lot ${i}. `.repeat(30) }),
  );
  return writeEpingCsv(path.join(dir, name), data);
}

/** Take all but `leave` bytes of the disk with a filler file. */
function fill(dir: string, leave: number): void {
  const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    while (freeBytes(dir) > leave + chunk.length) fs.writeSync(fd, chunk);
    const rest = freeBytes(dir) - leave;
    if (rest > 0) fs.writeSync(fd, chunk.subarray(0, Math.min(rest, chunk.length)));
  } finally {
    fs.closeSync(fd);
  }
}

describe.skipIf(!canMount)('a full disk (a 20 MB tmpfs)', () => {
  let mount: ReturnType<typeof mountTmpfs>;
  let outside: ReturnType<typeof makeTempDir>;
  let backend: Backend | null = null;
  beforeEach(() => {
    mount = mountTmpfs(20 * 1024 * 1024);
    outside = makeTempDir();
  });
  afterEach(() => {
    backend?.close();
    backend = null;
    mount.unmount();
    outside.cleanup();
  });

  it('an import checks free space before it starts and says how much it needs', async () => {
    backend = await startBackend({ dataDir: mount.dir, appVersion: 'test', clock });
    const file = csv(outside.dir, 'big.csv', 4000);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(5 * 1024 * 1024);
    const result = backend.invoke('notificationsImportStart', { fileRef: backend.ctx.staging.addPath(file).fileRef });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL', message: expect.stringContaining('big.csv needs about'), details: { path: mount.dir } },
    });
    const details = (result as { error: { details: { needed: number; available: number } } }).error.details;
    expect(details.needed).toBeGreaterThan(3 * size);
    expect(details.available).toBeLessThan(details.needed);
    expect(backend.ctx.jobs.running()).toBeNull();
  });

  it('a write on a full disk is DISK_FULL, not INTERNAL', async () => {
    backend = await startBackend({ dataDir: mount.dir, appVersion: 'test', clock });
    backend.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    fill(mount.dir, 0);
    const result = backend.invoke('savedSearchSave', { name: 'x'.repeat(80), query: { query: 'y'.repeat(200) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL', details: { path: path.join(mount.dir, DATABASE_FILE) } } });
  });

  it('an import that fills the disk fails with DISK_FULL and leaves no write-ahead log taking the space', async () => {
    backend = await startBackend({ dataDir: mount.dir, appVersion: 'test', clock });
    backend.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = csv(outside.dir, 'import.csv', 1500);
    fill(mount.dir, 2 * 1024 * 1024);
    const freeBefore = freeBytes(mount.dir);
    // Past the up-front check (the job itself), as when the estimate was too small.
    const state = backend.ctx.jobs.start({
      kind: 'import',
      input: { fileName: 'import.csv', fileSize: fs.statSync(file).size },
      params: { filePath: file, actor: testActor('test') },
      startedAt: TEST_NOW,
    });
    const final = await backend.ctx.jobs.settle(state.jobId);
    expect(final).toMatchObject({
      status: 'failed',
      error: { code: 'DISK_FULL', message: expect.stringContaining('Importing import.csv needs about'), details: { needed: expect.any(Number) } },
    });
    const wal = path.join(mount.dir, `${DATABASE_FILE}-wal`);
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    expect(freeBytes(mount.dir)).toBeGreaterThanOrEqual(freeBefore - 64 * 1024);
    expect(backend.call('appInfo', {}).counts.notifications).toBe(0);
  });
});

if (!canMount) describe.skip(`a full disk: ${MOUNT_SKIP_REASON}`, () => {});
