import { describe, expect, it } from 'vitest';
import { parseSymbol, splitSymbolCell } from './symbol';

describe('parseSymbol', () => {
  it('parses a regular notification', () => {
    const p = parseSymbol('G/TBT/N/SAU/1234');
    expect(p).toMatchObject({ area: 'TBT', member: 'SAU', number: 1234, base: 'G/TBT/N/SAU/1234', parent: null, docType: 'regular' });
  });

  it('parses a chain of suffixes and links it to its parent and base', () => {
    const p = parseSymbol('G/SPS/N/THA/155/Rev.2/Add.1');
    expect(p).toMatchObject({
      symbol: 'G/SPS/N/THA/155/Rev.2/Add.1',
      base: 'G/SPS/N/THA/155',
      parent: 'G/SPS/N/THA/155/Rev.2',
      docType: 'addendum',
      suffixes: [{ kind: 'Rev', n: 2 }, { kind: 'Add', n: 1 }],
    });
  });

  it('canonicalises spacing and case slips', () => {
    expect(parseSymbol(' g/tbt/n/are/12/add 3 ')?.symbol).toBe('G/TBT/N/ARE/12/Add.3');
    expect(parseSymbol('G/TBT/N/EU/5/corr.1')?.docType).toBe('corrigendum');
    expect(parseSymbol('G/SPS/N/RUS/9/Suppl.1')?.docType).toBe('supplement');
  });

  it('rejects what is not a notification symbol', () => {
    for (const bad of ['', 'G/TBT/W/123', 'G/TBT/N/SAU', 'G/TBT/N/SAU/12/Draft', 'TBT/N/SAU/1', 'G/XYZ/N/SAU/1']) {
      expect(parseSymbol(bad), bad).toBeNull();
    }
  });
});

describe('splitSymbolCell', () => {
  it('splits joint notifications with leading spaces', () => {
    expect(splitSymbolCell('G/TBT/N/ARE/1, G/TBT/N/SAU/2,G/TBT/N/KWT/3')).toEqual([
      'G/TBT/N/ARE/1',
      'G/TBT/N/SAU/2',
      'G/TBT/N/KWT/3',
    ]);
  });
});
