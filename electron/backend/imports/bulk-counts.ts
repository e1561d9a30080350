import type { Database, Statement } from 'better-sqlite3';
import { fieldValue, listCodes, listText } from './prepared-row';

/**
 * The dashboard's counts (migration 0230's notification_month_counts,
 * notification_chapter_counts and notification_member_chapter_counts) of the rows a bulk import inserts, kept in memory while its insert
 * trigger is dropped and added to the tables in one pass: a few thousand keys for the bulk file
 * instead of two upserts and a JSON walk per row.
 */
export class CountRows {
  /** Count by month, member and area, joined by U+0001. */
  private readonly months = new Map<string, number>();
  /** Count by month, member, area and chapter, joined by U+0001. */
  private readonly chapters = new Map<string, number>();
  /** The distinct HS chapters of each HS list text (lists repeat a lot). */
  private readonly chaptersOfList = new Map<string, string[]>();

  /** Count a row in, as the insert trigger would. */
  addRow(values: ReadonlyArray<string | null>): void {
    const date = fieldValue(values, 'distribution_date');
    if (date === null) return;
    const key = `${date.slice(0, 7)}\u0001${fieldValue(values, 'member_code') ?? ''}\u0001${fieldValue(values, 'area') ?? ''}`;
    this.months.set(key, (this.months.get(key) ?? 0) + 1);
    for (const chapter of this.chaptersOf(listText(values, 'hs_codes'))) {
      const k = `${key}\u0001${chapter}`;
      this.chapters.set(k, (this.chapters.get(k) ?? 0) + 1);
    }
  }

  /** As the trigger reads them: codes normalised as notification_codes keeps them, two characters or more. */
  private chaptersOf(text: string): string[] {
    let chapters = this.chaptersOfList.get(text);
    if (chapters === undefined) {
      const found = new Set<string>();
      for (const code of listCodes('hs', text)) {
        const chars = [...code];
        if (chars.length >= 2) found.add(chars[0]! + chars[1]!);
      }
      chapters = [...found];
      this.chaptersOfList.set(text, chapters);
    }
    return chapters;
  }

  /**
   * Add the counts collected so far to the tables and start again from zero: in key order and
   * 100 rows a statement (the bench file makes some 160,000 rows over the three tables).
   */
  write(db: Database): void {
    const all = new Map<string, number>();
    const byMember = new Map<string, number>();
    for (const [key, n] of this.chapters) {
      const [month, member, area, chapter] = key.split('\u0001') as [string, string, string, string];
      const k = `${month}\u0001${area}\u0001${chapter}`;
      all.set(k, (all.get(k) ?? 0) + n);
      byMember.set(`${member}\u0001${month}\u0001${area}\u0001${chapter}`, n);
    }
    const months = new Map<string, number>();
    for (const [key, n] of this.months) {
      const [month, member, area] = key.split('\u0001') as [string, string, string];
      months.set(`${month}\u0001${area}\u0001${member}`, n);
    }
    upsert(db, 'notification_month_counts (month, area, member_code, n)', months);
    upsert(db, 'notification_chapter_counts (month, area, chapter, n)', all);
    upsert(db, 'notification_member_chapter_counts (member_code, month, area, chapter, n)', byMember);
    this.months.clear();
    this.chapters.clear();
  }
}

const UPSERT_BATCH = 100;

/** Add `counts` (keys: the key columns joined by U+0001, in `target`'s order) to a counts table. */
function upsert(db: Database, target: string, counts: Map<string, number>): void {
  const columns = target.slice(target.indexOf('(') + 1, target.indexOf(')')).split(',').length;
  const sql = (rows: number): string =>
    `INSERT INTO ${target} VALUES ${Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ')}
     ON CONFLICT DO UPDATE SET n = n + excluded.n`;
  const keys = [...counts.keys()].sort();
  let batch: Statement | undefined;
  for (let i = 0; i < keys.length; i += UPSERT_BATCH) {
    const chunk = keys.slice(i, i + UPSERT_BATCH);
    const params = chunk.flatMap((k) => [...k.split('\u0001'), counts.get(k)!]);
    const statement = chunk.length === UPSERT_BATCH ? (batch ??= db.prepare(sql(UPSERT_BATCH))) : db.prepare(sql(chunk.length));
    statement.run(params);
  }
}
