import type { Database } from 'better-sqlite3';
import type { WarningPassSummary } from '../../../shared/contract/warnings';
import { todayOf, type Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { AppError } from '../errors';
import { loadMeasures, measuresInWindow } from './measures';
import { industriesByText, indexLines, measureScoring, scoreEnterprises, scoreIndustries } from './pair-scoring';
import { getWarningRules } from './rules';
import { CustomsValues, loadEnterprises, loadIndustries } from './targets';
import { WarningWriter } from './warning-write';

/** Which measures and targets a pass scores. */
export type WarningScope =
  /** Every measure in the rules' window against every enterprise and focus industry. */
  | { kind: 'all' }
  /** The measures these notifications belong to (an import's new and changed ones), against every target. */
  | { kind: 'notifications'; ids: readonly number[] }
  /** Every measure in the window against these enterprises (saved, imported or removed). */
  | { kind: 'enterprises'; uids: readonly string[] };

export interface WarningPassOptions {
  actor: Actor;
  clock: Clock;
  signal?: AbortSignal;
  onProgress?: (phase: 'loading' | 'scoring' | 'writing', done: number, total: number | null) => void;
}

/** The page cache for a pass (KiB, negative as SQLite takes it): 128 MB. */
const PASS_CACHE_SIZE = -131_072;
/** Measures between two progress reports while scoring. */
const PROGRESS_STEP = 250;

const cancelled = (): AppError => new AppError('CANCELLED', 'The warnings recomputation was cancelled; the warnings are as they were');

/**
 * Close the open warnings of enterprises that were removed (all of them for scope 'all', or
 * those of the scope's enterprises), whatever their measure: nothing is left to warn.
 */
function closeRemovedEnterprises(db: Database, scope: WarningScope, actor: Actor, at: string): number {
  if (scope.kind === 'notifications') return 0;
  // The removed enterprises first (few), then their open warnings by the target index.
  const removed = db
    .prepare('SELECT uid FROM enterprises WHERE deleted_at IS NOT NULL ORDER BY uid')
    .pluck()
    .all() as string[];
  const openOf = db.prepare(`SELECT uid FROM warnings WHERE target_kind = 'enterprise' AND target_key = ? AND deleted_at IS NULL AND state <> 'closed' ORDER BY id`).pluck();
  const wanted = scope.kind === 'enterprises' ? new Set(scope.uids) : null;
  const open = removed.filter((uid) => !wanted || wanted.has(uid)).flatMap((uid) => (openOf.all(uid) as string[]).map((w) => ({ uid: w, target_key: uid })));
  const close = db.prepare(
    `UPDATE warnings SET state = 'closed', close_reason = 'enterpriseRemoved', state_at = @at, state_by = @by, updated_at = @at, updated_by = @by WHERE uid = @uid`,
  );
  const history = db.prepare(`INSERT INTO warning_history (warning_uid, at, actor_id, kind, state, note) VALUES (?, ?, ?, 'state', 'closed', 'enterpriseRemoved')`);
  let closed = 0;
  for (const w of open) {
    close.run({ uid: w.uid, at, by: actor.uid });
    history.run(w.uid, at, actor.uid);
    closed += 1;
  }
  return closed;
}

/**
 * Score the measures of `scope` against their targets and write the warnings, in one
 * transaction: new warnings are made, changed ones updated (a level change kept in history),
 * warnings that no longer match or whose measure was withdrawn closed. Overrides, states and
 * response plans survive. Deterministic: the same store and clock give the same warnings.
 */
export function runWarningPass(db: Database, scope: WarningScope, options: WarningPassOptions): WarningPassSummary {
  const { clock, signal, onProgress, actor } = options;
  const rules = getWarningRules(db);
  const today = todayOf(clock);
  onProgress?.('loading', 0, null);
  if (scope.kind === 'notifications' && scope.ids.length === 0) {
    return { scored: 0, created: 0, changed: 0, closed: 0, unchanged: 0, raisedHigh: 0, raisedRed: 0, raisedUids: [] };
  }
  const window = measuresInWindow(db, scope.kind === 'notifications' ? scope.ids : null, rules, today);
  const measures = loadMeasures(db, window, signal);
  const enterprises = loadEnterprises(db, scope.kind === 'enterprises' ? scope.uids : null);
  const industries = loadIndustries(db);
  const customs = new CustomsValues(db);
  const index = indexLines(enterprises, industries);
  if (signal?.aborted) throw cancelled();

  // Scored and written a measure at a time in one transaction: the pairs of one measure are
  // all that is held in memory, and a cancel rolls the whole pass back.
  onProgress?.('scoring', 0, measures.length);
  const NO_TEXT_MATCHES = new Map<string, never>();
  const targets = scope.kind === 'enterprises' ? new Set(scope.uids.map((u) => `enterprise:${u}`)) : null;
  const writePass = db.transaction((): WarningPassSummary => {
    const removed = closeRemovedEnterprises(db, scope, actor, clock.now().toISOString());
    const writer = new WarningWriter(db, targets, actor, clock, today);
    measures.forEach((m, i) => {
      if (i % PROGRESS_STEP === 0) {
        if (signal?.aborted) throw cancelled();
        onProgress?.('scoring', i, measures.length);
      }
      // Words stand in for HS codes only where the measure gives none: a measure whose codes miss
      // a product is not about it because its text says "food" or "battery" somewhere.
      const byText = m.hsCodes.length === 0 ? industriesByText(m, industries) : NO_TEXT_MATCHES;
      const scoring = measureScoring(m, rules, today);
      const pairs = scoreEnterprises(m, enterprises, index, industries, byText, customs, rules, scoring);
      if (scope.kind !== 'enterprises') pairs.push(...scoreIndustries(m, industries, byText, customs, rules, scoring));
      writer.writeMeasure(m.key, pairs);
    });
    writer.finish();
    onProgress?.('writing', measures.length, measures.length);
    if (signal?.aborted) throw cancelled();
    return { ...writer.summary, closed: writer.summary.closed + removed };
  });
  // A full pass writes some 100,000 rows into seven indexes: like an import, it runs with a
  // larger page cache (a quarter less CPU on the benchmark store), given back afterwards.
  const previousCache = Number(db.pragma('cache_size', { simple: true }));
  if (previousCache > PASS_CACHE_SIZE) db.pragma(`cache_size = ${PASS_CACHE_SIZE}`);
  try {
    return writePass();
  } finally {
    if (previousCache > PASS_CACHE_SIZE) db.pragma(`cache_size = ${previousCache}`);
  }
}
