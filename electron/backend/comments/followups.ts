import type { Database } from 'better-sqlite3';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';
import { requireComment, targetRefOf } from './comment-store';
import { resolveTarget } from './comment-target';

/** Documents that can carry the notifying member's answer: the measure changed, was replaced or fixed. */
const LATER_DOC_TYPES = "('addendum', 'revision', 'corrigendum')";

interface LaterRow {
  id: number;
  base_symbol: string;
  distribution_date: string | null;
}

/** Base symbols of every measure a submitted comment concerns (its own, and its family's). */
function watchedBaseSymbols(db: Database): Set<string> {
  const rows = db
    .prepare(
      `SELECT n.base_symbol AS symbol FROM comments c JOIN notifications n ON n.id = c.notification_id
         WHERE c.submission_date IS NOT NULL
       UNION
       SELECT m.symbol FROM comments c JOIN notifications m ON m.family_id = c.family_id
         WHERE c.submission_date IS NOT NULL
       UNION
       SELECT m.symbol FROM comments c JOIN notifications n ON n.id = c.notification_id
         JOIN notifications b ON b.symbol = n.base_symbol JOIN notifications m ON m.family_id = b.family_id
         WHERE c.submission_date IS NOT NULL AND b.family_id IS NOT NULL`,
    )
    .all() as Array<{ symbol: string }>;
  return new Set(rows.map((r) => r.symbol));
}

/**
 * Flag submitted comments whose measure gained a later addendum, revision or corrigendum,
 * distributed after the comment was submitted (or undated), so the analyst checks whether the
 * comment was taken up. Called by the import writer and manual entry inside their transaction,
 * with the notifications they inserted or changed. Returns how many flags were added.
 */
export function detectCommentFollowups(db: Database, notificationIds: Iterable<number>, now: Date): number {
  // A bulk import touches up to 100,000 rows; only measures somebody commented on matter.
  if (!db.prepare('SELECT 1 FROM comments WHERE submission_date IS NOT NULL LIMIT 1').get()) return 0;
  const watched = watchedBaseSymbols(db);
  if (watched.size === 0) return 0;
  const pick = db.prepare(`SELECT id, base_symbol, distribution_date FROM notifications WHERE id = ? AND doc_type IN ${LATER_DOC_TYPES}`);
  const familyOf = db.prepare('SELECT family_id FROM notifications WHERE symbol = ?');
  // A comment concerns the measure when it is on any document of it, on its family, or on any
  // document of another member's notification of the same family.
  const findComments = db.prepare(`
    SELECT c.id FROM comments c
    WHERE c.submission_date IS NOT NULL
      AND c.notification_id IS NOT @id
      AND (@distributed IS NULL OR @distributed > c.submission_date)
      AND (c.notification_id IN (SELECT id FROM notifications WHERE base_symbol = @base)
        OR (@family IS NOT NULL AND (c.family_id = @family OR c.notification_id IN (
              SELECT id FROM notifications WHERE base_symbol IN (SELECT symbol FROM notifications WHERE family_id = @family)))))`);
  const flag = db.prepare('INSERT OR IGNORE INTO comment_followups (comment_id, notification_id, detected_at) VALUES (?, ?, ?)');
  let added = 0;
  for (const id of notificationIds) {
    const n = pick.get(id) as LaterRow | undefined;
    if (!n || !watched.has(n.base_symbol)) continue;
    const family = (familyOf.get(n.base_symbol) as { family_id: number | null } | undefined)?.family_id ?? null;
    const comments = findComments.all({ id: n.id, distributed: n.distribution_date, base: n.base_symbol, family }) as Array<{ id: number }>;
    for (const c of comments) added += flag.run(c.id, n.id, now.toISOString()).changes;
  }
  return added;
}

/** The same check from the comment's side: every later document of its measure already on file. */
export function detectFollowupsForComment(db: Database, commentId: number, now: Date): number {
  const row = requireComment(db, commentId);
  if (row.submission_date === null) return 0;
  const { baseSymbols } = resolveTarget(db, targetRefOf(row));
  const ids = (
    db
      .prepare(
        `SELECT id FROM notifications WHERE doc_type IN ${LATER_DOC_TYPES}
           AND base_symbol IN (${baseSymbols.map(() => '?').join(', ')})`,
      )
      .all(...baseSymbols) as Array<{ id: number }>
  ).map((r) => r.id);
  return detectCommentFollowups(db, ids, now);
}

/** The analyst has looked at a flagged addendum or revision; the flag stays, marked as checked. */
export function acknowledgeFollowup(db: Database, commentId: number, notificationId: number, actor: string, now: Date): void {
  const row = db
    .prepare('SELECT acknowledged_at FROM comment_followups WHERE comment_id = ? AND notification_id = ?')
    .get(commentId, notificationId) as { acknowledged_at: string | null } | undefined;
  if (!row) {
    throw new AppError('NOT_FOUND', `notification ${notificationId} is not flagged on comment ${commentId}`, { commentId, notificationId });
  }
  if (row.acknowledged_at !== null) return;
  db.prepare('UPDATE comment_followups SET acknowledged_by = ?, acknowledged_at = ? WHERE comment_id = ? AND notification_id = ?').run(
    actor, now.toISOString(), commentId, notificationId,
  );
  recordAudit(db, { at: now, actor, action: 'acknowledge-followup', entity: 'comment', entityId: commentId, after: { notificationId } });
}
