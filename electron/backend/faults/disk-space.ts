import fs from 'node:fs';
import path from 'node:path';
import { notEnoughSpace } from './classify-error';

/**
 * Free space an import needs, as a multiple of the file's size: the write-ahead log holds every
 * page the import writes until it is copied into the store. Measured: the 44 MB bulk XLSX
 * leaves a log of about 300 MB (6.8 times; README), a 10,000-row synthetic XLSX 11.9 times
 * (its text repeats, so it compresses better than real exports), a 10.8 MB CSV 2.6 times.
 * Text formats compress nothing, so their factor is near the store's own growth.
 */
const SPACE_FACTOR: Record<string, number> = { '.xlsx': 8, '.csv': 3, '.txt': 3, '.json': 3 };
const DEFAULT_FACTOR = 8;
/** Room kept for everything else the app writes (settings, audit, the log's own headers). */
const HEADROOM_BYTES = 4 * 1024 * 1024;

export function importSpaceNeeded(fileName: string, size: number): number {
  return Math.ceil(size * (SPACE_FACTOR[path.extname(fileName).toLowerCase()] ?? DEFAULT_FACTOR)) + HEADROOM_BYTES;
}

export function freeBytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

/** Refuse work up front, with DISK_FULL naming what it needs, when the disk cannot hold it. */
export function ensureFreeSpace(dir: string, needed: number, what: string): void {
  let available: number;
  try {
    available = freeBytes(dir);
  } catch {
    // statfs fails on some network shares; the write itself then says DISK_FULL if it must.
    return;
  }
  if (available < needed) throw notEnoughSpace(dir, needed, available, what);
}
