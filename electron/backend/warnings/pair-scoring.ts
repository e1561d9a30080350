import type { MatchDepth, MatchQuality, WarningMatch, WarningRules } from '../../../shared/contract';
import type { TextEvidence } from '../../../shared/domain/measure-nature';
import { matchDepth, scoreWarning, type ScoreResult } from '../../../shared/domain/warning-score';
import type { Measure } from './measures';
import type { CustomsValues, EnterpriseTarget, IndustryTarget, TargetLine } from './targets';

/** One measure × target the engine found and scored. */
export interface ScoredPair {
  measure: Measure;
  targetKind: 'enterprise' | 'industry';
  targetKey: string;
  result: ScoreResult;
  match: MatchQuality;
  matches: WarningMatch[];
  valueUsd: number | null;
  /** Focus industry codes reached, sorted. */
  industries: string[];
}

const DEPTH_RANK: Record<MatchDepth, number> = { line: 4, heading: 3, chapter: 2, text: 1 };
const QUALITY: Record<MatchDepth, MatchQuality> = { line: 'direct', heading: 'broad', chapter: 'broad', text: 'text' };
/** The most match lines kept on one warning (the explanation lists them; the value counts all). */
const MAX_MATCHES = 50;

const overlaps = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

/**
 * An industry's prefix and a measure's code: a measure code inside the industry's prefix
 * (8418 covers 841810) is that code's own depth, since the whole line belongs to the
 * industry; otherwise the shared leading digits, as for an enterprise's product.
 */
function industryDepth(prefix: string, measureCode: string): Exclude<MatchDepth, 'text'> | null {
  if (measureCode.startsWith(prefix)) return measureCode.length >= 6 ? 'line' : measureCode.length >= 4 ? 'heading' : 'chapter';
  return matchDepth(prefix, measureCode);
}

const ASCII = /^[\x20-\x7e]+$/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The focus industries whose words the measure's text holds, with those words. */
export function industriesByText(measure: Measure, industries: readonly IndustryTarget[]): Map<string, TextEvidence[]> {
  const found = new Map<string, TextEvidence[]>();
  for (const ind of industries) {
    const words = ind.keywords.filter((k) => {
      const lower = k.toLowerCase();
      return ASCII.test(lower) ? new RegExp(`(?:^|[^a-z0-9])${escape(lower)}(?:$|[^a-z0-9])`).test(measure.text) : measure.text.includes(lower);
    });
    if (words.length > 0) found.set(ind.code, words.map((w) => ({ symbol: measure.symbols[0] ?? '', field: 'text', text: w })));
  }
  return found;
}

/** Enterprise lines by the chapter (first 2 digits) of their product, for candidate lookup. */
export type LineIndex = Map<string, Array<{ enterprise: number; line: number }>>;

export function indexLines(enterprises: readonly EnterpriseTarget[]): LineIndex {
  const index: LineIndex = new Map();
  enterprises.forEach((e, ei) =>
    e.lines.forEach((l, li) => {
      const ch = l.hsCode.slice(0, 2);
      const list = index.get(ch) ?? [];
      list.push({ enterprise: ei, line: li });
      index.set(ch, list);
    }),
  );
  return index;
}

interface LineHit {
  line: TargetLine;
  depth: MatchDepth;
  measureCode: string | null;
}

/** The shared part of a score input: everything that depends on the measure alone. */
function measureFacts(m: Measure, today: string) {
  return {
    today,
    nature: m.nature,
    deviation: m.deviation,
    commentDeadline: m.commentDeadline,
    entryIntoForce: m.entryIntoForce,
    adoption: m.adoption,
    stage: m.stage,
    stageEvidence: m.stageEvidence,
  };
}

/**
 * Every enterprise the measure reaches: HS matches through the line index (only lines whose
 * market the measure covers), else text matches through the focus industries whose words the
 * measure holds and which cover the line's product.
 */
export function scoreEnterprises(
  m: Measure,
  enterprises: readonly EnterpriseTarget[],
  index: LineIndex,
  industries: readonly IndustryTarget[],
  textIndustries: Map<string, TextEvidence[]>,
  customs: CustomsValues,
  rules: WarningRules,
  today: string,
): ScoredPair[] {
  const members = new Set(m.members);
  const hits = new Map<number, Map<number, LineHit>>();
  for (const code of m.hsCodes) {
    for (const { enterprise, line } of index.get(code.slice(0, 2)) ?? []) {
      const l = enterprises[enterprise]!.lines[line]!;
      if (!members.has(l.market)) continue;
      const depth = matchDepth(l.hsCode, code);
      if (!depth) continue;
      const byLine = hits.get(enterprise) ?? new Map<number, LineHit>();
      const had = byLine.get(line);
      if (!had || DEPTH_RANK[depth] > DEPTH_RANK[had.depth]) byLine.set(line, { line: l, depth, measureCode: code });
      hits.set(enterprise, byLine);
    }
  }
  const textCodes = [...textIndustries.keys()];
  const textPrefixes = industries.filter((i) => textIndustries.has(i.code));
  const out: ScoredPair[] = [];
  enterprises.forEach((e, ei) => {
    const byLine = hits.get(ei);
    let lineHits: LineHit[];
    let evidence: TextEvidence[] = [];
    const reached = new Set<string>();
    let focus: string | null = null;
    if (byLine) {
      lineHits = [...byLine.entries()].sort(([a], [b]) => a - b).map(([, h]) => h);
      for (const ind of industries) {
        const covers = lineHits.some((h) => ind.hsCodes.some((p) => h.line.hsCode.startsWith(p)));
        if (covers && ind.hsCodes.some((p) => m.hsCodes.some((c) => overlaps(c, p)))) {
          reached.add(ind.code);
          focus ??= ind.code;
        }
      }
    } else {
      if (textCodes.length === 0) return;
      lineHits = [];
      for (const l of e.lines) {
        if (!members.has(l.market)) continue;
        const ind = textPrefixes.find((i) => i.hsCodes.some((p) => l.hsCode.startsWith(p)));
        if (!ind) continue;
        lineHits.push({ line: l, depth: 'text', measureCode: null });
        reached.add(ind.code);
        evidence = [...evidence, ...(textIndustries.get(ind.code) ?? []).filter((w) => !evidence.some((x) => x.text === w.text))];
      }
      if (lineHits.length === 0) return;
    }
    const best = lineHits.reduce((a, h) => (DEPTH_RANK[h.depth] > DEPTH_RANK[a.depth] ? h : a), lineHits[0]!);
    let usd: number | null = null;
    const sources = new Set<string>();
    const matches: WarningMatch[] = lineHits.map((h) => {
      const own = h.line.annualUsd;
      const value = own ?? customs.line(h.line.hsCode, h.line.market);
      const valueSource = own !== null ? 'enterprise' : value !== null ? 'customs' : 'none';
      if (value !== null) {
        usd = (usd ?? 0) + value;
        sources.add(valueSource);
      }
      return { hsCode: h.line.hsCode, market: h.line.market, depth: h.depth, measureCode: h.measureCode, valueUsd: value, valueSource };
    });
    const source = sources.size === 0 ? undefined : sources.size > 1 ? 'mixed' : ([...sources][0] as 'enterprise' | 'customs');
    const result = scoreWarning(
      {
        ...measureFacts(m, today),
        exposure: { target: 'enterprise', usd, ...(source ? { source } : {}) },
        match: { depth: best.depth, hsCode: best.depth === 'text' ? null : best.line.hsCode, measureCode: best.measureCode, evidence },
        focusIndustry: focus,
      },
      rules,
    );
    out.push({
      measure: m,
      targetKind: 'enterprise',
      targetKey: e.uid,
      result,
      match: QUALITY[best.depth],
      matches: matches.slice(0, MAX_MATCHES),
      valueUsd: usd,
      industries: [...reached].sort(),
    });
  });
  return out;
}

/** Every focus industry the measure reaches: by its HS prefixes, else by its words. */
export function scoreIndustries(
  m: Measure,
  industries: readonly IndustryTarget[],
  textIndustries: Map<string, TextEvidence[]>,
  customs: CustomsValues,
  rules: WarningRules,
  today: string,
): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (const ind of industries) {
    let best: { depth: MatchDepth; prefix: string; code: string | null } | null = null;
    const hitPrefixes = new Map<string, { depth: MatchDepth; code: string }>();
    for (const p of ind.hsCodes) {
      for (const c of m.hsCodes) {
        const depth = industryDepth(p, c);
        if (!depth) continue;
        const had = hitPrefixes.get(p);
        if (!had || DEPTH_RANK[depth] > DEPTH_RANK[had.depth]) hitPrefixes.set(p, { depth, code: c });
        if (!best || DEPTH_RANK[depth] > DEPTH_RANK[best.depth]) best = { depth, prefix: p, code: c };
      }
    }
    const words = textIndustries.get(ind.code);
    if (!best) {
      if (!words) continue;
      best = { depth: 'text', prefix: '', code: null };
    }
    const prefixes = best.depth === 'text' ? ind.hsCodes.map((p) => [p, { depth: 'text' as MatchDepth, code: null }] as const) : [...hitPrefixes.entries()];
    let usd: number | null = null;
    const matches: WarningMatch[] = [];
    for (const [p, hit] of prefixes) {
      for (const member of m.members) {
        const value = customs.prefix(p, member);
        if (value !== null) usd = (usd ?? 0) + value;
        matches.push({ hsCode: p, market: member, depth: hit.depth, measureCode: hit.code, valueUsd: value, valueSource: value === null ? 'none' : 'customs' });
      }
    }
    const result = scoreWarning(
      {
        ...measureFacts(m, today),
        exposure: { target: 'industry', usd, ...(usd !== null ? { source: 'customs' as const } : {}) },
        match: { depth: best.depth, hsCode: best.depth === 'text' ? null : best.prefix, measureCode: best.code, evidence: best.depth === 'text' ? (words ?? []) : [] },
        // A focus industry's own warning is about that industry by definition.
        focusIndustry: ind.code,
      },
      rules,
    );
    out.push({
      measure: m,
      targetKind: 'industry',
      targetKey: ind.code,
      result,
      match: QUALITY[best.depth],
      matches: matches.slice(0, MAX_MATCHES),
      valueUsd: usd,
      industries: [ind.code],
    });
  }
  return out;
}
