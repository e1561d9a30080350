import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CloseReason, WarningFactor, WarningLevel, WarningPassSummary } from '../../../shared/contract';
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

/** One key for a warning's subject (measure, target kind, target), as the unique index has it. */
export const subjectKey = (measureKey: string, kind: string, key: string): string => `${measureKey}\u0000${kind}\u0000${key}`;

/** The nearest date still ahead: the comment deadline, else the entry into force. */
export function nextDeadline(commentDeadline: string | null, entryIntoForce: string | null, today: string): string | null {
  const ahead = [commentDeadline, entryIntoForce].filter((d): d is string => d !== null && d >= today).sort();
  return ahead[0] ?? null;
}

/**
 * A factor as stored. The measure's own factors are one object shared by every warning of the
 * measure (see measureFactors), so each is serialised once per pass, not once per warning.
 */
const factorJson = new WeakMap<WarningFactor, string>();
function factorsJson(factors: readonly WarningFactor[]): string {
  return `[${factors
    .map((f) => {
      let json = factorJson.get(f);
      if (json === undefined) factorJson.set(f, (json = JSON.stringify(f)));
      return json;
    })
    .join(',')}]`;
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
    factors: factorsJson(p.result.factors),
    matches: JSON.stringify(p.matches),
    comment_deadline: m.commentDeadline,
    adoption: m.adoption,
    entry_into_force: m.entryIntoForce,
    next_deadline: nextDeadline(m.commentDeadline, m.entryIntoForce, today),
  };
}

/**
 * The digest of the stored columns: every value in a fixed order, each ended by a separator no
 * value holds. The measure's own columns and factors are the same for all its warnings, so
 * they are hashed once per measure (`measurePart`) and only the target's part per warning.
 */
const MEASURE_COLUMNS = ['notification_id', 'symbols', 'area', 'members', 'stage', 'comment_deadline', 'adoption', 'entry_into_force', 'next_deadline'] as const;
const measureDigests = new WeakMap<ScoredPair['measure'], string>();
function digestOf(p: ScoredPair, cols: ReturnType<typeof columnsOf>): string {
  let measurePart = measureDigests.get(p.measure);
  if (measurePart === undefined) {
    const hash = crypto.createHash('sha1');
    for (const k of MEASURE_COLUMNS) hash.update(`${cols[k] === null ? '\u0000null' : String(cols[k])}\u0001`);
    // The measure's own factors (nature to interval, later documents), shared by all its warnings.
    for (const i of [2, 3, 4, 5, 6, 8]) hash.update(`${factorsJson([p.result.factors[i]!])}\u0001`);
    measureDigests.set(p.measure, (measurePart = hash.digest('base64')));
  }
  const hash = crypto.createHash('sha1').update(measurePart);
  // The target's factors: exposure, match, focus industry.
  for (const i of [0, 1, 7]) hash.update(`${factorsJson([p.result.factors[i]!])}\u0001`);
  for (const [k, v] of Object.entries(cols)) {
    if (k === 'factors' || (MEASURE_COLUMNS as readonly string[]).includes(k)) continue;
    hash.update(`${v === null ? '\u0000null' : String(v)}\u0001`);
  }
  return hash.digest('base64');
}

/**
 * Writes one pass, a measure at a time, inside the caller's transaction: inserts the new,
 * updates the changed (by digest), closes what no longer matches or was withdrawn. Overrides,
 * states, responses and tombstones survive.
 */
export class WarningWriter {
  readonly summary: WarningPassSummary = { scored: 0, created: 0, changed: 0, closed: 0, unchanged: 0, raisedHigh: 0, raisedRed: 0, raisedUids: [] };
  private readonly at: string;
  private readonly byMeasure;
  private readonly insert;
  private readonly update;
  private readonly setState;
  private readonly history;

  /**
   * `targets`: the targets this pass scores ('enterprise:<uid>', 'industry:<code>'); a warning
   * of another target is never closed by it. null: every target.
   */
  constructor(
    db: Database,
    private readonly targets: ReadonlySet<string> | null,
    private readonly actor: Actor,
    private readonly clock: Clock,
    private readonly today: string,
  ) {
    this.at = clock.now().toISOString();
    this.byMeasure = db.prepare(
      `SELECT uid, measure_key, target_kind, target_key, digest, level, computed_level, override_level, state, close_reason,
         deleted_at IS NOT NULL AS deleted FROM warnings WHERE measure_key = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO warnings (uid, created_at, created_by, updated_at, updated_by, measure_key, target_kind, target_key, notification_id, symbols, area,
         members, industries, stage, score, computed_level, level, match, value_usd, factors, matches, digest, comment_deadline, adoption,
         entry_into_force, next_deadline, state, computed_at)
       VALUES (@uid, @at, @by, @at, @by, @measure_key, @target_kind, @target_key, @notification_id, @symbols, @area, @members, @industries, @stage,
         @score, @computed_level, @computed_level, @match, @value_usd, @factors, @matches, @digest, @comment_deadline, @adoption,
         @entry_into_force, @next_deadline, 'new', @at)`,
    );
    this.update = db.prepare(
      `UPDATE warnings SET updated_at = @at, updated_by = @by, notification_id = @notification_id, symbols = @symbols, area = @area,
         members = @members, industries = @industries, stage = @stage, score = @score, computed_level = @computed_level,
         level = COALESCE(override_level, @computed_level), match = @match, value_usd = @value_usd, factors = @factors, matches = @matches,
         digest = @digest, comment_deadline = @comment_deadline, adoption = @adoption, entry_into_force = @entry_into_force,
         next_deadline = @next_deadline, computed_at = @at
       WHERE uid = @uid`,
    );
    this.setState = db.prepare(
      `UPDATE warnings SET state = @state, close_reason = @reason, state_at = @at, state_by = @by, updated_at = @at, updated_by = @by WHERE uid = @uid`,
    );
    this.history = db.prepare(`INSERT INTO warning_history (warning_uid, at, actor_id, kind, score, level, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  private raise(uid: string, level: WarningLevel): void {
    this.summary.raisedHigh += 1;
    if (level === 'red') this.summary.raisedRed = (this.summary.raisedRed ?? 0) + 1;
    if (this.summary.raisedUids.length < MAX_RAISED_UIDS) this.summary.raisedUids.push(uid);
  }

  private close(uid: string, reason: CloseReason): void {
    this.setState.run({ uid, state: 'closed', reason, at: this.at, by: this.actor.uid });
    this.history.run(uid, this.at, this.actor.uid, 'state', null, null, 'closed', reason);
    this.summary.closed += 1;
  }

  /** Write every pair scored for one measure of the window (none: its open warnings in scope close). */
  writeMeasure(measureKey: string, pairs: readonly ScoredPair[]): void {
    const { at, actor, summary } = this;
    const by = actor.uid;
    const existing = new Map<string, Existing>();
    for (const r of this.byMeasure.all(measureKey) as Existing[]) existing.set(subjectKey(r.measure_key, r.target_kind, r.target_key), r);
    summary.scored += pairs.length;
    const seen = new Set<string>();
    for (const p of pairs) {
      const key = subjectKey(p.measure.key, p.targetKind, p.targetKey);
      seen.add(key);
      const cols = columnsOf(p, this.today);
      const digest = digestOf(p, cols);
      const withdrawn = p.measure.stage === 'withdrawn';
      const had = existing.get(key);
      if (!had) {
        // A withdrawn measure raises nothing new.
        if (withdrawn) continue;
        const uid = newUid(this.clock);
        this.insert.run({ ...cols, uid, at, by, measure_key: p.measure.key, target_kind: p.targetKind, target_key: p.targetKey, digest });
        this.history.run(uid, at, by, 'computed', cols.score, cols.computed_level, 'new', 'created');
        summary.created += 1;
        if (HIGH(cols.computed_level)) this.raise(uid, cols.computed_level);
        continue;
      }
      if (had.deleted) continue;
      if (had.digest === digest) summary.unchanged += 1;
      else {
        this.update.run({ ...cols, uid: had.uid, at, by, digest });
        summary.changed += 1;
        const level = had.override_level ?? cols.computed_level;
        if (had.computed_level !== cols.computed_level) {
          this.history.run(had.uid, at, by, 'computed', cols.score, cols.computed_level, null, `${had.computed_level} → ${cols.computed_level}`);
        }
        if (had.state !== 'closed' && !withdrawn && HIGH(level) && RANK[level] > RANK[had.level]) this.raise(had.uid, level);
      }
      if (withdrawn && had.state !== 'closed') this.close(had.uid, 'withdrawn');
      else if (!withdrawn && had.state === 'closed' && had.close_reason === 'noLongerMatches') {
        // The engine closed it; it matches again, so it is open again.
        this.setState.run({ uid: had.uid, state: 'new', reason: null, at, by });
        this.history.run(had.uid, at, by, 'state', cols.score, cols.computed_level, 'new', 'matches again');
        const level = had.override_level ?? cols.computed_level;
        if (HIGH(level)) this.raise(had.uid, level);
      }
    }
    for (const [key, w] of existing) {
      if (seen.has(key) || w.deleted || w.state === 'closed') continue;
      if (this.targets && !this.targets.has(`${w.target_kind}:${w.target_key}`)) continue;
      this.close(w.uid, 'noLongerMatches');
    }
  }
}
