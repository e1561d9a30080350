import type { Database } from 'better-sqlite3';
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

  /** Add the counts collected so far to the tables and start again from zero. */
  write(db: Database): void {
    if (this.months.size > 0) {
      const month = db.prepare(
        `INSERT INTO notification_month_counts (month, member_code, area, n) VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET n = n + excluded.n`,
      );
      for (const [key, n] of this.months) month.run(...key.split('\u0001'), n);
      this.months.clear();
    }
    if (this.chapters.size > 0) {
      const chapter = db.prepare(
        `INSERT INTO notification_chapter_counts (month, area, chapter, n) VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET n = n + excluded.n`,
      );
      const byMember = db.prepare(
        `INSERT INTO notification_member_chapter_counts (month, member_code, area, chapter, n) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET n = n + excluded.n`,
      );
      const all = new Map<string, number>();
      for (const [key, n] of this.chapters) {
        const [month, member, area, code] = key.split('\u0001') as [string, string, string, string];
        byMember.run(month, member, area, code, n);
        const k = `${month}\u0001${area}\u0001${code}`;
        all.set(k, (all.get(k) ?? 0) + n);
      }
      for (const [key, n] of all) chapter.run(...key.split('\u0001'), n);
      this.chapters.clear();
    }
  }
}
