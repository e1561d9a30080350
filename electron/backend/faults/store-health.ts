import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { StoreCheck, StoreHealthInfo } from '../../../shared/contract/store-health';
import { nowIso, type Clock } from '../../../shared/domain/clock';

/**
 * Whether the store may still be written. Once a query meets corruption the connection is put
 * in query_only mode: every later write fails instead of spreading damage through the file,
 * and reads keep working so the analyst can still look things up and copy them out, until
 * they choose (restore a backup or quit).
 */
export class StoreHealth {
  private damage: { reason: string; detectedAt: string } | null = null;
  private check: StoreCheck | null = null;

  /** `db` is read at each use: a restore replaces the backend's connection. */
  constructor(
    private readonly db: () => Database,
    private readonly clock: Clock,
  ) {}

  get damaged(): boolean {
    return this.damage !== null;
  }

  markDamaged(reason: string): void {
    if (this.damage) return;
    this.damage = { reason, detectedAt: nowIso(this.clock) };
    try {
      const db = this.db();
      if (db.open) db.pragma('query_only = ON');
    } catch {
      // A connection too damaged to take a pragma writes nothing anyway.
    }
  }

  /** A restored store starts healthy: the damage was the replaced file's. */
  reset(): void {
    this.damage = null;
    this.check = null;
  }

  recordCheck(check: StoreCheck): void {
    this.check = check;
    if (!check.ok) this.markDamaged(`${check.kind} check: ${check.problems.slice(0, 3).join('; ')}`);
  }

  info(): StoreHealthInfo {
    return {
      status: this.damage ? 'damaged' : 'ok',
      reason: this.damage?.reason ?? null,
      detectedAt: this.damage?.detectedAt ?? null,
      lastCheck: this.check,
    };
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The database header names its page size and page count; a file that disagrees with it is cut short or padded. */
export function readHeaderProblems(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return ['the file does not start with an SQLite header'];
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return [`the header names an impossible page size (${raw})`];
    const size = fs.fstatSync(fd).size;
    if (size % pageSize !== 0) return [`the file size (${size}) is not a whole number of ${pageSize}-byte pages`];
    return [];
  } finally {
    fs.closeSync(fd);
  }
}
