import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  // Worked by hand from the standard's weights (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28).
  it('computes the check character of published codes', () => {
    // 91350100M000100Y4 (M = 21, Y = 30): 9*1+1*3+3*9+5*27+0*19+1*26+0*16+0*17+21*20+0*29+0*25+0*13+1*8+0*24+0*10+30*30+4*28
    //   = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28; 31 - 28 = 3.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    // 1111111111111111X (X = 29): the 17 weights sum to 1+3+9+27+19+26+16+17+20+29+25+13+8+24+10+30 = 277 for the
    // sixteen 1s, plus 29*28 = 812: 1089 mod 31 = 4; 31 - 4 = 27 -> U.
    expect(creditCodeCheckCharacter('1111111111111111X')).toBe('U');
  });

  it('accepts codes whose check character is a letter', () => {
    const first17 = '91110000100000000';
    const check = creditCodeCheckCharacter(first17);
    expect(isValidCreditCode(first17 + check)).toBe(true);
    expect(isValidCreditCode('913100007109374439')).toBe(false);
  });

  it('says why a code is refused', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toEqual({ kind: 'length', length: 17 });
    expect(creditCodeProblem('91350100M000100YI0')).toEqual({ kind: 'character', position: 17, character: 'I' });
    expect(creditCodeProblem('91350100M000100Y41')).toEqual({ kind: 'check', expected: '3', found: '1' });
  });

  it('normalises case and blanks before checking', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
