import { describe, expect, it } from 'vitest';
import { formatNationalSymbol, nextNationalSymbol, parseNationalSymbol } from './national-symbol';
import { parseSymbol } from './symbol';

describe('national symbols', () => {
  it('formats and reads back a local reference', () => {
    expect(formatNationalSymbol('UZB', 2026, 1)).toBe('NAT/UZB/2026/0001');
    expect(parseNationalSymbol('NAT/UZB/2026/0001')).toEqual({ symbol: 'NAT/UZB/2026/0001', member: 'UZB', year: 2026, sequence: 1 });
    expect(parseNationalSymbol('NAT/BLR/2027/12345')?.sequence).toBe(12345);
  });

  it('is never taken for a WTO symbol, and a WTO symbol is never taken for it', () => {
    for (const s of ['NAT/UZB/2026/0001', 'NAT/BLR/2027/0042']) expect(parseSymbol(s), s).toBeNull();
    expect(parseNationalSymbol('G/TBT/N/UZB/1')).toBeNull();
  });

  it('rejects malformed references', () => {
    for (const s of ['NAT/UZ/2026/0001', 'NAT/UZB/26/0001', 'NAT/UZB/2026/1', 'nat/uzb/2026/0001', 'NAT/UZB/2026/0000']) {
      expect(parseNationalSymbol(s), s).toBeNull();
    }
  });

  it('numbers per member and year', () => {
    const used = ['NAT/UZB/2026/0001', 'NAT/UZB/2026/0007', 'NAT/UZB/2025/0031', 'NAT/BLR/2026/0050', 'G/TBT/N/KAZ/9'];
    expect(nextNationalSymbol('UZB', 2026, used)).toBe('NAT/UZB/2026/0008');
    expect(nextNationalSymbol('UZB', 2027, used)).toBe('NAT/UZB/2027/0001');
    expect(nextNationalSymbol('IRN', 2026, used)).toBe('NAT/IRN/2026/0001');
  });
});
