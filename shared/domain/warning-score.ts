import type { MatchDepth, MeasureNature, MeasureStage, WarningFactor, WarningFactorKey, WarningLevel, WarningRules } from '../contract/warnings';
import { dayNumber, daysLeft } from './deadline';
import { NATURE_FRACTION, type TextEvidence } from './measure-nature';

/**
 * The risk score of one measure against one target (an enterprise or a focus industry).
 *
 * Each factor finds a fraction f in [0, 1]; it earns round(weight × f) points (halves round
 * up), and the score is the sum, at most 100 because the rules' weights add up to at most 100.
 * The level is red from thresholds.red, orange from thresholds.orange, yellow from
 * thresholds.yellow, blue below. The README's "Risk warnings: how a score is made" works an
 * example through.
 */

/** What the engine knows of one measure × target pair; everything the score reads. */
export interface ScoreInput {
  /** Today (YYYY-MM-DD) by the clock. */
  today: string;
  /**
   * Exports at stake in USD (null: unknown). For an enterprise, its matched lines; for a focus
   * industry, China's customs exports of its codes to the members covered.
   */
  exposure: { target: 'enterprise' | 'industry'; usd: number | null; source?: 'enterprise' | 'customs' | 'mixed' };
  /** The best match found (the engine raises no warning without one). */
  match: { depth: MatchDepth; hsCode: string | null; measureCode: string | null; evidence: TextEvidence[] };
  nature: { nature: MeasureNature; evidence: TextEvidence[] };
  /** Words stating a deviation from an international standard (empty: none stated). */
  deviation: TextEvidence[];
  commentDeadline: string | null;
  entryIntoForce: string | null;
  /** The adoption date, or else the distribution of the addendum announcing adoption. */
  adoption: string | null;
  stage: MeasureStage;
  stageEvidence: TextEvidence[];
  /** The focus industry the measure's codes share with the target's matched product, if any. */
  focusIndustry: string | null;
}

export interface ScoreResult {
  score: number;
  level: WarningLevel;
  /** In the order of WARNING_FACTORS. */
  factors: WarningFactor[];
}

/** Enterprise figures (USD a year): ≥ 10 M → 1, ≥ 1 M → 0.75, ≥ 100 k → 0.5, > 0 → 0.25, 0 → 0; unknown → 0.25. */
export const ENTERPRISE_EXPOSURE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [10_000_000, 1],
  [1_000_000, 0.75],
  [100_000, 0.5],
];
/** China's exports for a focus industry: the enterprise bands × 100 (≥ 1 bn → 1, ≥ 100 M → 0.75, ≥ 10 M → 0.5). */
export const INDUSTRY_EXPOSURE_BANDS: ReadonlyArray<readonly [number, number]> = ENTERPRISE_EXPOSURE_BANDS.map(([usd, f]) => [usd * 100, f] as const);
/** Exports of unknown value still count a little: the product is exported there. */
export const UNKNOWN_EXPOSURE_FRACTION = 0.25;

/** Same line (6+ digits shared) 1, heading (4-5) 0.6, chapter (2-3) 0.3, only words of the text 0.15. */
export const MATCH_FRACTION: Record<MatchDepth, number> = { line: 1, heading: 0.6, chapter: 0.3, text: 0.15 };

/** Days left for comments: ≤ 14 → 1, ≤ 30 → 0.75, ≤ 60 → 0.5, more → 0.25; closed or none → 0. */
export const COMMENT_WINDOW_BANDS: ReadonlyArray<readonly [number, number]> = [
  [14, 1],
  [30, 0.75],
  [60, 0.5],
];
export const COMMENT_WINDOW_LONG = 0.25;

/** Days to entry into force: ≤ 90 → 1, ≤ 180 → 0.6, later → 0.3; already in force → 0.5; unknown → 0. */
export const ENTRY_INTO_FORCE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [90, 1],
  [180, 0.6],
];
export const ENTRY_INTO_FORCE_LATER = 0.3;
export const ENTRY_INTO_FORCE_IN_FORCE = 0.5;

/** Less than this many calendar months from adoption to entry into force (TBT Art. 2.12, SPS Annex B.2) scores 1. */
export const REASONABLE_INTERVAL_MONTHS = 6;

/** Later documents: adopted 0.6, in force 1, comments extended 0.3, draft 0, withdrawn 0 (the warning closes). */
export const STAGE_FRACTION: Record<MeasureStage, number> = { draft: 0, commentsExtended: 0.3, adopted: 0.6, inForce: 1, withdrawn: 0 };

/** The level a score reaches under `thresholds`. */
export function levelOf(score: number, thresholds: WarningRules['thresholds']): WarningLevel {
  if (score >= thresholds.red) return 'red';
  if (score >= thresholds.orange) return 'orange';
  if (score >= thresholds.yellow) return 'yellow';
  return 'blue';
}

/**
 * How deep a target's HS code and a measure's meet: the leading digits they share, capped at
 * the measure code's length, as line (≥ 6), heading (4-5: the same heading, or a measure on the
 * whole heading) or chapter, or null.
 * A chapter match counts only when the measure names the chapter itself (a measure on chapter
 * 03 reaches 030389): two products that merely sit in the same chapter (8504.40 inverters and
 * 8507.60 batteries, both in 85) are not the same goods, and counting them made a hundred broad
 * warnings per exporter, burying the ones that matter.
 */
export function matchDepth(targetCode: string, measureCode: string): Exclude<MatchDepth, 'text'> | null {
  const n = Math.min(targetCode.length, measureCode.length);
  let shared = 0;
  while (shared < n && targetCode[shared] === measureCode[shared]) shared++;
  if (shared >= 6) return 'line';
  if (shared >= 4) return 'heading';
  if (shared >= 2 && shared === measureCode.length) return 'chapter';
  return null;
}

/** Whole calendar months from `from` to `to` (YYYY-MM-DD): 2026-01-31 → 2026-07-30 is 5. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}

const band = (x: number, bands: ReadonlyArray<readonly [number, number]>, atLeast: boolean): number | null => {
  for (const [limit, f] of bands) if (atLeast ? x >= limit : x <= limit) return f;
  return null;
};

function factor(
  key: WarningFactorKey,
  rules: WarningRules,
  f: number,
  value: string,
  params: WarningFactor['params'] = {},
  evidence: TextEvidence[] = [],
): WarningFactor {
  const max = rules.weights[key];
  return { key, value, params, points: Math.round(max * f), max, evidence };
}

function exposureFactor(input: ScoreInput, rules: WarningRules): WarningFactor {
  const { usd, target, source } = input.exposure;
  const params = { ...(source ? { source } : {}) };
  if (usd === null) return factor('exposure', rules, UNKNOWN_EXPOSURE_FRACTION, 'unknown', params);
  if (usd <= 0) return factor('exposure', rules, 0, 'usd', { ...params, usd: 0 });
  const bands = target === 'enterprise' ? ENTERPRISE_EXPOSURE_BANDS : INDUSTRY_EXPOSURE_BANDS;
  return factor('exposure', rules, band(usd, bands, true) ?? UNKNOWN_EXPOSURE_FRACTION, 'usd', { ...params, usd: Math.round(usd) });
}

function commentWindowFactor(input: ScoreInput, rules: WarningRules): WarningFactor {
  const days = daysLeft(input.commentDeadline, input.today);
  if (days === null) return factor('commentWindow', rules, 0, 'none');
  if (days < 0) return factor('commentWindow', rules, 0, 'closed', { date: input.commentDeadline });
  return factor('commentWindow', rules, band(days, COMMENT_WINDOW_BANDS, false) ?? COMMENT_WINDOW_LONG, 'days', { days, date: input.commentDeadline });
}

function entryIntoForceFactor(input: ScoreInput, rules: WarningRules): WarningFactor {
  const days = daysLeft(input.entryIntoForce, input.today);
  const inForce = input.stage === 'inForce' || input.stage === 'adopted';
  if (days === null) {
    return input.stage === 'inForce' ? factor('entryIntoForce', rules, ENTRY_INTO_FORCE_IN_FORCE, 'inForce') : factor('entryIntoForce', rules, 0, 'unknown');
  }
  // The date has come: it counts only when the measure was adopted (a draft's proposed date that passed says nothing).
  if (days <= 0) return factor('entryIntoForce', rules, inForce ? ENTRY_INTO_FORCE_IN_FORCE : 0, inForce ? 'inForce' : 'passed', { days, date: input.entryIntoForce });
  return factor('entryIntoForce', rules, band(days, ENTRY_INTO_FORCE_BANDS, false) ?? ENTRY_INTO_FORCE_LATER, 'days', { days, date: input.entryIntoForce });
}

function shortIntervalFactor(input: ScoreInput, rules: WarningRules): WarningFactor {
  const { adoption, entryIntoForce } = input;
  if (!adoption || !entryIntoForce || dayNumber(adoption) === null || dayNumber(entryIntoForce) === null) return factor('shortInterval', rules, 0, 'unknown');
  const months = monthsBetween(adoption, entryIntoForce);
  return factor('shortInterval', rules, months < REASONABLE_INTERVAL_MONTHS ? 1 : 0, 'months', { months, adoption, entryIntoForce });
}

/** The factors that depend on the measure alone, the same for every target it reaches. */
export interface MeasureFactors {
  nature: WarningFactor;
  deviation: WarningFactor;
  commentWindow: WarningFactor;
  entryIntoForce: WarningFactor;
  shortInterval: WarningFactor;
  laterDocuments: WarningFactor;
}

/** What the measure-only factors read from a score input. */
export type MeasureFactsInput = Omit<ScoreInput, 'exposure' | 'match' | 'focusIndustry'>;

/**
 * The six factors of the measure alone. The engine works them out once per measure and hands
 * them to scoreWarning for each target, so a measure reaching 200 enterprises reads its dates
 * and words once (the factor objects are then shared between those warnings).
 */
export function measureFactors(input: MeasureFactsInput, rules: WarningRules): MeasureFactors {
  const whole = input as ScoreInput;
  return {
    nature: factor('nature', rules, NATURE_FRACTION[input.nature.nature], input.nature.nature, {}, input.nature.evidence),
    deviation: input.deviation.length > 0 ? factor('deviation', rules, 1, 'stated', {}, input.deviation) : factor('deviation', rules, 0, 'none'),
    commentWindow: commentWindowFactor(whole, rules),
    entryIntoForce: entryIntoForceFactor(whole, rules),
    shortInterval: shortIntervalFactor(whole, rules),
    laterDocuments: factor('laterDocuments', rules, STAGE_FRACTION[input.stage], input.stage, {}, input.stageEvidence),
  };
}

/**
 * Score one measure × target pair under `rules`. Pure: the same input gives the same result.
 * `measure`: the measure's own factors, when already worked out from the same input.
 */
export function scoreWarning(input: ScoreInput, rules: WarningRules, measure: MeasureFactors = measureFactors(input, rules)): ScoreResult {
  const { match } = input;
  const factors: WarningFactor[] = [
    exposureFactor(input, rules),
    factor(
      'match',
      rules,
      MATCH_FRACTION[match.depth],
      match.depth,
      match.depth === 'text' ? {} : { hsCode: match.hsCode, measureCode: match.measureCode },
      match.depth === 'text' ? match.evidence : [],
    ),
    measure.nature,
    measure.deviation,
    measure.commentWindow,
    measure.entryIntoForce,
    measure.shortInterval,
    input.focusIndustry ? factor('focusIndustry', rules, 1, 'industry', { industry: input.focusIndustry }) : factor('focusIndustry', rules, 0, 'none'),
    measure.laterDocuments,
  ];
  const score = Math.min(100, factors.reduce((sum, f) => sum + f.points, 0));
  return { score, level: levelOf(score, rules.thresholds), factors };
}
