import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CloseReason, WarningLevel, WarningPassSummary } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { newUid } from '../../../shared/domain/uid';
import type { Actor } from '../analysts/analysts';
import type { ScoredPair } from './pair-scoring';
import { joinList } from './warning-read';

/** The stored warning the writer compares a new score with. */
interface Existing {
  uid: string;
  measure_key: string;
  target_kind: 'enterprise' | 'industry';
  target_key: string;
  digest: string;
  level: WarningLevel;
  computed_level: WarningLevel;
  override_level: WarningLevel | null;
  state: string;
  close_reason: string | null;
  deleted: number;
}

const RANK: Record<WarningLevel, number> = { red: 4, orange: 3, yellow: 2, blue: 1 };
const HIGH = (l: WarningLevel): boolean => l === 'red' || l === 'orange';
const MAX_RAISED_UIDS = 200;

export const subjectKey = (measureKey: string, kind: string, key: string): string => `${measureKey}\u0000${kind}\u0000${key}`;

/** The nearest date still ahead: the comment deadline, else the entry into force. */
export function nextDeadline(commentDeadline: string | null, entryIntoForce: string | null, today: string): string | null {
  const ahead = [commentDeadline, entryIntoForce].filter((d): d is string => d !== null && d >= today).sort();
  return ahead[0] ?? null;
}

/** Everything a recomputation writes, as stored; the digest is taken over it. */
function columnsOf(p: ScoredPair, today: string) {
  const m = p.measure;
  return {
    notification_id: m.notificationId,
    symbols: JSON.stringify(m.symbols),
    area: m.area,
    members: joinList(m.members),
    industries: joinList(p.industries),
    stage: m.stage,
    score: p.result.score,
    computed_level: p.result.level,
    match: p.match,
    value_usd: p.valueUsd,
    factors: JSON.stringify(p.result.factors),
    matches: JSON.stringify(p.matches),
    comment_deadline: m.commentDeadline,
    adoption: m.adoption,
    entry_into_force: m.entryIntoForce,
    next_deadline: nextDeadline(m.commentDeadline, m.entryIntoForce, today),
  };
}

/** What the writer needs to know of the pass. */
export interface WriteScope {
  /** Measures scored in this pass (in the window): their warnings not found again close. */
  measureKeys: ReadonlySet<string>;
  /** Targets scored ('enterprise:uid' / 'industry:code'); null: every target. */
  targets: ReadonlySet<string> | null;
}

/**
 * Write the scored pairs: insert the new, update the changed (by digest), close what no longer
 * matches or was withdrawn. Overrides, states, responses and
 * tombstones survive. Runs inside the caller's transaction.
 */
export function writeWarnings(db: Database, pairs: readonly ScoredPair[], scope: WriteScope, actor: Actor, clock: Clock, today: string): WarningPassSummary {
  const at = clock.now().toISOString();
  const existing = new Map<string, Existing>();
  const byMeasure = db.prepare(
    `SELECT uid, measure_key, target_kind, target_key, digest, level, computed_level, override_level, state, close_reason,
       deleted_at IS NOT NULL AS deleted FROM warnings WHERE measure_key = ?`,
  );
  for (const key of scope.measureKeys) for (const r of byMeasure.all(key) as Existing[]) existing.set(subjectKey(r.measure_key, r.target_kind, r.target_key), r);

  const insert = db.prepare(
    `INSERT INTO warnings (uid, created_at, created_by, updated_at, updated_by, measure_key, target_kind, target_key, notification_id, symbols, area,
       members, industries, stage, score, computed_level, level, match, value_usd, factors, matches, digest, comment_deadline, adoption,
       entry_into_force, next_deadline, state, computed_at)
     VALUES (@uid, @at, @by, @at, @by, @measure_key, @target_kind, @target_key, @notification_id, @symbols, @area, @members, @industries, @stage,
       @score, @computed_level, @computed_level, @match, @value_usd, @factors, @matches, @digest, @comment_deadline, @adoption,
       @entry_into_force, @next_deadline, 'new', @at)`,
  );
  const update = db.prepare(
    `UPDATE warnings SET updated_at = @at, updated_by = @by, notification_id = @notification_id, symbols = @symbols, area = @area,
       members = @members, industries = @industries, stage = @stage, score = @score, computed_level = @computed_level,
       level = COALESCE(override_level, @computed_level), match = @match, value_usd = @value_usd, factors = @factors, matches = @matches,
       digest = @digest, comment_deadline = @comment_deadline, adoption = @adoption, entry_into_force = @entry_into_force,
       next_deadline = @next_deadline, computed_at = @at
     WHERE uid = @uid`,
  );
  const setState = db.prepare(
    `UPDATE warnings SET state = @state, close_reason = @reason, state_at = @at, state_by = @by, updated_at = @at, updated_by = @by WHERE uid = @uid`,
  );
  const history = db.prepare(
    `INSERT INTO warning_history (warning_uid, at, actor_id, kind, score, level, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const summary: WarningPassSummary = { scored: pairs.length, created: 0, changed: 0, closed: 0, unchanged: 0, raisedHigh: 0, raisedRed: 0, raisedUids: [] };
  const raise = (uid: string, level: WarningLevel): void => {
    summary.raisedHigh += 1;
    if (level === 'red') summary.raisedRed = (summary.raisedRed ?? 0) + 1;
    if (summary.raisedUids.length < MAX_RAISED_UIDS) summary.raisedUids.push(uid);
  };
  const close = (w: Pick<Existing, 'uid'>, reason: CloseReason): void => {
    setState.run({ uid: w.uid, state: 'closed', reason, at, by: actor.uid });
    history.run(w.uid, at, actor.uid, 'state', null, null, 'closed', reason);
    summary.closed += 1;
  };

  const seen = new Set<string>();
  for (const p of pairs) {
    const key = subjectKey(p.measure.key, p.targetKind, p.targetKey);
    seen.add(key);
    const cols = columnsOf(p, today);
    const digest = crypto.createHash('sha256').update(JSON.stringify(cols)).digest('hex');
    const withdrawn = p.measure.stage === 'withdrawn';
    const had = existing.get(key);
    if (!had) {
      // A withdrawn measure raises nothing new.
      if (withdrawn) continue;
      const uid = newUid(clock);
      insert.run({ ...cols, uid, at, by: actor.uid, measure_key: p.measure.key, target_kind: p.targetKind, target_key: p.targetKey, digest });
      history.run(uid, at, actor.uid, 'computed', cols.score, cols.computed_level, 'new', 'created');
      summary.created += 1;
      if (HIGH(cols.computed_level)) raise(uid, cols.computed_level);
      continue;
    }
    if (had.deleted) continue;
    if (had.digest === digest) summary.unchanged += 1;
    else {
      update.run({ ...cols, uid: had.uid, at, by: actor.uid, digest });
      summary.changed += 1;
      const level = had.override_level ?? cols.computed_level;
      if (had.computed_level !== cols.computed_level) history.run(had.uid, at, actor.uid, 'computed', cols.score, cols.computed_level, null, `${had.computed_level} → ${cols.computed_level}`);
      if (had.state !== 'closed' && !withdrawn && HIGH(level) && RANK[level] > RANK[had.level]) raise(had.uid, level);
    }
    if (withdrawn && had.state !== 'closed') close(had, 'withdrawn');
    else if (!withdrawn && had.state === 'closed' && had.close_reason === 'noLongerMatches') {
      // The engine closed it; it matches again, so it is open again.
      setState.run({ uid: had.uid, state: 'new', reason: null, at, by: actor.uid });
      history.run(had.uid, at, actor.uid, 'state', cols.score, cols.computed_level, 'new', 'matches again');
      const level = had.override_level ?? cols.computed_level;
      if (HIGH(level)) raise(had.uid, level);
    }
  }
  for (const [key, w] of existing) {
    if (seen.has(key) || w.deleted || w.state === 'closed') continue;
    if (scope.targets && !scope.targets.has(`${w.target_kind}:${w.target_key}`)) continue;
    close(w, 'noLongerMatches');
  }
  return summary;
}
