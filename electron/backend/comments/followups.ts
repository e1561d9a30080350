import type { Database } from 'better-sqlite3';
import { fixedClock, type Clock } from '../../../shared/domain/clock';
import { newUid, UNRECORDED_ANALYST_UID } from '../../../shared/domain/uid';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changeStamp } from '../db/record-identity';
import { AppError } from '../errors';
import { requireComment, targetRefOf, type CommentRow } from './comment-store';
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
         WHERE c.submission_date IS NOT NULL AND c.deleted_at IS NULL
       UNION
       SELECT m.symbol FROM comments c JOIN notifications m ON m.family_id = c.family_id
         WHERE c.submission_date IS NOT NULL AND c.deleted_at IS NULL
       UNION
       SELECT m.symbol FROM comments c JOIN notifications n ON n.id = c.notification_id
         JOIN notifications b ON b.symbol = n.base_symbol JOIN notifications m ON m.family_id = b.family_id
         WHERE c.submission_date IS NOT NULL AND c.deleted_at IS NULL AND b.family_id IS NOT NULL`,
    )
    .all() as Array<{ symbol: string }>;
  return new Set(rows.map((r) => r.symbol));
}

/**
 * Flag submitted comments whose measure gained a later addendum, revision or corrigendum,
 * distributed after the comment was submitted (or undated), so the analyst checks whether the
 * comment was taken up. Called by the import writer and manual entry inside their transaction,
 * with the notifications they inserted or changed. A flag is made by the write that found the
 * later document: `by` is its analyst (the workstation's acting analyst when not given).
 * Returns how many flags were added.
 */
export function detectCommentFollowups(db: Database, notificationIds: Iterable<number>, now: Date, by: Actor | null = null): number {
  // A bulk import touches up to 100,000 rows; only measures somebody commented on matter.
  if (!db.prepare('SELECT 1 FROM comments WHERE submission_date IS NOT NULL AND deleted_at IS NULL LIMIT 1').get()) return 0;
  const watched = watchedBaseSymbols(db);
  if (watched.size === 0) return 0;
  const pick = db.prepare(`SELECT id, base_symbol, distribution_date FROM notifications WHERE id = ? AND doc_type IN ${LATER_DOC_TYPES}`);
  const familyOf = db.prepare('SELECT family_id FROM notifications WHERE symbol = ?');
  // A comment concerns the measure when it is on any document of it, on its family, or on any
  // document of another member's notification of the same family.
  const findComments = db.prepare(`
    SELECT c.id FROM comments c
    WHERE c.submission_date IS NOT NULL AND c.deleted_at IS NULL
      AND c.notification_id IS NOT @id
      AND (@distributed IS NULL OR @distributed > c.submission_date)
      AND (c.notification_id IN (SELECT id FROM notifications WHERE base_symbol = @base)
        OR (@family IS NOT NULL AND (c.family_id = @family OR c.notification_id IN (
              SELECT id FROM notifications WHERE base_symbol IN (SELECT symbol FROM notifications WHERE family_id = @family)))))`);
  const flag = db.prepare(
    `INSERT OR IGNORE INTO comment_followups (comment_id, notification_id, detected_at, uid, created_at, created_by, updated_at, updated_by)
     VALUES (@comment, @notification, @at, @uid, @at, @by, @at, @by)`,
  );
  const byUid = by?.uid ?? actingAnalystUid(db);
  const clock = fixedClock(now);
  let added = 0;
  for (const id of notificationIds) {
    const n = pick.get(id) as LaterRow | undefined;
    if (!n || !watched.has(n.base_symbol)) continue;
    const family = (familyOf.get(n.base_symbol) as { family_id: number | null } | undefined)?.family_id ?? null;
    const comments = findComments.all({ id: n.id, distributed: n.distribution_date, base: n.base_symbol, family }) as Array<{ id: number }>;
    for (const c of comments) {
      added += flag.run({ comment: c.id, notification: n.id, at: now.toISOString(), uid: newUid(clock), by: byUid }).changes;
    }
  }
  return added;
}

/** The same check from the comment's side: every later document of its measure already on file. */
export function detectFollowupsForComment(db: Database, commentId: number, actor: Actor, now: Date): number {
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
  return detectCommentFollowups(db, ids, now, actor);
}

/** The analyst acting on this workstation, or the unrecorded one (an import run without anyone chosen). */
function actingAnalystUid(db: Database): string {
  return (db.prepare("SELECT value FROM workstation WHERE key = 'actingAnalyst'").pluck().get() as string | undefined) ?? UNRECORDED_ANALYST_UID;
}

/** The analyst has looked at a flagged addendum or revision; the flag stays, marked as checked. */
export function acknowledgeFollowup(db: Database, actor: Actor, comment: CommentRow, notificationId: number, clock: Clock): void {
  const row = db
    .prepare('SELECT uid, acknowledged_at FROM comment_followups WHERE comment_id = ? AND notification_id = ?')
    .get(comment.id, notificationId) as { uid: string; acknowledged_at: string | null } | undefined;
  if (!row) {
    throw new AppError('NOT_FOUND', `notification ${notificationId} is not flagged on comment ${comment.id}`, { commentId: comment.id, notificationId });
  }
  if (row.acknowledged_at !== null) return;
  const stamp = changeStamp(actor, clock);
  db.prepare('UPDATE comment_followups SET acknowledged_by = @updated_by, acknowledged_at = @updated_at, updated_at = @updated_at, updated_by = @updated_by WHERE uid = @uid').run({
    uid: row.uid,
    ...stamp,
  });
  recordAudit(db, {
    at: clock.now(),
    actor,
    action: 'acknowledge-followup',
    entity: 'comment',
    entityId: comment.id,
    entityUid: comment.uid,
    after: { notificationId, followupUid: row.uid },
  });
}
