import type { Database } from 'better-sqlite3';
import { searchTexts, type PreparedRow } from './prepared-row';

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
  const codes = new CodeRows();

  return {
    added(id, prepared) {
      fts.run(id, prepared.symbol, ...searchTexts(prepared.values));
      const c = prepared.codes;
      for (let i = 0; i + 1 < c.length; i += 2) codes.add(c[i]!, c[i + 1]!, id);
    },
    finish() {
      codes.write(db);
      for (const o of objects) db.exec(o.sql);
    },
  };
}

/** Rows per INSERT statement: one call into SQLite per 200 rows instead of one per row. */
const CODE_BATCH = 200;

/**
 * The code-table rows of a bulk import, about seven per notification (over a million for the
 * bulk file): each distinct kind and code is kept once and the rows as pairs of numbers, some
 * 9 MB instead of a hundred as arrays of strings.
 */
class CodeRows {
  private readonly keys = new Map<string, number>();
  private readonly names: Array<[kind: string, code: string]> = [];
  private pairs = new Uint32Array(2 * 65_536);
  private count = 0;

  add(kind: string, code: string, notificationId: number): void {
    const key = `${kind}\u0000${code}`;
    let k = this.keys.get(key);
    if (k === undefined) {
      k = this.names.length;
      this.keys.set(key, k);
      this.names.push([kind, code]);
    }
    if (2 * (this.count + 1) > this.pairs.length) {
      const grown = new Uint32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[2 * this.count] = k;
    this.pairs[2 * this.count + 1] = notificationId;
    this.count++;
  }

  /** Written in key order, each row lands next to the previous one instead of anywhere in the tree. */
  write(db: Database): void {
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    // Rank of each distinct key in key order, then the rows sorted by (rank, id).
    const order = this.names.map((_, i) => i).sort((a, b) => {
      const [ka, ca] = this.names[a]!;
      const [kb, cb] = this.names[b]!;
      return byText(ka, kb) || byText(ca, cb);
    });
    const rank = new Uint32Array(this.names.length);
    order.forEach((k, r) => (rank[k] = r));
    // One 64-bit number per row, rank above id, so that a numeric sort is the key order.
    const rows = new BigUint64Array(this.count);
    for (let i = 0; i < this.count; i++) rows[i] = (BigInt(rank[this.pairs[2 * i]!]!) << 32n) | BigInt(this.pairs[2 * i + 1]!);
    rows.sort();
    const sql = (n: number): string =>
      `INSERT OR IGNORE INTO notification_codes (kind, code, notification_id) VALUES ${Array.from({ length: n }, () => '(?, ?, ?)').join(', ')}`;
    const batch = db.prepare(sql(CODE_BATCH));
    const params: Array<string | number> = [];
    const flush = (statement: typeof batch): void => {
      statement.run(params);
      params.length = 0;
    };
    for (let i = 0; i < rows.length; i++) {
      const value = rows[i]!;
      const [kind, code] = this.names[order[Number(value >> 32n)]!]!;
      params.push(kind, code, Number(value & 0xffffffffn));
      if (params.length === 3 * CODE_BATCH) flush(batch);
    }
    if (params.length > 0) flush(db.prepare(sql(params.length / 3)));
    this.pairs = new Uint32Array(0);
    this.count = 0;
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
