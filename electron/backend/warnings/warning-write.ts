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

/** One key for a warning's subject (measure, target kind, target), as the unique index has it. */
export const subjectKey = (measureKey: string, kind: string, key: string): string => `${measureKey}\u0000${kind}\u0000${key}`;

/** The nearest date still ahead: the comment deadline, else the entry into force. */
export function nextDeadline(commentDeadline: string | null, entryIntoForce: string | null, today: string): string | null {
  const ahead = [commentDeadline, entryIntoForce].filter((d): d is string => d !== null && d >= today).sort();
  return ahead[0] ?? null;
}

/** A stored value as the digest reads it: every value ended by a separator no value holds. */
const digestPart = (v: string | number | null): string => `${v === null ? '\u0000null' : String(v)}\u0001`;

/** Where the target's own factors sit in a score's factors (exposure, match, focus industry); the rest are the measure's. */
const TARGET_FACTORS = [0, 1, 7] as const;
const MEASURE_FACTORS = [2, 3, 4, 5, 6, 8] as const;

/**
 * What every warning of one measure stores alike, worked out once per measure: a measure
 * reaching 200 enterprises stringifies its symbols, its six factors (the nature's evidence makes
 * them two thirds of the factors' text) and hashes its columns once, not 200 times.
 */
interface MeasurePart {
  notificationId: number;
  symbols: string;
  members: string;
  nextDeadline: string | null;
  /** The measure's own factors as stored, by their index in a score's factors. */
  factorJson: Map<number, string>;
  /** The digest of the measure's columns and factors, which each warning's digest starts from. */
  digest: string;
}

function measurePartOf(p: ScoredPair, today: string): MeasurePart {
  const m = p.measure;
  const symbols = JSON.stringify(m.symbols);
  const members = joinList(m.members);
  const next = nextDeadline(m.commentDeadline, m.entryIntoForce, today);
  const factorJson = new Map<number, string>();
  for (const i of MEASURE_FACTORS) factorJson.set(i, JSON.stringify(p.result.factors[i]));
  // The measure's columns in a fixed order (notification to next deadline), then its factors,
  // each as a one-item list: the digests stored so far were taken over exactly this text.
  const text =
    [m.notificationId, symbols, m.area, members, m.stage, m.commentDeadline, m.adoption, m.entryIntoForce, next].map(digestPart).join('') +
    MEASURE_FACTORS.map((i) => `[${factorJson.get(i)!}]\u0001`).join('');
  return { notificationId: m.notificationId, symbols, members, nextDeadline: next, factorJson, digest: crypto.hash('sha1', text, 'base64') };
}

/** What one warning stores of its target: the columns a recomputation writes beside the measure's. */
interface TargetPart {
  industries: string;
  /** The target's own factors as stored (exposure, match, focus industry). */
  own: string[];
  matches: string;
  digest: string;
}

function targetPartOf(p: ScoredPair, measure: MeasurePart): TargetPart {
  const own = TARGET_FACTORS.map((i) => JSON.stringify(p.result.factors[i]));
  const industries = joinList(p.industries);
  const matches = JSON.stringify(p.matches);
  // The measure's digest, then the target's factors and columns (industries to matches), in the
  // order the stored digests were taken in: an unchanged warning keeps its digest.
  const text =
    measure.digest +
    own.map((json) => `[${json}]\u0001`).join('') +
    [industries, p.result.score, p.result.level, p.match, p.valueUsd, matches].map(digestPart).join('');
  return { industries, own, matches, digest: crypto.hash('sha1', text, 'base64') };
}

/** The factors as stored, in the order of a score's factors: the target's own and the measure's shared ones. */
function storedFactors(measure: MeasurePart, target: TargetPart): string {
  const shared = (i: number): string => measure.factorJson.get(i)!;
  const [exposure, match, focus] = target.own;
  return `[${[exposure, match, shared(2), shared(3), shared(4), shared(5), shared(6), focus, shared(8)].join(',')}]`;
}

/** The values a recomputation writes, in the order of WRITTEN_COLUMNS. */
function writtenValues(p: ScoredPair, measure: MeasurePart, target: TargetPart): Array<string | number | null> {
  const m = p.measure;
  return [
    measure.notificationId,
    measure.symbols,
    m.area,
    measure.members,
    target.industries,
    m.stage,
    p.result.score,
    p.result.level,
    p.match,
    p.valueUsd,
    storedFactors(measure, target),
    target.matches,
    target.digest,
    m.commentDeadline,
    m.adoption,
    m.entryIntoForce,
    measure.nextDeadline,
  ];
}
const WRITTEN_COLUMNS = [
  'notification_id',
  'symbols',
  'area',
  'members',
  'industries',
  'stage',
  'score',
  'computed_level',
  'match',
  'value_usd',
  'factors',
  'matches',
  'digest',
  'comment_deadline',
  'adoption',
  'entry_into_force',
  'next_deadline',
] as const;
const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

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
  private readonly createdHistory;
  /** The highest warning id before the pass: every warning above it was made by the pass. */
  private readonly lastIdBefore: number;

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
      `INSERT INTO warnings (uid, created_at, created_by, updated_at, updated_by, computed_at, measure_key, target_kind, target_key, level, state,
         ${WRITTEN_COLUMNS.join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ${placeholders(WRITTEN_COLUMNS.length)})`,
    );
    this.update = db.prepare(
      `UPDATE warnings SET updated_at = ?, updated_by = ?, computed_at = ?, level = COALESCE(override_level, ?),
         ${WRITTEN_COLUMNS.map((c) => `${c} = ?`).join(', ')}
       WHERE uid = ?`,
    );
    this.setState = db.prepare(
      `UPDATE warnings SET state = @state, close_reason = @reason, state_at = @at, state_by = @by, updated_at = @at, updated_by = @by WHERE uid = @uid`,
    );
    this.history = db.prepare(`INSERT INTO warning_history (warning_uid, at, actor_id, kind, score, level, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.lastIdBefore = db.prepare('SELECT coalesce(max(id), 0) FROM warnings').pluck().get() as number;
    this.createdHistory = db.prepare(
      `INSERT INTO warning_history (warning_uid, at, actor_id, kind, score, level, state, note)
       SELECT uid, ?, ?, 'computed', score, computed_level, 'new', 'created' FROM warnings WHERE id > ? ORDER BY id`,
    );
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

  /**
   * The 'created' history row of every warning the pass made, in the order they were made, in
   * one statement after the last measure (a row at a time they took 0.25-0.35 s of the bench's
   * full pass). New rows take the table's highest id plus one, so the pass's warnings are those
   * above the highest before it. The history of each warning keeps its order: a warning made in
   * this pass has no other row from it.
   */
  finish(): void {
    if (this.summary.created > 0) this.createdHistory.run(this.at, this.actor.uid, this.lastIdBefore);
  }

  /**
   * Write every pair scored for one measure of the window (none: its open warnings in scope
   * close). The pairs are one measure's, scored with its one set of measure factors
   * (measureScoring), so what they store alike is worked out from the first.
   */
  writeMeasure(measureKey: string, pairs: readonly ScoredPair[]): void {
    const { at, actor, summary } = this;
    const by = actor.uid;
    const existing = new Map<string, Existing>();
    for (const r of this.byMeasure.all(measureKey) as Existing[]) existing.set(subjectKey(r.measure_key, r.target_kind, r.target_key), r);
    summary.scored += pairs.length;
    const seen = new Set<string>();
    const measure = pairs.length > 0 ? measurePartOf(pairs[0]!, this.today) : null;
    for (const p of pairs) {
      const key = subjectKey(p.measure.key, p.targetKind, p.targetKey);
      seen.add(key);
      const target = targetPartOf(p, measure!);
      const { score, level: computed } = p.result;
      const withdrawn = p.measure.stage === 'withdrawn';
      const had = existing.get(key);
      if (!had) {
        // A withdrawn measure raises nothing new.
        if (withdrawn) continue;
        const uid = newUid(this.clock);
        // Positional parameters: binding some 25 named ones from an object, for each of 25,000
        // warnings, cost about as much as SQLite's own work on the rows.
        this.insert.run(uid, at, by, at, by, at, p.measure.key, p.targetKind, p.targetKey, computed, ...writtenValues(p, measure!, target));
        summary.created += 1;
        if (HIGH(computed)) this.raise(uid, computed);
        continue;
      }
      if (had.deleted) continue;
      if (had.digest === target.digest) summary.unchanged += 1;
      else {
        this.update.run(at, by, at, computed, ...writtenValues(p, measure!, target), had.uid);
        summary.changed += 1;
        const level = had.override_level ?? computed;
        if (had.computed_level !== computed) {
          this.history.run(had.uid, at, by, 'computed', score, computed, null, `${had.computed_level} → ${computed}`);
        }
        if (had.state !== 'closed' && !withdrawn && HIGH(level) && RANK[level] > RANK[had.level]) this.raise(had.uid, level);
      }
      if (withdrawn && had.state !== 'closed') this.close(had.uid, 'withdrawn');
      else if (!withdrawn && had.state === 'closed' && had.close_reason === 'noLongerMatches') {
        // The engine closed it; it matches again, so it is open again.
        this.setState.run({ uid: had.uid, state: 'new', reason: null, at, by });
        this.history.run(had.uid, at, by, 'state', score, computed, 'new', 'matches again');
        const level = had.override_level ?? computed;
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
