import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { isSentStatus, statusLabel } from '../../../shared/domain/comment-workflow';
import { parseSymbol } from '../../../shared/domain/symbol';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';
import type { Actor } from '../analysts/analysts';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { readContent, requireComment, targetRefOf, type CommentRow } from './comment-store';
import { resolveTarget } from './comment-target';
import { acknowledgeFollowup } from './followups';

type OutcomeInput = ChannelParsedInput<'commentsRecordOutcome'>;

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
}

interface EvidenceColumns {
  kind: 'notification' | 'regulation' | null;
  notificationId: number | null;
  reference: string | null;
  date: string | null;
}

const LATER = new Set(['addendum', 'revision', 'corrigendum', 'supplement']);

/**
 * Check the evidence of an adoption. A notification must be on file, belong to the same
 * measure (same base symbol, or the same family) and be a later document (addendum, revision,
 * corrigendum), not the commented notification itself; it must not predate the submission.
 */
function checkEvidence(db: Database, row: CommentRow, evidence: OutcomeInput['evidence']): EvidenceColumns {
  if (!evidence) return { kind: null, notificationId: null, reference: null, date: null };
  const submitted = row.submission_date ?? '';
  if (evidence.kind === 'regulation') {
    if (evidence.date < submitted) throw fieldError('evidence.date', `${evidence.date} is before the comment was submitted (${submitted})`);
    return { kind: 'regulation', notificationId: null, reference: evidence.reference, date: evidence.date };
  }
  const symbol = parseSymbol(evidence.symbol)?.symbol ?? evidence.symbol;
  const n = db.prepare('SELECT id, symbol, base_symbol, doc_type, distribution_date FROM notifications WHERE symbol = ?').get(symbol) as
    | { id: number; symbol: string; base_symbol: string; doc_type: string; distribution_date: string | null }
    | undefined;
  if (!n) throw fieldError('evidence.symbol', `${symbol} is not on file; import it first, or name the final regulation instead`);
  const resolved = resolveTarget(db, targetRefOf(row));
  if (!resolved.baseSymbols.includes(n.base_symbol)) {
    throw fieldError(
      'evidence.symbol',
      `${n.symbol} belongs to another measure (${n.base_symbol}), not to the commented ${resolved.target.symbols.join(', ')}`,
    );
  }
  if (!LATER.has(n.doc_type) || resolved.notificationIds.includes(n.id)) {
    throw fieldError('evidence.symbol', `${n.symbol} is the commented notification or a base notification; the evidence must be a later addendum or revision`);
  }
  const date = evidence.date ?? n.distribution_date;
  if (date === null) throw fieldError('evidence.date', `${n.symbol} has no distribution date on file; give the date of the evidence`);
  if (date < submitted) throw fieldError('evidence.date', `${date} is before the comment was submitted (${submitted})`);
  return { kind: 'notification', notificationId: n.id, reference: null, date };
}

/**
 * Record what became of one point of a submitted comment. Adopted and partly adopted need
 * evidence; an estimate of the cost spared needs a note on how it was made. Recording an
 * adoption evidenced by a flagged addendum marks that flag as checked. The outcome of a point is
 * one record (one uid) however often it is replaced or cleared; the audit log keeps its history.
 */
export function recordOutcome(db: Database, actor: Actor, input: OutcomeInput, clock: Clock): void {
  db.transaction(() => {
    const now = clock.now();
    const row = requireComment(db, input.id);
    if (!isSentStatus(row.status)) {
      throw new AppError('CONFLICT', `comment ${row.id} is ${statusLabel(row.status)}; outcomes are recorded once it has been submitted`, { status: row.status });
    }
    const content = readContent(db, row.id, row.current_version);
    if (!content.points.some((p) => p.key === input.pointKey)) {
      throw fieldError('pointKey', `${input.pointKey} is not a point of comment ${row.id}`);
    }
    if ((input.outcome === 'adopted' || input.outcome === 'partly_adopted') && !input.evidence) {
      throw fieldError('evidence', 'an adopted or partly adopted point needs evidence: a later addendum or revision of the measure, or the final regulation');
    }
    if (input.costSparedCny !== undefined && !input.costMethod) {
      throw fieldError('costMethod', 'say how the estimate of the cost spared was made');
    }
    if (input.date !== undefined && row.submission_date !== null && input.date < row.submission_date) {
      throw fieldError('date', `${input.date} is before the comment was submitted (${row.submission_date})`);
    }
    const evidence = checkEvidence(db, row, input.evidence);
    const date = evidence.date ?? input.date ?? (input.outcome === 'no_reply' ? null : row.reply_date);
    const before = liveOutcome(db, row.id, input.pointKey);
    const stamp = newRecordStamp(actor, clock);
    // A cleared outcome recorded again comes back as the same record.
    db.prepare(
      `INSERT INTO comment_outcomes (comment_id, point_key, outcome, outcome_date, evidence_kind, evidence_notification_id,
         evidence_reference, evidence_date, cost_spared_cny, cost_method, note, recorded_at, recorded_by,
         uid, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @key, @outcome, @date, @kind, @notificationId, @reference, @evidenceDate, @cost, @method, @note, @created_at, @created_by,
         @uid, @created_at, @created_by, @updated_at, @updated_by)
       ON CONFLICT (comment_id, point_key) DO UPDATE SET outcome = excluded.outcome, outcome_date = excluded.outcome_date,
         evidence_kind = excluded.evidence_kind, evidence_notification_id = excluded.evidence_notification_id,
         evidence_reference = excluded.evidence_reference, evidence_date = excluded.evidence_date,
         cost_spared_cny = excluded.cost_spared_cny, cost_method = excluded.cost_method, note = excluded.note,
         recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted_at = NULL, deleted_by = NULL`,
    ).run({
      id: row.id,
      key: input.pointKey,
      outcome: input.outcome,
      date,
      kind: evidence.kind,
      notificationId: evidence.notificationId,
      reference: evidence.reference,
      evidenceDate: evidence.date,
      cost: input.costSparedCny ?? null,
      method: input.costMethod ?? null,
      note: input.note,
      ...stamp,
    });
    if (evidence.notificationId !== null) {
      const flagged = db
        .prepare('SELECT 1 FROM comment_followups WHERE comment_id = ? AND notification_id = ? AND acknowledged_at IS NULL')
        .get(row.id, evidence.notificationId);
      if (flagged) acknowledgeFollowup(db, actor, row, evidence.notificationId, clock);
    }
    touchComment(db, actor, row.id, clock);
    const after = liveOutcome(db, row.id, input.pointKey);
    recordAudit(db, { at: now, actor, action: 'record-outcome', entity: 'comment', entityId: row.id, entityUid: row.uid, before, after });
  })();
}

/** The outcome row of a point, unless cleared. */
function liveOutcome(db: Database, commentId: number, pointKey: string): Record<string, unknown> | undefined {
  return db.prepare('SELECT * FROM comment_outcomes WHERE comment_id = ? AND point_key = ? AND deleted_at IS NULL').get(commentId, pointKey) as
    | Record<string, unknown>
    | undefined;
}

function touchComment(db: Database, actor: Actor, commentId: number, clock: Clock): void {
  db.prepare('UPDATE comments SET updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({ id: commentId, ...changeStamp(actor, clock) });
}

/** Clearing an outcome leaves a tombstone on its record: the point is pending again, the record stays. */
export function clearOutcome(db: Database, actor: Actor, input: ChannelParsedInput<'commentsClearOutcome'>, clock: Clock): void {
  db.transaction(() => {
    const row = requireComment(db, input.id);
    const before = liveOutcome(db, row.id, input.pointKey);
    if (!before) return;
    db.prepare(
      `UPDATE comment_outcomes SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by
       WHERE comment_id = @id AND point_key = @key`,
    ).run({ id: row.id, key: input.pointKey, ...tombstoneStamp(actor, clock) });
    touchComment(db, actor, row.id, clock);
    recordAudit(db, { at: clock.now(), actor, action: 'clear-outcome', entity: 'comment', entityId: row.id, entityUid: row.uid, before });
  })();
}

export function acknowledgeCommentFollowup(db: Database, actor: Actor, input: ChannelParsedInput<'commentsAcknowledgeFollowup'>, clock: Clock): void {
  db.transaction(() => {
    acknowledgeFollowup(db, actor, requireComment(db, input.id), input.notificationId, clock);
  })();
}
