import type { TextSegment } from '../contract/notifications';
import type { Needle } from './search-text';

/**
 * Highlighting of search hits in the original text. The full-text index is contentless (it
 * stores no text to cut snippets from), so hits are found again here from the query terms,
 * with the index's notion of a match: case and accents ignored, Chinese as substrings, English
 * words as word prefixes.
 */

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: where the character that produced it starts and ends. */
  start: (i: number) => number;
  end: (i: number) => number;
}

const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN_CHAR = /\p{Script=Han}/u;
const ASCII = /^\p{ASCII}*$/u;

function foldChar(ch: string): string {
  return ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

function fold(text: string): Folded {
  // Most titles and descriptions are plain ASCII: lower-casing keeps every position.
  if (ASCII.test(text)) return { text: text.toLowerCase(), start: (i) => i, end: (i) => i + 1 };
  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    parts.push(f);
    i += ch.length;
  }
  return { text: parts.join(''), start: (at) => start[at]!, end: (at) => end[at]! };
}

const foldNeedle = (text: string): string => Array.from(text).map(foldChar).join('');

/** Han characters are words of their own in the index, so a Latin word may start right after one. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !HAN_CHAR.test(ch);
}

function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  return String.fromCodePoint(text.codePointAt(at - 1) ?? 0);
}

function charAt(text: string, at: number): string | undefined {
  return at < text.length ? String.fromCodePoint(text.codePointAt(at) ?? 0) : undefined;
}

type Range = [start: number, end: number];

/** Hit ranges in the original text, sorted and merged. */
export function findHits(text: string, needles: readonly Needle[]): Range[] {
  if (!text || needles.length === 0) return [];
  const f = fold(text);
  const ranges: Range[] = [];
  for (const needle of needles) {
    const n = foldNeedle(needle.text);
    if (!n) continue;
    for (let at = f.text.indexOf(n); at !== -1; at = f.text.indexOf(n, at + 1)) {
      let endAt = at + n.length;
      if (needle.kind !== 'substring') {
        if (isWordChar(charBefore(f.text, at))) continue;
        if (needle.kind === 'word' && isWordChar(charAt(f.text, endAt))) continue;
        // A prefix hit lights up the whole word it starts, as the index matched that word.
        while (isWordChar(charAt(f.text, endAt))) endAt += 1;
      }
      ranges.push([f.start(at), f.end(endAt - 1)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function toSegments(text: string, hits: readonly Range[], from = 0, to = text.length): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (a: number, b: number, hit: boolean): void => {
    if (b > a) segments.push({ text: text.slice(a, b), hit });
  };
  let at = from;
  for (const [s, e] of hits) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    push(at, a, false);
    push(a, b, true);
    at = b;
  }
  push(at, to, false);
  return segments;
}

/** The whole text cut into plain and hit segments (one plain segment when nothing matches). */
export function highlightText(text: string, needles: readonly Needle[]): TextSegment[] {
  return toSegments(text, findHits(text, needles));
}

const SPACE = /\s/;

/**
 * About `width` characters of `text` around its first hit, cut at spaces where the text has
 * them, with an ellipsis where it was cut; null when the text has no hit.
 */
export function highlightSnippet(text: string, needles: readonly Needle[], width = 160): TextSegment[] | null {
  const hits = findHits(text, needles);
  const first = hits[0];
  if (!first) return null;
  // Keep some context before the hit, but let the hit sit in the first part of the snippet.
  let start = Math.max(0, first[0] - Math.floor(width / 4));
  let end = Math.min(text.length, Math.max(start + width, first[1]));
  if (end === text.length) start = Math.max(0, Math.min(start, end - width));
  if (start > 0) {
    const space = text.slice(start, first[0]).search(SPACE);
    if (space !== -1 && space < 20) start += space + 1;
  }
  if (end < text.length) {
    const tail = text.slice(first[1], end);
    const space = tail.search(/\s\S*$/);
    if (space !== -1 && tail.length - space < 20) end = first[1] + space;
  }
  const segments = toSegments(text, hits, start, end).map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < text.length) segments.push({ text: '…', hit: false });
  return segments;
}
