import type { Database } from 'better-sqlite3';
import type { PeriodNotification } from './report-scope';

/** One HS line China exports to one destination, and the measures of the period on it. */
export interface ExposureLine {
  hsCode: string;
  destination: string;
  valueUsd: number;
  /** Distinct measures (base symbols) of that destination whose HS codes meet the line. */
  measures: string[];
}

/**
 * The incidence indicators (UNCTAD/WITS) over the lines China exports to the member(s), in the
 * latest year the customs figures hold for them:
 * - coverage ratio CR = Σ D_i·M_i / Σ M_i (null when the lines carry no value at all);
 * - frequency index FI = Σ D_i / lines;
 * - prevalence score PS = Σ N_i / lines.
 * A line is one HS code × destination, so that for a bloc each member's own measures fall on
 * its own trade. Null when no customs figures are on file for the member(s).
 */
export interface ExposureFigures {
  year: number;
  lines: number;
  totalUsd: number;
  covered: ExposureLine[];
  coveredUsd: number;
  coverageRatio: number | null;
  frequencyIndex: number;
  prevalenceScore: number;
}

/**
 * Codes meet when one is a prefix of the other: a measure naming heading 8507 covers the line
 * 850760, and one naming 85076010 falls within it.
 */
function meets(line: string, code: string): boolean {
  return line.startsWith(code) || code.startsWith(line);
}

export function exposureFigures(db: Database, members: readonly string[], measures: readonly PeriodNotification[]): ExposureFigures | null {
  if (members.length === 0) return null;
  const marks = members.map(() => '?').join(', ');
  const year = db.prepare(`SELECT max(year) FROM trade_exposure WHERE destination IN (${marks})`).pluck().get(...members) as number | null;
  if (year === null) return null;
  const rows = db
    .prepare(`SELECT hs_code, destination, value_usd FROM trade_exposure WHERE year = ? AND destination IN (${marks}) ORDER BY destination, hs_code`)
    .all(year, ...members) as Array<{ hs_code: string; destination: string; value_usd: number }>;
  const byMember = new Map<string, Array<{ base: string; codes: string[] }>>();
  for (const n of measures) {
    if (n.hsCodes.length === 0) continue;
    byMember.set(n.memberCode, [...(byMember.get(n.memberCode) ?? []), { base: n.baseSymbol, codes: n.hsCodes }]);
  }
  let totalUsd = 0;
  let coveredUsd = 0;
  let prevalence = 0;
  const covered: ExposureLine[] = [];
  for (const r of rows) {
    totalUsd += r.value_usd;
    const on = new Set((byMember.get(r.destination) ?? []).filter((m) => m.codes.some((c) => meets(r.hs_code, c))).map((m) => m.base));
    if (on.size === 0) continue;
    coveredUsd += r.value_usd;
    prevalence += on.size;
    covered.push({ hsCode: r.hs_code, destination: r.destination, valueUsd: r.value_usd, measures: [...on].sort() });
  }
  const lines = rows.length;
  return {
    year,
    lines,
    totalUsd,
    covered: covered.sort((a, b) => b.valueUsd - a.valueUsd || a.hsCode.localeCompare(b.hsCode)),
    coveredUsd,
    coverageRatio: totalUsd === 0 ? null : coveredUsd / totalUsd,
    frequencyIndex: lines === 0 ? 0 : covered.length / lines,
    prevalenceScore: lines === 0 ? 0 : prevalence / lines,
  };
}
