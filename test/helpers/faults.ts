import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Write random bytes over one leaf page of `table`, away from the rows the start-up sample
 * reads, so only a query that reads that page finds the damage. Returns the page and its rowids.
 * Leaves are listed by dbstat in key order, so their cell counts give each one's rowid range.
 */
export function corruptMiddleLeaf(file: string, table: string, avoidRowids: readonly number[] = []): { page: number; rowids: number[] } {
  const db = new Database(file, { readonly: true });
  let page: number | null = null;
  let onPage: number[] = [];
  let pageSize: number;
  try {
    pageSize = Number(db.pragma('page_size', { simple: true }));
    const leaves = db
      .prepare("SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path")
      .all(table) as Array<{ pageno: number; ncell: number }>;
    const rowids = db.prepare(`SELECT rowid FROM "${table}" ORDER BY rowid`).pluck().all() as number[];
    let first = 0;
    const middle = Math.floor(leaves.length / 2);
    for (let i = 0; i < leaves.length; i++) {
      const { pageno, ncell } = leaves[i]!;
      const range = rowids.slice(first, first + ncell);
      first += ncell;
      if (i < middle || range.length === 0) continue;
      if (!avoidRowids.some((r) => r >= range[0]! && r <= range[range.length - 1]!)) {
        page = pageno;
        onPage = range;
        break;
      }
    }
  } finally {
    db.close();
  }
  if (page === null) throw new Error(`no leaf of ${table} to corrupt`);
  const fd = fs.openSync(file, 'r+');
  try {
    // Random bytes, and a page-type byte no b-tree page has, so every read of the page fails
    // (random bytes alone can parse as cells with other rowids and hide the row instead).
    const bytes = crypto.randomBytes(pageSize);
    bytes[0] = 0xff;
    fs.writeSync(fd, bytes, 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return { page, rowids: onPage };
}

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether this process may mount a tmpfs (root in a container that allows it, as CI here). */
export const canMount: boolean = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync('/tmp/pingyi-mount-probe-');
  try {
    if (!run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe])) return false;
    run('umount', [probe]);
    return true;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

export const MOUNT_SKIP_REASON = 'needs root and permission to mount a tmpfs (mount -t tmpfs), which this machine does not give';

/** A small tmpfs at a fresh folder; unmount() always runs in the test's finally/afterAll. */
export function mountTmpfs(sizeBytes: number): { dir: string; remountReadOnly: () => void; unmount: () => void } {
  const dir = fs.mkdtempSync('/tmp/pingyi-tmpfs-');
  if (!run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir])) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error('mount failed');
  }
  return {
    dir,
    remountReadOnly: () => {
      if (!run('mount', ['-o', 'remount,ro', dir])) throw new Error('remount read-only failed');
    },
    unmount: () => {
      // A lazy unmount succeeds even if a test left a file open in it.
      run('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
