import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, CommentPoint, LanguageMark } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { updateSyncMarks, type SyncMark } from '../../../shared/domain/language-sync';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError } from '../errors';
import { requireComment, requireEditable } from './comment-store';

interface MarkRow {
  uid: string;
  point_key: string;
  part: LanguageMark['part'];
  stale: LanguageMark['stale'];
  marked_at: string;
  marked_by: string;
  marked_by_name: string;
}

/** The live marks of a comment (a settled mark stays as a tombstone). */
const MARKS_SQL = `SELECT m.uid, m.point_key, m.part, m.stale, m.marked_at, m.marked_by, a.name AS marked_by_name
  FROM comment_language_marks m JOIN analysts a ON a.uid = m.marked_by
  WHERE m.comment_id = ? AND m.deleted_at IS NULL`;

/** The marks of a comment's current points, in point order. */
export function readLanguageMarks(db: Database, commentId: number, points: readonly Pick<CommentPoint, 'key'>[]): LanguageMark[] {
  const rows = db.prepare(MARKS_SQL).all(commentId) as MarkRow[];
  const order = new Map(points.map((p, i) => [p.key, i]));
  const parts = ['clause', 'concern', 'proposal', 'rationale'];
  return rows
    .filter((r) => order.has(r.point_key))
    .sort((a, b) => (order.get(a.point_key) ?? 0) - (order.get(b.point_key) ?? 0) || parts.indexOf(a.part) - parts.indexOf(b.part))
    .map((r) => ({ pointKey: r.point_key, part: r.part, stale: r.stale, markedAt: r.marked_at, markedBy: r.marked_by_name, markedByUid: r.marked_by }));
}

/**
 * After a save: mark the other side of each part whose one side was rewritten, and settle the
 * marks whose side was updated (a settled mark becomes a tombstone; marking the same part again
 * brings the record back). Called inside the save's transaction.
 */
export function updateLanguageMarks(db: Database, commentId: number, before: readonly CommentPoint[], after: readonly CommentPoint[], actor: Actor, clock: Clock): void {
  const rows = db.prepare(MARKS_SQL).all(commentId) as MarkRow[];
  const marks: SyncMark[] = rows.map((r) => ({ pointKey: r.point_key, part: r.part, stale: r.stale }));
  const next = new Map(updateSyncMarks(before, after, marks).map((m) => [`${m.pointKey}|${m.part}`, m]));
  const settle = db.prepare(
    'UPDATE comment_language_marks SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE uid = @uid',
  );
  for (const r of rows) {
    // A mark that is still there keeps when and by whom it was set.
    const kept = next.get(`${r.point_key}|${r.part}`);
    if (kept && kept.stale === r.stale) next.delete(`${r.point_key}|${r.part}`);
    else settle.run({ uid: r.uid, ...tombstoneStamp(actor, clock) });
  }
  const mark = db.prepare(
    `INSERT INTO comment_language_marks (comment_id, point_key, part, stale, marked_at, marked_by, uid, created_at, created_by, updated_at, updated_by)
     VALUES (@comment, @pointKey, @part, @stale, @created_at, @created_by, @uid, @created_at, @created_by, @updated_at, @updated_by)
     ON CONFLICT (comment_id, point_key, part) DO UPDATE SET stale = excluded.stale, marked_at = excluded.marked_at,
       marked_by = excluded.marked_by, updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted_at = NULL, deleted_by = NULL`,
  );
  for (const m of next.values()) mark.run({ comment: commentId, pointKey: m.pointKey, part: m.part, stale: m.stale, ...newRecordStamp(actor, clock) });
}

/** The author confirms the marked side still matches: the mark goes, and the audit log keeps who said so. */
export function confirmLanguage(db: Database, actor: Actor, input: ChannelParsedInput<'commentsConfirmLanguage'>, clock: Clock): void {
  db.transaction(() => {
    const row = requireComment(db, input.id);
    requireEditable(row, 'confirming a translation');
    const mark = db.prepare(`${MARKS_SQL} AND m.point_key = ? AND m.part = ?`).get(input.id, input.pointKey, input.part) as MarkRow | undefined;
    if (!mark) {
      throw new AppError('NOT_FOUND', `comment ${input.id}: the ${input.part} of point ${input.pointKey} is not marked as possibly out of date`, {
        pointKey: input.pointKey,
        part: input.part,
      });
    }
    const stamp = tombstoneStamp(actor, clock);
    db.prepare(
      'UPDATE comment_language_marks SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE uid = @uid',
    ).run({ uid: mark.uid, ...stamp });
    recordAudit(db, {
      actor,
      action: 'confirm-translation',
      at: clock.now(),
      entity: 'comment',
      entityId: input.id,
      entityUid: row.uid,
      before: { markUid: mark.uid, pointKey: mark.point_key, part: mark.part, stale: mark.stale, markedAt: mark.marked_at, markedBy: mark.marked_by_name },
      after: { confirmedAt: stamp.deleted_at },
    });
  })();
}
