import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { StoreCheck } from '../../../shared/contract/store-health';
import { nowIso, type Clock } from '../../../shared/domain/clock';
import { classifyFault } from './classify-error';
import { readHeaderProblems } from './store-health';

/** The full check runs when the last one is older than this. */
export const FULL_CHECK_INTERVAL_DAYS = 7;
/** Kept in the settings table beside the typed settings, which ignore keys they do not know. */
export const LAST_FULL_CHECK_KEY = 'lastFullIntegrityCheck';
/**
 * Up to this size the start-up check is SQLite's quick_check, which reads every page: on this
 * 2-core machine, busy, it took 17.5 s for a 670 MB store of 105,000 rows with their full-text
 * index (about 26 ms per MB), so 32 MB stays under a second. Above it the start reads the
 * header, the schema and a sample of every b-tree (sampleBtrees), a few milliseconds.
 */
export const QUICK_CHECK_FULL_SCAN_BYTES = 32 * 1024 * 1024;
const MAX_PROBLEMS = 20;

function pragmaLines(db: Database, pragma: string): string[] {
  const rows = db.pragma(pragma) as Array<Record<string, unknown>>;
  const lines = rows.map((r) => String(Object.values(r)[0]));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines.slice(0, MAX_PROBLEMS);
}

/** Rows read at evenly spread rowids of every table, besides its first and last. */
const SAMPLES_PER_TABLE = 16;

/**
 * Read the first and last entry of every table and index, and rows spread evenly over each
 * table's rowids: each read walks from the root to a leaf, so the interior pages of every
 * b-tree and a spread of its leaves must parse. On a 670 MB store this takes a few
 * milliseconds; it finds damage in the pages it walks, the weekly full check finds the rest.
 */
function sampleBtrees(db: Database): string[] {
  const objects = db
    .prepare("SELECT type, name, tbl_name AS tbl FROM sqlite_schema WHERE type IN ('table', 'index') AND rootpage > 0 AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ type: string; name: string; tbl: string }>;
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  for (const o of objects) {
    const source = o.type === 'table' ? `${quote(o.name)}` : `${quote(o.tbl)} INDEXED BY ${quote(o.name)}`;
    // WITHOUT ROWID tables and indexes are walked in key order; ordinary tables by rowid.
    for (const dir of ['ASC', 'DESC']) {
      try {
        db.prepare(`SELECT * FROM ${source} ${o.type === 'table' ? `ORDER BY rowid ${dir}` : ''} LIMIT 1`).all();
      } catch (e) {
        const fault = classifyFault(e);
        if (fault?.code === 'DB_CORRUPT') return [`${o.name}: ${(e as Error).message}`];
        // "no such column: rowid" (WITHOUT ROWID) and the like are not damage.
      }
    }
    if (o.type !== 'table') continue;
    try {
      // Two queries: SQLite answers min() or max() from the b-tree's edge, but both in one
      // statement by scanning the whole table.
      const lo = db.prepare(`SELECT rowid FROM ${source} ORDER BY rowid LIMIT 1`).pluck().get() as number | undefined;
      const hi = db.prepare(`SELECT rowid FROM ${source} ORDER BY rowid DESC LIMIT 1`).pluck().get() as number | undefined;
      if (lo === undefined || hi === undefined) continue;
      const at = db.prepare(`SELECT * FROM ${source} WHERE rowid >= ? ORDER BY rowid LIMIT 1`);
      for (let k = 1; k < SAMPLES_PER_TABLE; k++) at.all(Math.floor(lo + ((hi - lo) * k) / SAMPLES_PER_TABLE));
    } catch (e) {
      if (classifyFault(e)?.code === 'DB_CORRUPT') return [`${o.name}: ${(e as Error).message}`];
    }
  }
  return [];
}

function run(kind: StoreCheck['kind'], clock: Clock, body: () => string[]): StoreCheck {
  const started = performance.now();
  let problems: string[];
  try {
    problems = body();
  } catch (e) {
    const fault = classifyFault(e);
    if (fault && fault.code !== 'DB_CORRUPT') throw fault;
    problems = [(e as Error).message];
  }
  return { kind, ok: problems.length === 0, problems, at: nowIso(clock), ms: Math.round(performance.now() - started) };
}

/** The check at every start: bounded time whatever the size of the store. */
export function quickCheck(db: Database, file: string, clock: Clock, fullScanBytes = QUICK_CHECK_FULL_SCAN_BYTES): StoreCheck {
  return run('quick', clock, () => {
    const header = readHeaderProblems(file);
    if (header.length > 0) return header;
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (fs.statSync(file).size <= fullScanBytes) return pragmaLines(db, `quick_check(${MAX_PROBLEMS})`);
    return sampleBtrees(db);
  });
}

/** Every page, every index entry against its row: weekly and when the analyst asks. */
export function fullCheck(db: Database, clock: Clock): StoreCheck {
  return run('full', clock, () => pragmaLines(db, `integrity_check(${MAX_PROBLEMS})`));
}

export function lastFullCheckAt(db: Database): string | null {
  const row = db.prepare('SELECT value FROM workstation WHERE key = ?').get(LAST_FULL_CHECK_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const v = JSON.parse(row.value) as unknown;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Remember a passed full check (a failed one leaves the store read-only, so it is not written). */
export function rememberFullCheck(db: Database, check: StoreCheck): void {
  if (!check.ok) return;
  db.prepare('INSERT INTO workstation (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    LAST_FULL_CHECK_KEY,
    JSON.stringify(check.at),
  );
}

export function fullCheckDue(db: Database, clock: Clock): boolean {
  const last = lastFullCheckAt(db);
  if (!last) return true;
  const age = clock.now().getTime() - new Date(last).getTime();
  return !(age >= 0 && age < FULL_CHECK_INTERVAL_DAYS * 24 * 3600 * 1000);
}
