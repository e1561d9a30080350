/** Deeper than this, JSON from a file or a request is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, found by one pass over the
 * characters (brackets inside strings do not count). Run before JSON.parse, and before anything
 * that walks the parsed value recursively, so a hostile file of a million brackets is refused
 * by name instead of overflowing the stack. Returns the offset where the limit was passed, or null.
 */
export function findExcessiveNesting(text: string, limit = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
