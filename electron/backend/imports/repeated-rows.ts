import type { Database, Statement } from 'better-sqlite3';
import type { RowNotice } from '../../../shared/contract/imports';
import { hashValues, IMPORTED_FIELDS, type ImportedRow, type PreparedRow } from './prepared-row';

/** What the writer counts; the rare path below moves rows between its counts. */
export interface RowCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface RepeatContext {
  importId: number;
  now: string;
  actor: string;
  /** Ids above this were inserted by this import. */
  maxIdBefore: number;
  counts: RowCounts;
  /** Notification ids this import changed: families and comment follow-ups look at them. */
  updated: number[];
  /** Lists a notice and counts it in `noticed`. */
  notice(n: RowNotice): void;
  /** Bulk mode: write the codes collected so far, so an update's trigger replaces them. */
  beforeUpdate(): void;
  /**
   * A notification this import inserted now holds a later row's values: its family follows
   * them (a different title or day can make it another measure's).
   */
  refamily(id: number, p: PreparedRow): void;
}

/**
 * A symbol met again in one file: the later row wins, since it is the newer information
 * (typically an extended final date for comments). A row the same as the one before it is
 * skipped with a notice. A different row updates the notification, and the values it replaces
 * go to notification_changes like any re-import's. Re-importing the same file must change
 * nothing, so when a later row brings a notification back to what it was before this import,
 * the changes this import recorded for it are taken back. Rare, so it queries as it goes.
 */
export class RepeatedRows {
  private readonly find: Statement;
  private readonly stored: Statement;
  private readonly update: Statement;
  private readonly change: Statement;
  private readonly changesOfImport: Statement;
  private readonly dropChanges: Statement;

  constructor(db: Database, private readonly ctx: RepeatContext) {
    this.find = db.prepare('SELECT id, content_hash FROM notifications WHERE symbol = ?');
    this.stored = db.prepare(`SELECT ${IMPORTED_FIELDS.join(', ')} FROM notifications WHERE id = ?`);
    this.update = db.prepare(`
      UPDATE notifications SET ${IMPORTED_FIELDS.map((f) => `${f} = ?`).join(', ')},
        content_hash = ?, updated_at = ?, last_import_id = ?
      WHERE id = ?`);
    this.change = db.prepare(`
      INSERT INTO notification_changes (notification_id, import_id, at, actor, field, old_value, new_value)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.changesOfImport = db.prepare(
      'SELECT field, old_value FROM notification_changes WHERE notification_id = ? AND import_id = ? ORDER BY id',
    );
    this.dropChanges = db.prepare('DELETE FROM notification_changes WHERE notification_id = ? AND import_id = ?');
  }

  /** `p` repeats the symbol last set by row `earlierRow` of this file; returns the row that now sets it. */
  handle(p: PreparedRow, earlierRow: number): number {
    const { ctx } = this;
    const existing = this.find.get(p.symbol) as { id: number; content_hash: string | null };
    const hash = hashValues(p.values);
    if (existing.content_hash === hash) {
      ctx.notice({
        row: p.row,
        field: 'Document symbol',
        code: 'DUPLICATE_ROW',
        params: { row: earlierRow, symbol: p.symbol },
        reason: `${p.symbol}: the same as row ${earlierRow}, skipped`,
        value: p.symbol,
      });
      return earlierRow;
    }
    const current = this.stored.get(existing.id) as ImportedRow;
    const before = existing.id > ctx.maxIdBefore ? null : this.valuesBeforeImport(existing.id, current);
    ctx.beforeUpdate();
    if (before && hashValues(IMPORTED_FIELDS.map((f) => before[f])) === hash) {
      // Back to what the store held: this import changes nothing for it after all.
      this.dropChanges.run(existing.id, ctx.importId);
      this.update.run(...p.values, hash, ctx.now, ctx.importId, existing.id);
      const at = ctx.updated.indexOf(existing.id);
      if (at >= 0) {
        ctx.updated.splice(at, 1);
        ctx.counts.updated -= 1;
        ctx.counts.unchanged += 1;
      }
      ctx.counts.unchanged += 1;
    } else {
      IMPORTED_FIELDS.forEach((f, i) => {
        const value = p.values[i] ?? null;
        if ((current[f] ?? null) !== value) this.change.run(existing.id, ctx.importId, ctx.now, ctx.actor, f, current[f], value);
      });
      this.update.run(...p.values, hash, ctx.now, ctx.importId, existing.id);
      if (existing.id > ctx.maxIdBefore) ctx.refamily(existing.id, p);
      ctx.counts.updated += 1;
      if (existing.id <= ctx.maxIdBefore && !ctx.updated.includes(existing.id)) ctx.updated.push(existing.id);
    }
    ctx.notice({
      row: p.row,
      field: 'Document symbol',
      code: 'REPLACES_ROW',
      params: { row: earlierRow, symbol: p.symbol },
      reason: `${p.symbol} appears again (last at row ${earlierRow}); this later row replaces it, the earlier values are kept in the change history`,
      value: p.symbol,
    });
    return p.row;
  }

  /** The stored values with this import's changes taken back: the first old value of each field. */
  private valuesBeforeImport(id: number, current: ImportedRow): ImportedRow {
    const before: ImportedRow = { ...current };
    const seen = new Set<string>();
    for (const c of this.changesOfImport.all(id, this.ctx.importId) as Array<{ field: keyof ImportedRow; old_value: string | null }>) {
      if (seen.has(c.field)) continue;
      seen.add(c.field);
      before[c.field] = c.old_value;
    }
    return before;
  }
}
