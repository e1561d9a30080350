import type { Database } from 'better-sqlite3';
import type { WarningPassSummary } from '../../../shared/contract/warnings';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';

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

/**
 * Score the measures of `scope` against their targets and write the warnings, in one
 * transaction: new warnings are made, changed ones updated (a level change kept in history),
 * warnings that no longer match or whose measure was withdrawn closed. Overrides, states and
 * response plans survive. Deterministic: the same store and clock give the same warnings.
 */
export function runWarningPass(_db: Database, _scope: WarningScope, _options: WarningPassOptions): WarningPassSummary {
  // Until the engine lands: a pass that scores nothing.
  return { scored: 0, created: 0, changed: 0, closed: 0, unchanged: 0, raisedHigh: 0, raisedUids: [] };
}
