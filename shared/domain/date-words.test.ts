import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral, englishDate } from './date-words';

describe('dates in words', () => {
  it('writes Chinese dates without leading zeros', () => {
    expect(chineseDate('2026-11-21')).toBe('2026年11月21日');
    expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
  });

  it('writes English dates day month year', () => {
    expect(englishDate('2026-11-21')).toBe('21 November 2026');
    expect(englishDate('2027-01-05')).toBe('5 January 2027');
  });

  it('refuses other spellings', () => {
    expect(() => chineseDate('21/11/2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('chinese numerals', () => {
  it('counts the way headings are numbered', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
    expect(() => chineseNumeral(0)).toThrow();
    expect(() => chineseNumeral(100)).toThrow();
  });
});
