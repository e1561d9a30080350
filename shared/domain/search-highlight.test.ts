import { describe, expect, it } from 'vitest';
import type { TextSegment } from '../contract/notifications';
import { findHits, highlightSnippet, highlightText } from './search-highlight';
import { buildSearchQuery } from './search-text';

const needles = (query: string) => buildSearchQuery(query)!.terms.flatMap((t) => t.needles);
const hits = (segments: TextSegment[]): string[] => segments.filter((s) => s.hit).map((s) => s.text);
const joined = (segments: TextSegment[]): string => segments.map((s) => s.text).join('');

describe('highlightText', () => {
  it('marks English words that start with a query word, whole, ignoring case', () => {
    const s = highlightText('Lithium batteries and Battery chargers; rebattery', needles('batter'));
    expect(hits(s)).toEqual(['batteries', 'Battery']);
    expect(joined(s)).toBe('Lithium batteries and Battery chargers; rebattery');
  });

  it('marks Chinese terms wherever they occur', () => {
    const s = highlightText('家用电冰箱能效标准和冰箱标签', needles('冰箱 标准'));
    expect(hits(s)).toEqual(['冰箱', '标准', '冰箱']);
  });

  it('finds a Latin word right after a Chinese character', () => {
    expect(hits(highlightText('国家标准GB 12345', needles('gb')))).toEqual(['GB']);
  });

  it('ignores accents as the index does', () => {
    expect(hits(highlightText('Règlement technique de Türkiye', needles('reglement turkiye')))).toEqual(['Règlement', 'Türkiye']);
  });

  it('merges overlapping hits and keeps every character of the text', () => {
    const text = '电动汽车用动力电池';
    const s = highlightText(text, needles('电动汽车 汽车 电池'));
    expect(hits(s)).toEqual(['电动汽车', '电池']);
    expect(joined(s)).toBe(text);
  });

  it('matches a one-letter term only as a whole word', () => {
    expect(hits(highlightText('Vitamin A and apples', needles('a')))).toEqual(['A']);
  });

  it('marks a symbol as a substring', () => {
    expect(hits(highlightText('Replaces G/TBT/N/SAU/1234.', needles('g/tbt/n/sau/1234')))).toEqual(['G/TBT/N/SAU/1234']);
  });

  it('returns one plain segment when nothing matches', () => {
    expect(highlightText('Cement', needles('steel'))).toEqual([{ text: 'Cement', hit: false }]);
    expect(findHits('', needles('steel'))).toEqual([]);
  });
});

describe('highlightSnippet', () => {
  const long =
    'The notified document is available in the national language only. ' +
    'Comments may be submitted within sixty days. '.repeat(4) +
    'The regulation lays down safety, marking and recycling requirements for lithium-ion batteries placed on the market. ' +
    'Market surveillance authorities will verify compliance. '.repeat(4);

  it('cuts about 160 characters around the first hit, at spaces, with ellipses', () => {
    const s = highlightSnippet(long, needles('batteries'))!;
    const text = joined(s);
    expect(hits(s)).toEqual(['batteries']);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeGreaterThan(120);
    expect(text.length).toBeLessThan(200);
    // Cut at word boundaries: no half words next to the ellipses.
    expect(text).toMatch(/^… ?\S/);
    expect(long).toContain(text.slice(1, -1).trim());
  });

  it('starts at the beginning when the hit is near it, and collapses line breaks', () => {
    const s = highlightSnippet('Batteries\nfor vehicles', needles('batteries'))!;
    expect(s).toEqual([
      { text: 'Batteries', hit: true },
      { text: ' for vehicles', hit: false },
    ]);
  });

  it('works on Chinese text without spaces', () => {
    const zh = '该法规规定了电池的安全、标识和回收要求。'.repeat(12);
    const s = highlightSnippet(zh, needles('回收'))!;
    expect(hits(s)[0]).toBe('回收');
    expect(joined(s).length).toBeLessThanOrEqual(162);
  });

  it('is null when the text has no hit', () => {
    expect(highlightSnippet(long, needles('冰箱'))).toBeNull();
  });
});
