import type { MatchDepth, MatchQuality, WarningMatch, WarningRules } from '../../../shared/contract';
import type { TextEvidence } from '../../../shared/domain/measure-nature';
import { matchDepth, measureFactors, scoreWarning, type MeasureFactors, type ScoreResult } from '../../../shared/domain/warning-score';
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

const keywordPatterns = new Map<string, RegExp>();
/** A keyword's test: whole words for Latin script, a plain substring for Chinese. */
function keywordFound(keyword: string, text: string): boolean {
  const lower = keyword.toLowerCase();
  if (!ASCII.test(lower)) return text.includes(lower);
  if (!text.includes(lower)) return false;
  let pattern = keywordPatterns.get(lower);
  if (!pattern) keywordPatterns.set(lower, (pattern = new RegExp(`(?:^|[^a-z0-9])${escape(lower)}(?:$|[^a-z0-9])`)));
  return pattern.test(text);
}

/** The focus industries whose words the measure's text holds, with those words. */
export function industriesByText(measure: Measure, industries: readonly IndustryTarget[]): Map<string, TextEvidence[]> {
  const found = new Map<string, TextEvidence[]>();
  for (const ind of industries) {
    const words = ind.keywords.filter((k) => keywordFound(k, measure.text));
    if (words.length > 0) found.set(ind.code, words.map((w) => ({ symbol: measure.symbols[0] ?? '', field: 'text', text: w })));
  }
  return found;
}

/** Where an enterprise line sits: its enterprise's and its own place in the loaded targets. */
export interface LineRef {
  enterprise: number;
  line: number;
}

/**
 * The loaded enterprises' lines, by chapter (first 2 digits) and market, and by focus industry
 * and market: a measure looks only at the lines in the markets it covers.
 */
export interface LineIndex {
  byChapter: Map<string, LineRef[]>;
  byIndustry: Map<string, LineRef[]>;
}

const at = (key: string, market: string): string => `${key}|${market}`;

export function indexLines(enterprises: readonly EnterpriseTarget[], industries: readonly IndustryTarget[]): LineIndex {
  const byChapter = new Map<string, LineRef[]>();
  const byIndustry = new Map<string, LineRef[]>();
  const add = (map: Map<string, LineRef[]>, key: string, ref: LineRef): void => {
    const list = map.get(key);
    if (list) list.push(ref);
    else map.set(key, [ref]);
  };
  enterprises.forEach((e, enterprise) =>
    e.lines.forEach((l, line) => {
      add(byChapter, at(l.hsCode.slice(0, 2), l.market), { enterprise, line });
      for (const ind of industries) if (ind.hsCodes.some((p) => l.hsCode.startsWith(p))) add(byIndustry, at(ind.code, l.market), { enterprise, line });
    }),
  );
  return { byChapter, byIndustry };
}

interface LineHit {
  line: TargetLine;
  depth: MatchDepth;
  measureCode: string | null;
  /** For a text match: the focus industry whose words reached the line. */
  industry?: string;
}

/** The part of a score input that depends on the measure alone. */
export function measureFacts(m: Measure, today: string) {
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

/** The measure's facts and its own factors, worked out once for all its targets. */
export interface MeasureScoring {
  facts: ReturnType<typeof measureFacts>;
  factors: MeasureFactors;
}

export function measureScoring(m: Measure, rules: WarningRules, today: string): MeasureScoring {
  const facts = measureFacts(m, today);
  return { facts, factors: measureFactors(facts, rules) };
}

const put = (hits: Map<number, Map<number, LineHit>>, ref: LineRef, hit: LineHit): void => {
  let byLine = hits.get(ref.enterprise);
  if (!byLine) hits.set(ref.enterprise, (byLine = new Map()));
  const had = byLine.get(ref.line);
  if (!had || DEPTH_RANK[hit.depth] > DEPTH_RANK[had.depth]) byLine.set(ref.line, hit);
};

/**
 * Every enterprise the measure reaches: HS matches through the chapter index (only lines whose
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
  scoring: MeasureScoring,
): ScoredPair[] {
  const hits = new Map<number, Map<number, LineHit>>();
  for (const code of m.hsCodes) {
    const chapter = code.slice(0, 2);
    for (const market of m.members) {
      for (const ref of index.byChapter.get(at(chapter, market)) ?? []) {
        const l = enterprises[ref.enterprise]!.lines[ref.line]!;
        const depth = matchDepth(l.hsCode, code);
        if (depth) put(hits, ref, { line: l, depth, measureCode: code });
      }
    }
  }
  const textHits = new Map<number, Map<number, LineHit>>();
  for (const ind of industries) {
    if (!textIndustries.has(ind.code)) continue;
    for (const market of m.members) {
      for (const ref of index.byIndustry.get(at(ind.code, market)) ?? []) {
        if (hits.has(ref.enterprise) || textHits.get(ref.enterprise)?.has(ref.line)) continue;
        put(textHits, ref, { line: enterprises[ref.enterprise]!.lines[ref.line]!, depth: 'text', measureCode: null, industry: ind.code });
      }
    }
  }
  // The focus industries the measure's own codes meet.
  const measureIndustries = industries.filter((ind) => ind.hsCodes.some((p) => m.hsCodes.some((c) => overlaps(c, p))));
  const out: ScoredPair[] = [];
  for (const ei of [...hits.keys(), ...textHits.keys()].sort((a, b) => a - b)) {
    const byLine = (hits.get(ei) ?? textHits.get(ei))!;
    const lineHits = [...byLine.entries()].sort(([a], [b]) => a - b).map(([, h]) => h);
    const reached = new Set<string>();
    let focus: string | null = null;
    let evidence: TextEvidence[] = [];
    if (lineHits[0]!.depth === 'text') {
      for (const h of lineHits) reached.add(h.industry!);
      evidence = [...reached].flatMap((code) => textIndustries.get(code) ?? []).filter((w, i, all) => all.findIndex((x) => x.text === w.text) === i);
    } else {
      for (const ind of measureIndustries) {
        if (lineHits.some((h) => ind.hsCodes.some((p) => h.line.hsCode.startsWith(p)))) {
          reached.add(ind.code);
          focus ??= ind.code;
        }
      }
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
        ...scoring.facts,
        exposure: { target: 'enterprise', usd, ...(source ? { source } : {}) },
        match: { depth: best.depth, hsCode: best.depth === 'text' ? null : best.line.hsCode, measureCode: best.measureCode, evidence },
        focusIndustry: focus,
      },
      rules,
      scoring.factors,
    );
    out.push({
      measure: m,
      targetKind: 'enterprise',
      targetKey: enterprises[ei]!.uid,
      result,
      match: QUALITY[best.depth],
      matches: matches.slice(0, MAX_MATCHES),
      valueUsd: usd,
      industries: [...reached].sort(),
    });
  }
  return out;
}

/** Every focus industry the measure reaches: by its HS prefixes, else by its words. */
export function scoreIndustries(
  m: Measure,
  industries: readonly IndustryTarget[],
  textIndustries: Map<string, TextEvidence[]>,
  customs: CustomsValues,
  rules: WarningRules,
  scoring: MeasureScoring,
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
        ...scoring.facts,
        exposure: { target: 'industry', usd, ...(usd !== null ? { source: 'customs' as const } : {}) },
        match: { depth: best.depth, hsCode: best.depth === 'text' ? null : best.prefix, measureCode: best.code, evidence: best.depth === 'text' ? (words ?? []) : [] },
        // A focus industry's own warning is about that industry by definition.
        focusIndustry: ind.code,
      },
      rules,
      scoring.factors,
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
