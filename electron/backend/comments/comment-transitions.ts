import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput } from '../../../shared/contract';
import { transitionProblem } from '../../../shared/domain/comment-workflow';
import { fixedClock, localDate, type Clock } from '../../../shared/domain/clock';
import { describeUnfinished, findUnfinishedTexts } from '../../../shared/domain/unfinished-text';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';
import { readTriage, updateTriage } from '../notifications/triage';
import type { Actor } from '../analysts/analysts';
import { checkBaseVersion, readContent, readVersionRow, recordEvent, requireComment, targetRefOf } from './comment-store';
import { resolveTarget } from './comment-target';
import { detectFollowupsForComment } from './followups';

type TransitionInput = ChannelParsedInput<'commentsTransition'>;

const analystName = (db: Database, uid: string): string =>
  (db.prepare('SELECT name FROM analysts WHERE uid = ?').pluck().get(uid) as string | undefined) ?? uid;

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
}

/**
 * Template text still to be completed must not reach a reviewer's approval or the letter: the
 * refusal names every point and field, so the author (or a CLI user) can go straight to it.
 */
export function requireFinishedText(db: Database, commentId: number, version: number, what: string): void {
  const unfinished = findUnfinishedTexts(readContent(db, commentId, version));
  if (unfinished.length === 0) return;
  const path = (u: (typeof unfinished)[number]): string => (u.point === null ? u.field : `points.${u.point - 1}.${u.field}`);
  throw new AppError('VALIDATION', `comment ${commentId} ${what}: text still to be completed in ${unfinished.map(describeUnfinished).join('; ')}`, {
    unfinished,
    fields: unfinished.map((u) => ({ path: path(u), message: `still to be completed: ${u.markers.join(' ')}` })),
  });
}

/** A submitted comment moves its notifications' triage to "commented" (unless already further). */
function markNotificationsCommented(db: Database, notificationIds: readonly number[], actor: Actor, now: Date): void {
  for (const id of notificationIds) {
    const status = readTriage(db, id).status;
    if (status === 'new' || status === 'screening' || status === 'assessing') updateTriage(db, actor, { id, status: 'commented' }, fixedClock(now));
  }
}

/**
 * Move a comment one step along draft → in review → approved → submitted → reply received →
 * closed, or back from in review to draft. Refused with CONFLICT: skipped steps, approval by the
 * author (the same analyst uid: four eyes), and (for review and approval) a version other than
 * the current one. Each step is kept in comment_events and the audit log, with who and when.
 */
export function transitionComment(db: Database, actor: Actor, input: TransitionInput, clock: Clock): void {
  db.transaction(() => {
    const now = clock.now();
    const row = requireComment(db, input.id);
    const problem = transitionProblem(row.status, input.to, actor, { uid: row.created_by, name: analystName(db, row.created_by) });
    if (problem) {
      throw new AppError('CONFLICT', `comment ${row.id}: ${problem}`, { from: row.status, to: input.to, author: row.created_by });
    }
    // The author sees the note on the comment; a return without one leaves them guessing.
    if (input.to === 'draft' && input.note.trim() === '') throw fieldError('note', 'say what needs changing: the author reads this note on the comment');
    if (input.to === 'in_review' || input.to === 'approved') {
      checkBaseVersion(row, input.baseVersion);
      requireFinishedText(db, row.id, row.current_version, input.to === 'in_review' ? 'cannot go for review' : 'cannot be approved');
    }
    const after: Record<string, unknown> = { status: input.to };
    if (input.to === 'submitted') {
      const { date, channel, reference } = input.submission;
      if (date > localDate(now)) throw fieldError('submission.date', `${date} is in the future; record the submission once it has been sent`);
      db.prepare('UPDATE comments SET submission_date = ?, submission_channel = ?, submission_reference = ? WHERE id = ?').run(
        date, channel, reference, row.id,
      );
      markNotificationsCommented(db, resolveTarget(db, targetRefOf(row)).notificationIds, actor, now);
      // Addenda already on file (e.g. when an old submission is recorded late) are flagged too.
      detectFollowupsForComment(db, row.id, actor, now);
      after.submission = input.submission;
    }
    if (input.to === 'reply_received') {
      const { date, summary } = input.reply;
      if (row.submission_date !== null && date < row.submission_date) {
        throw fieldError('reply.date', `the reply (${date}) cannot come before the submission (${row.submission_date})`);
      }
      if (date > localDate(now)) throw fieldError('reply.date', `${date} is in the future`);
      db.prepare('UPDATE comments SET reply_date = ?, reply_summary = ? WHERE id = ?').run(date, summary, row.id);
      after.reply = input.reply;
    }
    db.prepare('UPDATE comments SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(input.to, now.toISOString(), actor.uid, row.id);
    const versionUid = readVersionRow(db, row.id, row.current_version).uid;
    const eventUid = recordEvent(db, actor, clock, { commentId: row.id, from: row.status, to: input.to, note: input.note, version: row.current_version, versionUid });
    recordAudit(db, {
      at: now,
      actor,
      action: input.to === 'draft' ? 'return-for-changes' : `to-${input.to}`,
      entity: 'comment',
      entityId: row.id,
      entityUid: row.uid,
      before: { status: row.status },
      after: { ...after, version: row.current_version, versionUid, eventUid, note: input.note },
    });
  })();
}
