import { describe, expect, it } from 'vitest';
import { buildSearchQuery, isCodeTerm, SEARCH_TEXT_VERSION, toSearchText, wordForms, wordTokens } from './search-text';

describe('toSearchText', () => {
  it('indexes a Han run as overlapping pairs followed by the single characters', () => {
    expect(toSearchText('电动汽车').trim().split(/\s+/)).toEqual(['电动', '动汽', '汽车', '电', '动', '汽', '车']);
  });

  it('keeps a lone Han character and passes English and symbols through', () => {
    expect(toSearchText('车').trim()).toBe('车');
    expect(toSearchText('G/TBT/N/SAU/1234 batteries')).toBe('G/TBT/N/SAU/1234 batteries');
  });

  it('separates Han from Latin letters next to it, so both are words of their own', () => {
    expect(toSearchText('GB标准').split(/\s+/)).toEqual(['GB', '标准', '标', '准', '']);
  });

  it('normalises full-width forms', () => {
    expect(toSearchText('ＧＢ１２３')).toBe('GB123');
  });

  it('normalises other non-ASCII text and leaves ASCII text as it is', () => {
    expect(toSearchText('Caf\u0065\u0301 \ufb01lm №5')).toBe('Café film No5');
    const ascii = 'Labelling of "pre-packaged" food\t(Draft No. 7)\n';
    expect(toSearchText(ascii)).toBe(ascii);
  });
});

/** FNV-1a over the UTF-16 code units: a digest without node:crypto, which shared/ does not use. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Text of every sort the index meets: Chinese, English, symbols and codes, full-width forms, other scripts. */
const SAMPLE = [
  '电动汽车的技术法规和测试方法',
  'GB标准 与 国际标准 IEC 62133',
  'Energy efficiency requirements for refrigerators (Draft No. 7)',
  'G/TBT/N/SAU/1234/Rev.2/Add.1',
  '8507.60; 8507.80 — lithium-ion batteries',
  'ＧＢ１２３ 水产品 限量',
  'Caf\u0065\u0301 \ufb01lm №5 Türkiye Réglementation technique',
  'Технический регламент ЕАЭС о безопасности',
  '',
  '车',
];

describe('SEARCH_TEXT_VERSION', () => {
  it('is bumped with every change to what toSearchText returns (the pinned output belongs to this version)', () => {
    // A change to toSearchText changes this digest: bump SEARCH_TEXT_VERSION, then pin the new
    // digest under it. Stores indexed by the old version are rebuilt at their next start.
    expect({ version: SEARCH_TEXT_VERSION, digest: fnv1a(SAMPLE.map(toSearchText).join('\u0000')) }).toEqual({ version: 1, digest: 'b4dd9efa' });
  });
});

describe('buildSearchQuery', () => {
  it('returns null when nothing searchable was typed', () => {
    expect(buildSearchQuery('')).toBeNull();
    expect(buildSearchQuery('  * - " ( ) ')).toBeNull();
  });

  it('matches a two-character Chinese word as one token', () => {
    expect(buildSearchQuery('标准')?.fts).toBe('"标准"');
  });

  it('matches one Chinese character as itself and longer words as a phrase of pairs', () => {
    expect(buildSearchQuery('车')?.fts).toBe('"车"');
    expect(buildSearchQuery('水产品')?.fts).toBe('"水产 产品"');
    expect(buildSearchQuery('电动汽车')?.fts).toBe('"电动 动汽 汽车"');
  });

  it('matches English words as prefixes, lower-cased, but a single letter as a whole word', () => {
    expect(buildSearchQuery('Batter')?.fts).toBe('"batter"*');
    expect(buildSearchQuery('a')?.fts).toBe('"a"');
  });

  it('finds the singular and the plural of an English word from either', () => {
    expect(wordForms('battery')).toEqual(['battery', 'batteries']);
    expect(wordForms('batteries')).toEqual(['batteries', 'battery']);
    expect(wordForms('regulations')).toEqual(['regulation']);
    expect(wordForms('vehicles')).toEqual(['vehicle']);
    expect(wordForms('boxes')).toEqual(['box']);
    expect(wordForms('dishes')).toEqual(['dish']);
    expect(wordForms('fisheries')).toEqual(['fisheries', 'fishery']);
    expect(wordForms('toys')).toEqual(['toy']);
    // Not plurals, too short, or not English letters: the word alone.
    expect(wordForms('days')).toEqual(['day']);
    for (const word of ['glass', 'status', 'analysis', 'gas', '12v', 'добавки', 'batter']) {
      expect(wordForms(word), word).toEqual([word]);
    }
    expect(buildSearchQuery('Battery')?.fts).toBe('("battery"* OR "batteries"*)');
    const q = buildSearchQuery('batteries 电池');
    expect(q?.fts).toBe('("batteries"* OR "battery"*) AND "电池"');
    expect(q?.terms[0]?.phrases).toEqual(['"batteries"*', '"battery"*']);
    expect(q?.terms[0]?.needles).toEqual([
      { text: 'batteries', kind: 'prefix' },
      { text: 'battery', kind: 'prefix' },
    ]);
  });

  it('requires every term', () => {
    expect(buildSearchQuery('electric 电池')?.fts).toBe('"electric"* AND "电池"');
  });

  it('splits a term mixing Chinese and Latin into parts that must all match', () => {
    expect(buildSearchQuery('GB标准')?.fts).toBe('("gb"* AND "标准")');
  });

  it('reads a symbol as one phrase of its parts', () => {
    const q = buildSearchQuery('G/TBT/N/SAU/1234');
    expect(q?.fts).toBe('"g tbt n sau 1234"');
    expect(q?.terms[0]?.needles).toEqual([{ text: 'g/tbt/n/sau/1234', kind: 'substring' }]);
    expect(isCodeTerm('8507.60')).toBe(true);
    expect(isCodeTerm('标准.')).toBe(false);
  });

  it('quotes everything, so FTS5 syntax typed by the user stays literal', () => {
    for (const input of ['"unbalanced', 'a OR b', 'NEAR(a b)', 'x*', '-minus', '(paren', 'col:value', '^start', 'a + b', 'OR:batteries']) {
      const q = buildSearchQuery(input);
      expect(q, input).not.toBeNull();
      // Every token sits inside double quotes; only AND, OR (between forms of a word),
      // parentheses and * are ours.
      expect(q!.fts.replace(/"[^"]*"/g, '').replace(/AND|OR|[()*\s]/g, '')).toBe('');
    }
    expect(buildSearchQuery('a OR b')?.fts).toBe('"a" AND "or"* AND "b"');
  });

  it('describes what to highlight for each term', () => {
    const q = buildSearchQuery('Batter 冰箱 a');
    expect(q?.terms.map((t) => t.needles)).toEqual([
      [{ text: 'batter', kind: 'prefix' }],
      [{ text: '冰箱', kind: 'substring' }],
      [{ text: 'a', kind: 'word' }],
    ]);
  });

  it('bounds the number of terms', () => {
    const q = buildSearchQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(q?.terms).toHaveLength(16);
  });
});

describe('wordTokens', () => {
  it('splits where the unicode61 tokenizer splits', () => {
    expect(wordTokens('Lead-acid (12V) batteries')).toEqual(['lead', 'acid', '12v', 'batteries']);
  });
});
