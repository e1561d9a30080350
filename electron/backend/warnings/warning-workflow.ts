import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput } from '../../../shared/contract';
import type { CloseReason, ResponseKind, WarningLevel, WarningState } from '../../../shared/contract/warnings';
import { localDate, type Clock } from '../../../shared/domain/clock';
import { UNRECORDED_ANALYST_UID } from '../../../shared/domain/uid';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../errors';

/** The columns of a warning that working it reads and changes. */
interface WorkRow {
  id: number;
  uid: string;
  score: number;
  computed_level: WarningLevel;
  level: WarningLevel;
  override_level: WarningLevel | null;
  override_reason: string | null;
  state: WarningState;
  close_reason: CloseReason | null;
  response_kind: ResponseKind | null;
  response_owner: string | null;
  response_due: string | null;
  response_note: string;
}

/** Close reasons only the engine gives: the measure was withdrawn, or the enterprise removed. */
const ENGINE_CLOSE_REASONS: readonly CloseReason[] = ['withdrawn', 'enterpriseRemoved'];

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
}

/** A warning that can be worked: it exists and has not been removed. */
function requireWarning(db: Database, uid: string): WorkRow {
  const row = db
    .prepare(
      `SELECT id, uid, score, computed_level, level, override_level, override_reason, state, close_reason,
         response_kind, response_owner, response_due, response_note
       FROM warnings WHERE uid = ? AND deleted_at IS NULL`,
    )
    .get(uid) as WorkRow | undefined;
  if (!row) throw notFound('warning', uid);
  return row;
}

function addHistory(
  db: Database,
  actor: Actor,
  at: string,
  entry: { uid: string; kind: 'override' | 'state' | 'response'; score: number; level: WarningLevel; state: WarningState | null; note: string },
): void {
  db.prepare('INSERT INTO warning_history (warning_uid, at, actor_id, kind, score, level, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.uid,
    at,
    actor.uid,
    entry.kind,
    entry.score,
    entry.level,
    entry.state,
    entry.note,
  );
}

/**
 * Set a warning's level by hand, with the reason, or clear the override (level null) so the
 * computed level shows again. The engine only ever writes `computed_level` and recomputes
 * `level` as override ?? computed, so the override survives every recomputation. Kept in the
 * warning's history and the audit log. Clearing a warning that has no override writes nothing
 * (returns false).
 */
export function overrideWarning(db: Database, actor: Actor, input: ChannelParsedInput<'warningsOverride'>, clock: Clock): boolean {
  return db.transaction(() => {
    const row = requireWarning(db, input.uid);
    if (input.level === null && row.override_level === null) return false;
    const at = clock.now().toISOString();
    const level = input.level ?? row.computed_level;
    const reason = input.reason.trim();
    db.prepare(
      `UPDATE warnings SET override_level = @override, override_reason = @reason, override_by = @by, override_at = @overrideAt,
         level = @level, updated_at = @at, updated_by = @actor WHERE id = @id`,
    ).run({
      override: input.level,
      reason: input.level === null ? null : reason,
      by: input.level === null ? null : actor.uid,
      overrideAt: input.level === null ? null : at,
      at,
      level,
      actor: actor.uid,
      id: row.id,
    });
    addHistory(db, actor, at, { uid: row.uid, kind: 'override', score: row.score, level, state: null, note: reason });
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: input.level === null ? 'clear-override' : 'override',
      entity: 'warning',
      entityId: row.id,
      entityUid: row.uid,
      before: { level: row.level, overrideLevel: row.override_level, overrideReason: row.override_reason },
      after: { level, overrideLevel: input.level, overrideReason: input.level === null ? null : reason, reason },
    });
    return true;
  })();
}

/**
 * Why a move from `from` to `to` is not allowed, or null when it is. The steps: new →
 * acknowledged; new or acknowledged → planned only by recording a plan; any open state → closed;
 * closed → acknowledged (reopened).
 */
export function warningTransitionProblem(from: WarningState, to: WarningState): string | null {
  if (to === 'planned') return `a warning moves from ${from} to planned by recording its response plan`;
  if (from === to) return `the warning is already ${to}`;
  if (to === 'closed') return null;
  if (to === 'acknowledged' && (from === 'new' || from === 'closed')) return null;
  return `a warning cannot move from ${from} to ${to}`;
}

/**
 * Move a warning along its states. Refused with CONFLICT naming both states when the move is
 * not allowed; closing needs a reason an analyst may give (VALIDATION otherwise). Reopening
 * clears the close reason. Kept in history and the audit log.
 */
export function transitionWarning(db: Database, actor: Actor, input: ChannelParsedInput<'warningsTransition'>, clock: Clock): void {
  db.transaction(() => {
    const row = requireWarning(db, input.uid);
    const problem = warningTransitionProblem(row.state, input.state);
    if (problem) throw new AppError('CONFLICT', `warning ${row.uid}: ${problem}`, { from: row.state, to: input.state });
    if (input.state === 'closed') {
      if (input.closeReason === undefined) throw fieldError('closeReason', 'say why the warning is closed');
      if (ENGINE_CLOSE_REASONS.includes(input.closeReason)) {
        throw fieldError('closeReason', `${input.closeReason} is recorded by the warnings pass itself; choose handled, notRelevant, noLongerMatches or other`);
      }
    } else if (input.closeReason !== undefined) {
      throw fieldError('closeReason', `a close reason goes only with closing, not with ${input.state}`);
    }
    const at = clock.now().toISOString();
    const closeReason = input.state === 'closed' ? (input.closeReason ?? null) : null;
    db.prepare(
      `UPDATE warnings SET state = @state, close_reason = @closeReason, state_note = @note, state_at = @at, state_by = @actor,
         updated_at = @at, updated_by = @actor WHERE id = @id`,
    ).run({ state: input.state, closeReason, note: input.note, at, actor: actor.uid, id: row.id });
    addHistory(db, actor, at, { uid: row.uid, kind: 'state', score: row.score, level: row.level, state: input.state, note: input.note });
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: row.state === 'closed' ? 'reopen' : `to-${input.state}`,
      entity: 'warning',
      entityId: row.id,
      entityUid: row.uid,
      before: { state: row.state, closeReason: row.close_reason },
      after: { state: input.state, closeReason, note: input.note },
    });
  })();
}

/**
 * Record (or revise) the response plan: what is done, by which analyst, by when. The owner must
 * be an active analyst on the team list; the due date may not be past. A new or acknowledged
 * warning moves to planned; a closed one must be reopened first.
 */
export function planWarningResponse(db: Database, actor: Actor, input: ChannelParsedInput<'warningsPlanResponse'>, clock: Clock): void {
  db.transaction(() => {
    const row = requireWarning(db, input.uid);
    if (row.state === 'closed') {
      throw new AppError('CONFLICT', `warning ${row.uid}: a warning cannot move from closed to planned; reopen it first`, { from: row.state, to: 'planned' });
    }
    const owner = db.prepare('SELECT uid, name, active FROM analysts WHERE uid = ? AND deleted_at IS NULL').get(input.ownerUid) as
      | { uid: string; name: string; active: number }
      | undefined;
    if (!owner || owner.uid === UNRECORDED_ANALYST_UID) {
      throw new AppError('NOT_FOUND', `ownerUid: no analyst ${input.ownerUid} on the team list`, {
        entity: 'analyst',
        id: input.ownerUid,
        fields: [{ path: 'ownerUid', message: 'not on the analyst list' }],
      });
    }
    if (owner.active !== 1) throw fieldError('ownerUid', `${owner.name} is marked inactive and cannot own a response`);
    const today = localDate(clock.now());
    if (input.dueDate < today) throw fieldError('dueDate', `${input.dueDate} has passed (today is ${today})`);
    const at = clock.now().toISOString();
    db.prepare(
      `UPDATE warnings SET response_kind = @kind, response_owner = @owner, response_due = @due, response_note = @note,
         state = 'planned', close_reason = NULL, state_at = @at, state_by = @actor, updated_at = @at, updated_by = @actor WHERE id = @id`,
    ).run({ kind: input.kind, owner: owner.uid, due: input.dueDate, note: input.note, at, actor: actor.uid, id: row.id });
    addHistory(db, actor, at, { uid: row.uid, kind: 'response', score: row.score, level: row.level, state: 'planned', note: input.note });
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: 'plan-response',
      entity: 'warning',
      entityId: row.id,
      entityUid: row.uid,
      before: {
        state: row.state,
        response: row.response_kind ? { kind: row.response_kind, ownerUid: row.response_owner, dueDate: row.response_due, note: row.response_note } : null,
      },
      after: { state: 'planned', response: { kind: input.kind, ownerUid: owner.uid, ownerName: owner.name, dueDate: input.dueDate, note: input.note } },
    });
  })();
}
