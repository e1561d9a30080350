/**
 * Text preparation for the full-text index. SQLite's trigram tokenizer finds nothing for one-
 * and two-character queries, and most Chinese words have two characters (标准, 电池, 冰箱), so
 * Han text is indexed as overlapping character pairs followed by the single characters, each a
 * separate token for the unicode61 tokenizer. Other scripts pass through as words.
 */
const HAN_RUN = /\p{Script=Han}+/gu;
// eslint-disable-next-line no-control-regex -- every ASCII character, controls included
const ASCII = /^[\x00-\x7f]*$/;

function expandHan(run: string): string {
  const chars = Array.from(run);
  if (chars.length === 1) return chars[0]!;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return `${pairs.join(' ')} ${chars.join(' ')}`;
}

/**
 * The version of toSearchText. The index records the version it was built with (the
 * workstation table's searchTextVersion); a store whose index has another is reindexed at start.
 * Bump it with every change to what toSearchText returns: its test pins the output of a sample,
 * and fails on a change until the pinned digest and this version are updated together.
 */
export const SEARCH_TEXT_VERSION = 1;

/** The text stored in the index for one field. */
export function toSearchText(text: string): string {
  if (!text) return '';
  // ASCII is its own NFKC form and has no Han: most of an ePing export is.
  if (ASCII.test(text)) return text;
  return text.normalize('NFKC').replace(HAN_RUN, (run) => ` ${expandHan(run)} `);
}

/** How a term shows in the original text: what the highlighter looks for. */
export interface Needle {
  /** Lower-cased, NFKC-normalised. */
  text: string;
  /** substring: anywhere (Han, codes); prefix: at the start of a word; word: a whole word. */
  kind: 'substring' | 'prefix' | 'word';
}

export interface QueryTerm {
  /** What the user typed for this term. */
  text: string;
  /** The FTS5 expression for it. */
  fts: string;
  /**
   * The quoted phrases `fts` is made of: its parts are joined with AND, and the forms of one
   * English word (battery, batteries) with OR.
   */
  phrases: string[];
  /** What to highlight for it in the original text. */
  needles: Needle[];
}

export interface SearchQuery {
  /** Every term must match. */
  fts: string;
  terms: QueryTerm[];
}

const MAX_TERMS = 16;

const quote = (token: string): string => `"${token.replace(/"/g, '""')}"`;

/** Lower-cased words and numbers of `text`, split as the unicode61 tokenizer splits them. */
export function wordTokens(text: string): string[] {
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

/**
 * The singular of an English plural by the regular rules (batteries -> battery, boxes -> box,
 * vehicles -> vehicle), or the word itself. Words in -ss, -us and -is are not plurals (glass,
 * status, analysis).
 */
function singular(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (/[^sui]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The forms of an English word a search looks for, so that singular and plural find each other:
 * the index keeps words as written, and a prefix alone finds regulations from regulation but not
 * batteries from battery, nor regulation from regulations. A form that another one starts with
 * is left out (regulation* already finds regulations). Only lower-case ASCII words of four
 * letters or more; anything else is its only form.
 */
export function wordForms(word: string): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return [word];
  const one = singular(word);
  const forms = [word, one];
  if (/[^aeiou]y$/.test(one)) forms.push(`${one.slice(0, -1)}ies`);
  const distinct = [...new Set(forms)].filter((f) => f.length >= 3);
  return distinct.filter((f) => !distinct.some((g) => g !== f && f.startsWith(g)));
}

/**
 * A word matches as a prefix (batter -> batteries), in its singular and plural forms (battery
 * -> batteries, regulations -> regulation), except a single letter or digit: as a prefix it
 * would pull in a large part of the vocabulary and slow every search down.
 */
function wordPart(token: string): { fts: string; phrases: string[]; needles: Needle[] } {
  if (Array.from(token).length === 1) return { fts: quote(token), phrases: [quote(token)], needles: [{ text: token, kind: 'word' }] };
  const forms = wordForms(token);
  const phrases = forms.map((f) => `${quote(f)}*`);
  return {
    fts: phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`,
    phrases,
    needles: forms.map((f) => ({ text: f, kind: 'prefix' })),
  };
}

/** A term that reads as a symbol or code (G/TBT/N/SAU/1234, 8507.60): its parts as one phrase. */
export function isCodeTerm(term: string): boolean {
  return /[/.]/.test(term) && !/\p{Script=Han}/u.test(term);
}

function parseTerm(raw: string): QueryTerm | null {
  const term = raw.normalize('NFKC');
  if (isCodeTerm(term)) {
    const tokens = wordTokens(term);
    if (tokens.length === 0) return null;
    const phrase = quote(tokens.join(' '));
    return { text: raw, fts: phrase, phrases: [phrase], needles: [{ text: term.toLowerCase(), kind: 'substring' }] };
  }
  const fts: string[] = [];
  const phrases: string[] = [];
  const needles: Needle[] = [];
  const addWords = (text: string): void => {
    for (const token of wordTokens(text)) {
      const part = wordPart(token);
      fts.push(part.fts);
      phrases.push(...part.phrases);
      needles.push(...part.needles);
    }
  };
  let last = 0;
  for (const m of term.matchAll(HAN_RUN)) {
    addWords(term.slice(last, m.index));
    const han = hanExpression(m[0]);
    fts.push(han);
    phrases.push(han);
    needles.push({ text: m[0], kind: 'substring' });
    last = m.index + m[0].length;
  }
  addWords(term.slice(last));
  if (fts.length === 0) return null;
  return { text: raw, fts: fts.length === 1 ? fts[0]! : `(${fts.join(' AND ')})`, phrases, needles };
}

/**
 * Turn what an analyst typed into an FTS5 query: terms separated by spaces must all match;
 * English words match as prefixes (batter -> batteries); every token is quoted, so nothing the
 * user types is read as FTS syntax. Returns null when there is nothing to search for.
 */
export function buildSearchQuery(input: string): SearchQuery | null {
  const terms: QueryTerm[] = [];
  for (const raw of input.trim().split(/\s+/)) {
    if (!raw) continue;
    // A bound on the work one search may cost; nobody types more than a dozen terms.
    if (terms.length >= MAX_TERMS) break;
    const term = parseTerm(raw);
    if (term) terms.push(term);
  }
  if (terms.length === 0) return null;
  return { fts: terms.map((t) => t.fts).join(' AND '), terms };
}

/**
 * The query restricted to rows where at least one of its phrases occurs in the given columns
 * (`near` true), or to rows where none does (`near` false): how a search splits its hits into
 * symbol/title matches and the rest.
 */
export function withColumns(query: SearchQuery, columns: readonly string[], near: boolean): string {
  const any = `{${columns.join(' ')}} : (${query.terms.flatMap((t) => t.phrases).join(' OR ')})`;
  return `(${query.fts}) ${near ? 'AND' : 'NOT'} (${any})`;
}
