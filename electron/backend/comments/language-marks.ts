import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, CommentPoint, LanguageMark } from '../../../shared/contract';
import { updateSyncMarks, type SyncMark } from '../../../shared/domain/language-sync';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';
import { requireActiveAnalyst } from '../analysts/analysts';
import { requireComment, requireEditable } from './comment-store';

interface MarkRow {
  point_key: string;
  part: LanguageMark['part'];
  stale: LanguageMark['stale'];
  marked_at: string;
  marked_by: string;
}

/** The marks of a comment's current points, in point order. */
export function readLanguageMarks(db: Database, commentId: number, points: readonly Pick<CommentPoint, 'key'>[]): LanguageMark[] {
  const rows = db.prepare('SELECT point_key, part, stale, marked_at, marked_by FROM comment_language_marks WHERE comment_id = ?').all(commentId) as MarkRow[];
  const order = new Map(points.map((p, i) => [p.key, i]));
  const parts = ['clause', 'concern', 'proposal', 'rationale'];
  return rows
    .filter((r) => order.has(r.point_key))
    .sort((a, b) => (order.get(a.point_key) ?? 0) - (order.get(b.point_key) ?? 0) || parts.indexOf(a.part) - parts.indexOf(b.part))
    .map((r) => ({ pointKey: r.point_key, part: r.part, stale: r.stale, markedAt: r.marked_at, markedBy: r.marked_by }));
}

/**
 * After a save: mark the other side of each part whose one side was rewritten, and settle the
 * marks whose side was updated. Called inside the save's transaction.
 */
export function updateLanguageMarks(db: Database, commentId: number, before: readonly CommentPoint[], after: readonly CommentPoint[], actor: string, now: Date): void {
  const rows = db.prepare('SELECT point_key, part, stale, marked_at, marked_by FROM comment_language_marks WHERE comment_id = ?').all(commentId) as MarkRow[];
  const old = new Map(rows.map((r) => [`${r.point_key}|${r.part}|${r.stale}`, r]));
  const marks: SyncMark[] = rows.map((r) => ({ pointKey: r.point_key, part: r.part, stale: r.stale }));
  const next = updateSyncMarks(before, after, marks);
  db.prepare('DELETE FROM comment_language_marks WHERE comment_id = ?').run(commentId);
  const insert = db.prepare(
    'INSERT INTO comment_language_marks (comment_id, point_key, part, stale, marked_at, marked_by) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const m of next) {
    // A mark that was already there keeps when and by whom it was set.
    const kept = old.get(`${m.pointKey}|${m.part}|${m.stale}`);
    insert.run(commentId, m.pointKey, m.part, m.stale, kept?.marked_at ?? now.toISOString(), kept?.marked_by ?? actor);
  }
}

/** The author confirms the marked side still matches: the mark goes, and the audit log keeps who said so. */
export function confirmLanguage(db: Database, input: ChannelParsedInput<'commentsConfirmLanguage'>, now: Date): void {
  db.transaction(() => {
    requireActiveAnalyst(db, input.actor);
    const row = requireComment(db, input.id);
    requireEditable(row, 'confirming a translation');
    const mark = db
      .prepare('SELECT point_key, part, stale, marked_at, marked_by FROM comment_language_marks WHERE comment_id = ? AND point_key = ? AND part = ?')
      .get(input.id, input.pointKey, input.part) as MarkRow | undefined;
    if (!mark) {
      throw new AppError('NOT_FOUND', `comment ${input.id}: the ${input.part} of point ${input.pointKey} is not marked as possibly out of date`, {
        pointKey: input.pointKey,
        part: input.part,
      });
    }
    db.prepare('DELETE FROM comment_language_marks WHERE comment_id = ? AND point_key = ? AND part = ?').run(input.id, input.pointKey, input.part);
    recordAudit(db, {
      actor: input.actor,
      action: 'confirm-translation',
      at: now,
      entity: 'comment',
      entityId: input.id,
      before: { pointKey: mark.point_key, part: mark.part, stale: mark.stale, markedAt: mark.marked_at, markedBy: mark.marked_by },
      after: { confirmedAt: now.toISOString() },
    });
  })();
}
