import type { Database } from 'better-sqlite3';
import { searchSources, type PreparedRow } from './prepared-row';

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

export interface BulkLoad {
  /** Index a notification this import inserted, as the insert triggers would have. */
  added(id: number, prepared: PreparedRow): void;
  /** Bring back what was suspended: the collected codes written in key order, triggers and indexes recreated. */
  finish(): void;
}

/** The insert triggers bulk mode does the work of (migrations 0070 and 0090). */
const INSERT_TRIGGERS: ReadonlySet<string> = new Set(['notifications_fts_insert', 'notification_codes_insert']);

/**
 * Large imports insert tens of thousands of rows; keeping a dozen secondary indexes and the
 * search triggers current row by row costs far more than parsing the file. Inside the import's
 * own transaction, bulk mode drops the secondary indexes (the UNIQUE symbol index stays, the
 * writer needs it) and the two insert triggers it knows; each inserted row is then put into
 * the full-text index directly, with its text prepared (prepared-row.ts) by the same function
 * the trigger calls, and its codes are collected and written in key order at the end. Update triggers stay, so a
 * row the file changes is re-indexed as usual. The indexes are recreated exactly as stored in
 * the schema, and the tables end as the row-by-row path leaves them (tested). DDL is
 * transactional in SQLite: a rollback brings every dropped object back.
 */
export function suspendNotificationIndexes(db: Database): BulkLoad {
  const objects = (
    db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master
         WHERE tbl_name = 'notifications' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
      )
      .all() as SchemaObject[]
  ).filter((o) => o.type === 'index' || INSERT_TRIGGERS.has(o.name));
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  for (const o of objects) db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} ${quote(o.name)}`);

  const fts = db.prepare(
    `INSERT INTO notifications_fts (rowid, symbol, title, description, products, keywords, zh) VALUES (?, ?, ?, ?, ?, ?, '')`,
  );
  const codes: CodeRow[] = [];

  return {
    added(id, prepared) {
      const sources = searchSources(prepared.values);
      const text = prepared.search;
      fts.run(id, prepared.symbol, text[0] ?? sources[0], text[1] ?? sources[1], text[2] ?? sources[2], text[3] ?? sources[3]);
      const c = prepared.codes;
      for (let i = 0; i + 1 < c.length; i += 2) codes.push([c[i]!, c[i + 1]!, id]);
    },
    finish() {
      writeCodes(db, codes);
      codes.length = 0;
      for (const o of objects) db.exec(o.sql);
    },
  };
}

type CodeRow = [kind: string, code: string, id: number];

/** Rows per INSERT statement: one call into SQLite per 200 rows instead of one per row. */
const CODE_BATCH = 200;

/** Written in key order, each row lands next to the previous one instead of anywhere in the tree. */
function writeCodes(db: Database, rows: CodeRow[]): void {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => byText(a[0], b[0]) || byText(a[1], b[1]) || a[2] - b[2]);
  const sql = (n: number): string =>
    `INSERT OR IGNORE INTO notification_codes (kind, code, notification_id) VALUES ${Array.from({ length: n }, () => '(?, ?, ?)').join(', ')}`;
  const batch = db.prepare(sql(CODE_BATCH));
  const params: Array<string | number> = [];
  let at = 0;
  for (; at + CODE_BATCH <= rows.length; at += CODE_BATCH) {
    params.length = 0;
    for (let i = at; i < at + CODE_BATCH; i++) params.push(...rows[i]!);
    batch.run(params);
  }
  if (at < rows.length) {
    const rest = rows.slice(at);
    db.prepare(sql(rest.length)).run(rest.flat());
  }
}

/** Rows a file will likely bring, from its size: about 330 bytes a row in XLSX, 1.4 KB in text. */
export function estimateRows(fileSize: number, fileName: string): number {
  return Math.round(fileSize / (/\.xlsx$/i.test(fileName) ? 330 : 1400));
}

/** Worth it when the file brings at least twice the rows the table holds (a first bulk load). */
export function shouldUseBulkMode(estimatedRows: number, existingRows: number): boolean {
  return estimatedRows >= 5_000 && estimatedRows >= 2 * existingRows;
}
