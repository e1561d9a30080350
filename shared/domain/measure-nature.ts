import type { MeasureNature, MeasureStage } from '../contract/warnings';
import { isCalendarDate } from './deadline';

/** A piece of a notification's text the classes are read from, with where it came from. */
export interface MeasureText {
  symbol: string;
  /** 'title', 'description', 'products', 'keywords', 'objectives', 'notificationType', 'titleZh', 'descriptionZh'. */
  field: string;
  text: string;
}

/** The words that put a measure in a class, with their document and field. */
export interface TextEvidence {
  symbol: string;
  field: string;
  text: string;
}

/**
 * The nature classes, highest first, each with the fraction of the nature factor it earns (see
 * warning-score.ts) and the words that show it. English patterns are whole words (a "label" in
 * "relabel" does not count, "law" in "lawn" neither); Chinese has no word boundaries, so its
 * terms are plain substrings. 'emergency' is not read from words here: it comes from the
 * document type or the notification type (see classifyNature).
 */
export const NATURE_CLASSES: ReadonlyArray<{ nature: Exclude<MeasureNature, 'none' | 'emergency'>; fraction: number; patterns: RegExp[] }> = [
  { nature: 'ban', fraction: 1, patterns: [/\b(?:ban|bans|banned|banning|prohibit(?:s|ed|ing|ion|ions)?)\b/gi, /禁止|禁令|禁用/g] },
  {
    nature: 'residueLimit',
    fraction: 0.75,
    patterns: [/\b(?:maximum residue (?:levels?|limits?)|MRLs?|maximum (?:levels?|limits?)|limits? of|contaminants?)\b/gi, /限量|残留/g],
  },
  {
    nature: 'conformity',
    fraction: 0.75,
    patterns: [/\b(?:conformity assessment|certification|certificates?|registration|type approval|mandatory testing)\b/gi, /认证|合格评定/g],
  },
  { nature: 'regulation', fraction: 0.5, patterns: [/\b(?:technical regulations?|regulations?|decrees?|laws?|mandatory)\b/gi, /技术法规/g] },
  { nature: 'labelling', fraction: 0.4, patterns: [/\b(?:label(?:s|led|ling|ed|ing)?|marking)\b/gi, /标签|标识/g] },
  { nature: 'standard', fraction: 0.2, patterns: [/\b(?:voluntary|standards?)\b/gi] },
];

/** The fraction of the nature factor each class earns: an SPS emergency weighs as a ban. */
export const NATURE_FRACTION: Record<MeasureNature, number> = {
  ban: 1,
  emergency: 1,
  residueLimit: 0.75,
  conformity: 0.75,
  regulation: 0.5,
  labelling: 0.4,
  standard: 0.2,
  none: 0,
};

const globalForms = new WeakMap<RegExp, RegExp>();
/** The pattern with the g flag, compiled once: a pass reads thousands of measures. */
function globalForm(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let g = globalForms.get(pattern);
  if (!g) globalForms.set(pattern, (g = new RegExp(pattern.source, `${pattern.flags}g`)));
  return g;
}

const unions = new WeakMap<readonly RegExp[], RegExp>();
/**
 * One pattern that matches wherever any of `patterns` does (case folded throughout, which only
 * widens it): a text it misses holds none of them and is skipped with a single scan. Most texts
 * hold no word of a class, and a pass reads each measure's texts against twenty-odd patterns.
 */
function unionOf(patterns: readonly RegExp[]): RegExp {
  let union = unions.get(patterns);
  if (!union) unions.set(patterns, (union = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'i')));
  return union;
}

/**
 * Every match of `patterns` in `texts`, as evidence (each word once per document and field), in
 * the order of the texts, then of the patterns, then of the text; the first `limit` of them.
 */
export function findWords(texts: readonly MeasureText[], patterns: readonly RegExp[], limit = Number.POSITIVE_INFINITY): TextEvidence[] {
  const found: TextEvidence[] = [];
  const seen = new Set<string>();
  const union = unionOf(patterns);
  for (const t of texts) {
    if (!t.text || !union.test(t.text)) continue;
    for (const pattern of patterns) {
      // matchAll works on a copy of a global pattern, so the shared patterns keep no state.
      for (const m of t.text.matchAll(globalForm(pattern))) {
        const key = `${t.symbol}|${t.field}|${m[0].toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ symbol: t.symbol, field: t.field, text: m[0] });
        if (found.length >= limit) return found;
      }
    }
  }
  return found;
}

/**
 * The nature of a measure: the highest class any of its texts shows. An SPS emergency
 * (document type 'emergency', or "emergency" in the notification type) is 'emergency'.
 * Evidence lists the words of the winning class, at most `maxEvidence`.
 */
export function classifyNature(
  texts: readonly MeasureText[],
  emergency: TextEvidence | null,
  maxEvidence = 6,
): { nature: MeasureNature; evidence: TextEvidence[] } {
  for (const c of NATURE_CLASSES) {
    if (c.nature === 'ban') {
      const words = findWords(texts, c.patterns, Math.max(1, maxEvidence));
      if (words.length > 0) return { nature: 'ban', evidence: words.slice(0, maxEvidence) };
      if (emergency) return { nature: 'emergency', evidence: [emergency] };
      continue;
    }
    const words = findWords(texts, c.patterns, Math.max(1, maxEvidence));
    if (words.length > 0) return { nature: c.nature, evidence: words.slice(0, maxEvidence) };
  }
  return { nature: 'none', evidence: [] };
}

/**
 * Statements that a measure departs from the international standard (Codex, WOAH/OIE, IPPC,
 * ISO, IEC). The SPS form asks "Does this measure conform to the relevant international
 * standard? ... No": the last pattern reads that answer (within one sentence).
 */
export const DEVIATION_PATTERNS: readonly RegExp[] = [
  /\bnot in conformity with\b/gi,
  /\bdoes not conform\b/gi,
  /\bdeviat(?:e|es|ed|ing|ion|ions)\b/gi,
  /\bdiffer(?:s|ent|ences?)? from the (?:relevant )?international\b/gi,
  /\bno (?:relevant )?international standards?\b/gi,
  /\bnot based on\b/gi,
  /\bconform[^.\n]{0,200}?:\s*no\b/gi,
  /不符合国际标准|偏离国际标准|无国际标准/g,
];

/** The words stating a deviation from an international standard (none: no deviation stated). */
export function findDeviation(texts: readonly MeasureText[], maxEvidence = 4): TextEvidence[] {
  return findWords(texts, DEVIATION_PATTERNS, Math.max(1, maxEvidence)).slice(0, maxEvidence);
}

/** Stages later documents can announce, strongest first, with the words that announce them. */
export const STAGE_PATTERNS: ReadonlyArray<{ stage: Exclude<MeasureStage, 'draft'>; patterns: RegExp[] }> = [
  { stage: 'withdrawn', patterns: [/\bwithdr[ae]w\w*/gi, /撤回|撤销/g] },
  { stage: 'inForce', patterns: [/\b(?:entered into force|entry into force)\b/gi, /已生效|生效/g] },
  { stage: 'adopted', patterns: [/\b(?:adopted|published|approved)\b/gi, /通过|发布|批准/g] },
  {
    stage: 'commentsExtended',
    patterns: [/\bcomment(?:ing|s)? period (?:is |has been |was )?extended\b/gi, /\bextension\b/gi, /评议期延长|延长评议/g],
  },
];

/**
 * Where a measure stands, from the title and description of its later documents (addenda,
 * corrigenda, revisions): withdrawn > in force > adopted > comments extended > draft, the
 * strongest found anywhere winning. `texts` are the later documents' texts only.
 */
export function readStage(texts: readonly MeasureText[]): { stage: MeasureStage; evidence: TextEvidence[] } {
  for (const s of STAGE_PATTERNS) {
    const words = findWords(texts, s.patterns, 4);
    if (words.length > 0) return { stage: s.stage, evidence: words };
  }
  return { stage: 'draft', evidence: [] };
}

/** The ISO date (YYYY-MM-DD) a stored date text starts with, or null for free text ("To be determined"). */
export function isoDateOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text.trim());
  return m && isCalendarDate(m[1]!) ? m[1]! : null;
}
