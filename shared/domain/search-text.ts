/**
 * Text preparation for the full-text index. SQLite's trigram tokenizer finds nothing for one-
 * and two-character queries, and most Chinese words have two characters (标准, 电池, 冰箱), so
 * Han text is indexed as overlapping character pairs followed by the single characters, each a
 * separate token for the unicode61 tokenizer. Other scripts pass through as words.
 */
const HAN_RUN = /\p{Script=Han}+/gu;

function expandHan(run: string): string {
  const chars = Array.from(run);
  if (chars.length === 1) return chars[0]!;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return `${pairs.join(' ')} ${chars.join(' ')}`;
}

/** The text stored in the index for one field. */
export function toSearchText(text: string): string {
  if (!text) return '';
  return text.normalize('NFKC').replace(HAN_RUN, (run) => ` ${expandHan(run)} `);
}

export interface QueryTerm {
  /** What the user typed for this term, for highlighting. */
  text: string;
  /** The FTS5 expression for it. */
  fts: string;
}

const quote = (token: string): string => `"${token.replace(/"/g, '""')}"`;

function wordTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

function hanExpression(run: string): string {
  const chars = Array.from(run);
  if (chars.length === 1) return quote(chars[0]!);
  if (chars.length === 2) return quote(run);
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i]! + chars[i + 1]!);
  // Consecutive pairs as one phrase: 电动汽车 -> "电动 动汽 汽车".
  return quote(pairs.join(' '));
}

function termExpression(term: string): string | null {
  // A notification symbol or other punctuated code: match its parts as one phrase.
  if (/[/.]/.test(term) && !/\p{Script=Han}/u.test(term)) {
    const tokens = wordTokens(term);
    return tokens.length ? quote(tokens.join(' ')) : null;
  }
  const parts: string[] = [];
  let last = 0;
  for (const m of term.matchAll(HAN_RUN)) {
    const before = term.slice(last, m.index);
    parts.push(...wordTokens(before).map((t) => `${quote(t)}*`));
    parts.push(hanExpression(m[0]));
    last = m.index + m[0].length;
  }
  parts.push(...wordTokens(term.slice(last)).map((t) => `${quote(t)}*`));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

/**
 * Turn what an analyst typed into an FTS5 query: terms separated by spaces must all match;
 * English words match as prefixes (batter -> batteries); every token is quoted, so nothing the
 * user types is read as FTS syntax. Returns null when there is nothing to search for.
 */
export function buildSearchQuery(input: string): { fts: string; terms: QueryTerm[] } | null {
  const terms: QueryTerm[] = [];
  for (const raw of input.trim().split(/\s+/)) {
    if (!raw) continue;
    const fts = termExpression(raw);
    if (fts) terms.push({ text: raw, fts });
  }
  if (terms.length === 0) return null;
  return { fts: terms.map((t) => t.fts).join(' AND '), terms };
}
