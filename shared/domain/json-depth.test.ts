import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, MAX_JSON_DEPTH } from './json-depth';

describe('findExcessiveNesting', () => {
  it('passes JSON nested up to the limit and finds where it goes deeper', () => {
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(findExcessiveNesting(ok)).toBeNull();
    const deep = '{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1);
    expect(findExcessiveNesting(deep)).toBe(MAX_JSON_DEPTH * 5);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '[[[[{{{{\\"[[[', t: ['"]]]]'] });
    expect(findExcessiveNesting(text, 2)).toBeNull();
    expect(findExcessiveNesting(text, 1)).toBe(text.indexOf('"t":') + 4);
  });
});
