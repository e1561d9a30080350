import type { Area, DocType } from '../contract/notifications';

export type SuffixKind = 'Rev' | 'Add' | 'Corr' | 'Suppl';

export interface ParsedSymbol {
  /** Canonical spelling, e.g. `G/SPS/N/THA/155/Rev.2/Add.1`. */
  symbol: string;
  area: Area;
  member: string;
  number: number;
  suffixes: Array<{ kind: SuffixKind; n: number }>;
  /** The regular notification the whole chain hangs on: `G/SPS/N/THA/155`. */
  base: string;
  /** The document this one amends (one suffix less), or null for a base notification. */
  parent: string | null;
  /** What the last suffix makes this document. */
  docType: Exclude<DocType, 'emergency'>;
}

const HEAD = /^G\s*\/\s*(TBT|SPS)\s*\/\s*N\s*\/\s*([A-Z]{2,4})\s*\/\s*(\d{1,6})/i;
const SUFFIX = /^\s*\/\s*(Rev|Add|Corr|Suppl)\s*\.?\s*(\d{1,4})/i;
const CANONICAL: Record<string, SuffixKind> = { rev: 'Rev', add: 'Add', corr: 'Corr', suppl: 'Suppl' };
const DOC_TYPE: Record<SuffixKind, ParsedSymbol['docType']> = {
  Rev: 'revision',
  Add: 'addendum',
  Corr: 'corrigendum',
  Suppl: 'supplement',
};

/**
 * Parse a WTO notification symbol: `G/(TBT|SPS)/N/<MEMBER>/<n>` followed by any chain of
 * `/Rev.n`, `/Add.n`, `/Corr.n`, `/Suppl.n`. Tolerates the spacing and case slips seen in
 * exports; returns null for anything else.
 */
export function parseSymbol(raw: string): ParsedSymbol | null {
  let rest = raw.trim();
  const head = HEAD.exec(rest);
  if (!head) return null;
  const area = head[1]!.toUpperCase() as Area;
  const member = head[2]!.toUpperCase();
  const number = Number(head[3]);
  rest = rest.slice(head[0].length);
  const suffixes: ParsedSymbol['suffixes'] = [];
  for (;;) {
    const m = SUFFIX.exec(rest);
    if (!m) break;
    suffixes.push({ kind: CANONICAL[m[1]!.toLowerCase()]!, n: Number(m[2]) });
    rest = rest.slice(m[0].length);
  }
  if (rest.trim() !== '') return null;
  const base = `G/${area}/N/${member}/${number}`;
  const parts = suffixes.map((s) => `/${s.kind}.${s.n}`);
  const last = suffixes[suffixes.length - 1];
  return {
    symbol: base + parts.join(''),
    area,
    member,
    number,
    suffixes,
    base,
    parent: suffixes.length === 0 ? null : base + parts.slice(0, -1).join(''),
    docType: last ? DOC_TYPE[last.kind] : 'regular',
  };
}

/** Split a joint-notification cell (`G/TBT/N/ARE/1, G/TBT/N/SAU/2`) into its symbols. */
export function splitSymbolCell(cell: string): string[] {
  return cell
    .split(/[,;\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
