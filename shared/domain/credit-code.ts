/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from the 31
 * of CREDIT_CODE_CHARSET (0-9 and A-Z without I, O, S, V, Z). Position 1 is the registration
 * authority, 2 the entity type, 3-8 the administrative division, 9-17 the organisation code and
 * 18 the check character: with value(c) its index in the charset and weights 3^(i-1) mod 31,
 * check = 31 - (sum of value_i * w_i mod 31), where 31 stands for 0.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

/** Why a text is not a valid credit code, or null when it is. */
export type CreditCodeProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'check'; expected: string; found: string };

/** The check character the first 17 characters call for (they must be from the charset). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[check] ?? '0';
}

/** Upper-case and strip spaces: codes are often typed in lower case or copied with blanks. */
export function normalizeCreditCode(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').toUpperCase();
}

/** What is wrong with `code` (already normalised), or null when it is a valid credit code. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let i = 0; i < 18; i += 1) {
    const c = code[i] ?? '';
    if (!CREDIT_CODE_CHARSET.includes(c)) return { kind: 'character', position: i + 1, character: c };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  const found = code[17] ?? '';
  return expected === found ? null : { kind: 'check', expected, found };
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** The problem in words, for import reports and form errors (English; the window translates by kind). */
export function describeCreditCodeProblem(problem: CreditCodeProblem): string {
  switch (problem.kind) {
    case 'length':
      return `a unified social credit code has 18 characters, this one has ${problem.length}`;
    case 'character':
      return `character ${problem.position} ("${problem.character}") is not allowed in a unified social credit code (0-9 and A-Z without I, O, S, V, Z)`;
    case 'check':
      return `the check character should be ${problem.expected}, not ${problem.found}`;
  }
}
