import type { Database, Statement } from 'better-sqlite3';
import { CountRows } from './bulk-counts';
import { CODE_LISTS, listCodes, listText, searchTexts, type CodeKind, type PreparedRow } from './prepared-row';

interface SchemaObject {
  name: string;
  sql: string;
}

export interface BulkLoad {
  /** Index a notification this import inserted, as the insert triggers would have. */
  added(id: number, prepared: PreparedRow): void;
  /**
   * The reader has no rows for the writer right now: write the codes collected so far, when
   * there are enough of them to be worth a pass over the code table.
   */
  idle(): void;
  /**
   * Write the codes collected so far, before a row this import inserted is updated (a symbol met
   * again in the file): the update trigger then replaces that row's codes instead of leaving
   * them to be written stale at the end. Rare.
   */
  flush(): void;
  /** Write the remaining codes, build the indexes and bring the triggers back. */
  finish(): void;
}

export interface BulkOptions {
  /** Code rows worth writing while the reader has no rows (IDLE_CODE_ROWS; tests set fewer). */
  idleCodeRows?: number;
}

/** FTS5's automerge when the table has none set. */
const FTS5_DEFAULT_AUTOMERGE = 4;

/** The insert triggers bulk mode does the work of (migrations 0070, 0090 and 0230). */
const INSERT_TRIGGERS: ReadonlySet<string> = new Set(['notifications_fts_insert', 'notification_codes_insert', 'notification_counts_insert']);

/**
 * Large imports insert tens of thousands of rows. Inside the import's own transaction, bulk
 * mode drops the three insert triggers: each inserted row is then put into the full-text index
 * directly, with its text prepared (prepared-row.ts) by the same function the trigger calls,
 * and its codes (some seven rows a notification) are collected and written in key order at the
 * end, which costs a fraction of inserting them all over the code table; its dashboard counts are
 * added up in memory and written with the codes (bulk-counts.ts). Update triggers stay,
 * so a row the file changes is re-indexed as usual, and the tables end as the row-by-row path
 * leaves them (tested). DDL is transactional in SQLite: a rollback brings the triggers back.
 *
 * The notification indexes other than the symbol's (a constraint, and the writer looks symbols
 * up) are dropped too and built again after the last row. Kept current row by row, they cost
 * the writer 2.5-3.3 s of the bulk file, timed alone; building them takes 0.65-0.8 s. Since the
 * workbook reader got faster, the writer sets the pace of a large import as often as the parser.
 */
export function startBulkLoad(db: Database, options: BulkOptions = {}): BulkLoad {
  const objects = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'notifications' AND type IN ('trigger', 'index') AND sql IS NOT NULL`)
    .all() as Array<SchemaObject & { type: 'trigger' | 'index' }>;
  const triggers = objects.filter((o) => o.type === 'trigger' && INSERT_TRIGGERS.has(o.name));
  const indexes = objects.filter((o) => o.type === 'index');
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  for (const o of triggers) db.exec(`DROP TRIGGER ${quote(o.name)}`);
  for (const o of indexes) db.exec(`DROP INDEX ${quote(o.name)}`);

  const fts = db.prepare(
    `INSERT INTO notifications_fts (rowid, symbol, title, description, products, keywords, zh) VALUES (?, ?, ?, ?, ?, ?, '')`,
  );
  const setFts = (option: string, value: number): void => {
    db.exec(`INSERT INTO notifications_fts (notifications_fts, rank) VALUES ('${option}', ${Math.trunc(value)})`);
  };
  // FTS5 merges its segments as they pile up (automerge, 4 by default). A bulk load writes a
  // segment for each 16 MB of collected entries (hashsize), and merging them as it went cost
  // about 0.4 s of the 2.2 s the bulk file's entries took to index, timed alone; searches
  // over the unmerged index were as fast. Later writes merge bit by bit once automerge is back.
  const automerge = db.prepare(`SELECT v FROM notifications_fts_config WHERE k = 'automerge'`).pluck().get() as number | undefined;
  setFts('automerge', 0);
  const codes = new CodeRows();
  const counts = new CountRows();

  return {
    added(id, prepared) {
      fts.run(id, prepared.symbol, ...searchTexts(prepared.values));
      codes.addRow(prepared.values, id);
      counts.addRow(prepared.values);
    },
    idle() {
      if (codes.pending >= (options.idleCodeRows ?? IDLE_CODE_ROWS)) codes.write(db);
    },
    flush() {
      codes.write(db);
      counts.write(db);
    },
    finish() {
      codes.write(db);
      counts.write(db);
      codes.release();
      for (const o of indexes) db.exec(o.sql);
      for (const o of triggers) db.exec(o.sql);
      setFts('automerge', automerge ?? FTS5_DEFAULT_AUTOMERGE);
    },
  };
}

/**
 * Code rows worth writing while the writer waits for the parser (about 7,000 notifications'
 * worth). Written at the end, the bulk file's 790,000 took 0.46-0.49 s, after the last row and
 * with the parser's core idle.
 */
const IDLE_CODE_ROWS = 50_000;

/** Rows per INSERT statement: one call into SQLite per 200 rows instead of one per row. */
const CODE_BATCH = 200;
/** Notifications a code needs to be written in a statement of its own. */
const LONG_RUN = 32;

/**
 * The code-table rows of a bulk import, about seven per notification (over a million for the
 * bulk file): each distinct kind and code is kept once and the rows as pairs of numbers, some
 * 9 MB instead of a hundred as arrays of strings.
 */
class CodeRows {
  /** Code number by kind, then code. */
  private readonly keys = new Map<string, Map<string, number>>();
  private readonly names: Array<[kind: string, code: string]> = [];
  /**
   * Code numbers by kind, then list column text. Lists repeat: the bulk file's 116,000 rows have
   * 5 distinct lists of objectives, 36 of keywords, 20 of ICS codes and 31,000 of HS codes.
   * Parsing and normalising each row's lists took the writer about 0.5 s; looking them up here
   * instead takes a fraction of that.
   */
  private readonly lists = new Map<CodeKind, Map<string, number[]>>();
  private pairs = new Uint32Array(2 * 65_536);
  private count = 0;
  private batch: Statement | undefined;
  private run: Statement | undefined;

  addRow(values: ReadonlyArray<string | null>, notificationId: number): void {
    for (const [kind, field] of CODE_LISTS) {
      let ofKind = this.lists.get(kind);
      if (!ofKind) this.lists.set(kind, (ofKind = new Map()));
      const text = listText(values, field);
      let numbers = ofKind.get(text);
      if (numbers === undefined) {
        numbers = listCodes(kind, text).map((code) => this.number(kind, code));
        ofKind.set(text, numbers);
      }
      for (const k of numbers) this.add(k, notificationId);
    }
  }

  private number(kind: string, code: string): number {
    let ofKind = this.keys.get(kind);
    if (!ofKind) this.keys.set(kind, (ofKind = new Map()));
    let k = ofKind.get(code);
    if (k === undefined) {
      k = this.names.length;
      ofKind.set(code, k);
      this.names.push([kind, code]);
    }
    return k;
  }

  private add(k: number, notificationId: number): void {
    if (2 * (this.count + 1) > this.pairs.length) {
      const grown = new Uint32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[2 * this.count] = k;
    this.pairs[2 * this.count + 1] = notificationId;
    this.count++;
  }

  /** Rows collected since the last write. */
  get pending(): number {
    return this.count;
  }

  /**
   * Write the rows collected so far in key order: each lands next to the previous one instead
   * of anywhere in the tree. Rows arrive in id order, so each key's new rows go after its rows
   * of earlier writes.
   */
  write(db: Database): void {
    if (this.count === 0) return;
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const perKey = new Uint32Array(this.names.length);
    for (let i = 0; i < this.count; i++) perKey[this.pairs[2 * i]!]!++;
    const present: number[] = [];
    for (let k = 0; k < perKey.length; k++) if (perKey[k]! > 0) present.push(k);
    present.sort((a, b) => {
      const [ka, ca] = this.names[a]!;
      const [kb, cb] = this.names[b]!;
      return byText(ka, kb) || byText(ca, cb);
    });
    // A stable counting sort by key: each key's ids stay in the order they came, which is id order.
    const start = new Uint32Array(this.names.length);
    let at = 0;
    for (const k of present) {
      start[k] = at;
      at += perKey[k]!;
    }
    const ids = new Uint32Array(this.count);
    const next = start.slice();
    for (let i = 0; i < this.count; i++) ids[next[this.pairs[2 * i]!]!++] = this.pairs[2 * i + 1]!;
    const sql = (n: number): string =>
      `INSERT OR IGNORE INTO notification_codes (kind, code, notification_id) VALUES ${Array.from({ length: n }, () => '(?, ?, ?)').join(', ')}`;
    const batch = (this.batch ??= db.prepare(sql(CODE_BATCH)));
    // A code many notifications share goes in as one statement with its ids as a JSON array:
    // in the benchmark's file, ICS codes, keywords and objectives make some 560,000 rows under
    // 32 codes. Timed alone, the code table took 0.39-0.45 s this way against 0.52-0.59 s.
    const run = (this.run ??= db.prepare(
      'INSERT OR IGNORE INTO notification_codes (kind, code, notification_id) SELECT ?, ?, value FROM json_each(?)',
    ));
    const params: Array<string | number> = [];
    for (const k of present) {
      const [kind, code] = this.names[k]!;
      const from = start[k]!;
      const to = from + perKey[k]!;
      if (to - from >= LONG_RUN) {
        run.run(kind, code, `[${ids.subarray(from, to).join(',')}]`);
        continue;
      }
      for (let i = from; i < to; i++) {
        params.push(kind, code, ids[i]!);
        if (params.length === 3 * CODE_BATCH) {
          batch.run(params);
          params.length = 0;
        }
      }
    }
    if (params.length > 0) db.prepare(sql(params.length / 3)).run(params);
    this.count = 0;
  }

  /** Let go of the collected rows and lists once the last rows are written. */
  release(): void {
    this.pairs = new Uint32Array(0);
    this.lists.clear();
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
