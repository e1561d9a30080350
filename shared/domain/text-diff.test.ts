import { describe, expect, it } from 'vitest';
import { diffSide, diffText, tokenize } from './text-diff';

describe('tokenize', () => {
  it('splits English into words, spaces and punctuation, and Chinese into characters', () => {
    expect(tokenize('Accept IEC 62552, please.')).toEqual(['Accept', ' ', 'IEC', ' ', '62552', ',', ' ', 'please', '.']);
    expect(tokenize('接受GB标准')).toEqual(['接', '受', 'GB', '标', '准']);
    expect(tokenize('')).toEqual([]);
  });

  it('gives the text back when joined, whatever the script', () => {
    const text = 'Требования к модулям — 光伏组件 (IEC 61215)\n第5.2条';
    expect(tokenize(text).join('')).toBe(text);
  });
});

describe('diffText', () => {
  it('marks a replaced word as delete then insert, leaving the rest equal', () => {
    expect(diffText('extend the period to three months', 'extend the period to six months')).toEqual([
      { op: 'equal', text: 'extend the period to ' },
      { op: 'delete', text: 'three' },
      { op: 'insert', text: 'six' },
      { op: 'equal', text: ' months' },
    ]);
  });

  it('diffs Chinese character by character', () => {
    expect(diffText('建议延长过渡期至三个月', '建议延长过渡期至六个月')).toEqual([
      { op: 'equal', text: '建议延长过渡期至' },
      { op: 'delete', text: '三' },
      { op: 'insert', text: '六' },
      { op: 'equal', text: '个月' },
    ]);
  });

  it('handles pure insertions, deletions and empty sides', () => {
    expect(diffText('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(diffText('old text', '')).toEqual([{ op: 'delete', text: 'old text' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(diffText('test reports', 'test reports of accredited laboratories')).toEqual([
      { op: 'equal', text: 'test reports' },
      { op: 'insert', text: ' of accredited laboratories' },
    ]);
  });

  it('always rebuilds both texts from the segments', () => {
    const pairs: Array<[string, string]> = [
      ['China suggests that Saudi Arabia accept IEC 62552 results.', 'China requests that the Kingdom accept results under IEC 62552-1:2015 and GB 12021.2.'],
      ['草案第5.2条规定的试验方法与IEC标准不一致。', '草案第5.3条规定的试验方法与国际标准IEC 62552不一致，建议修改。'],
      ['a b c d e f', 'f e d c b a'],
    ];
    for (const [before, after] of pairs) {
      const segments = diffText(before, after);
      expect(diffSide(segments, 'before')).toBe(before);
      expect(diffSide(segments, 'after')).toBe(after);
    }
  });

  it('replaces the middle whole when the texts are too long for the table, still exactly', () => {
    const before = 'start ' + 'alpha '.repeat(50) + 'end';
    const after = 'start ' + 'beta '.repeat(50) + 'end';
    const segments = diffText(before, after, 100);
    expect(segments[0]).toEqual({ op: 'equal', text: 'start ' });
    expect(segments.map((s) => s.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(diffSide(segments, 'before')).toBe(before);
    expect(diffSide(segments, 'after')).toBe(after);
  });
});
