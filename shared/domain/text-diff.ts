/**
 * A readable diff of two texts for the comment version history: words for alphabetic scripts,
 * single characters for Chinese (which has no spaces to split on), computed as a longest common
 * subsequence of those tokens.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

// Han, kana and hangul one character at a time; runs of other letters and digits as words;
// whitespace runs; anything else (punctuation) one character at a time.
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}\p{M}_])+|\s+|[^]/gu;

/** Split a text into diff tokens; joining them gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Above this many table cells the LCS would cost too much memory; the middle is replaced whole. */
export const MAX_DIFF_CELLS = 4_000_000;

function push(out: DiffSegment[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Put deletions before insertions inside each run of changes, so a replacement reads old → new. */
function orderChanges(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = (): void => {
    push(out, 'delete', del);
    push(out, 'insert', ins);
    del = '';
    ins = '';
  };
  for (const s of segments) {
    if (s.op === 'delete') del += s.text;
    else if (s.op === 'insert') ins += s.text;
    else {
      flush();
      push(out, 'equal', s.text);
    }
  }
  flush();
  return out;
}

/**
 * Segments that turn `before` into `after`: equal runs kept, deleted and inserted runs marked.
 * Joining the equal and delete texts gives `before`; equal and insert give `after`.
 */
export function diffText(before: string, after: string, maxCells: number = MAX_DIFF_CELLS): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const raw: DiffSegment[] = [];
  push(raw, 'equal', a.slice(0, start).join(''));
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= maxCells) {
    // lcs[i][j]: LCS length of a[start+i..endA) and b[start+j..endB), filled from the end.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          a[start + i] === b[start + j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        push(raw, 'equal', a[start + i]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        push(raw, 'delete', a[start + i]!);
        i++;
      } else {
        push(raw, 'insert', b[start + j]!);
        j++;
      }
    }
    for (; i < n; i++) push(raw, 'delete', a[start + i]!);
    for (; j < m; j++) push(raw, 'insert', b[start + j]!);
  } else {
    push(raw, 'delete', a.slice(start, endA).join(''));
    push(raw, 'insert', b.slice(start, endB).join(''));
  }
  push(raw, 'equal', a.slice(endA).join(''));
  return orderChanges(raw);
}

/** The text on one side of a diff: 'before' keeps equal and deleted runs, 'after' equal and inserted. */
export function diffSide(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');
}
