import fs from 'node:fs';
import path from 'node:path';
import { creditCodeProblem, describeCreditCodeProblem, normalizeCreditCode } from '../../shared/domain/credit-code';
import { ApiError } from '../../shared/result';
import { enterpriseUidByCreditCode } from '../backend/warnings/letters/letter-content';
import type { WarningsSubcommand } from './warnings-command';

/**
 * `pingyi warnings letter CREDIT_CODE --format docx|pdf --out FILE`: the enterprise's one-to-one
 * letter covering its open red, orange and yellow warnings, recorded like one made in the window.
 */
export const warningsLetterCommand: WarningsSubcommand = {
  usage: 'pingyi warnings letter CREDIT_CODE --format docx|pdf --out FILE',
  async run(ctx) {
    const [raw, ...extra] = ctx.positionals;
    if (raw === undefined || extra.length > 0) return ctx.usageError('give one unified social credit code');
    const creditCode = normalizeCreditCode(raw);
    const problem = creditCodeProblem(creditCode);
    if (problem) return ctx.usageError(`${raw} is not a valid credit code: ${describeCreditCodeProblem(problem)}`);
    const format = ctx.flags.format ?? 'docx';
    if (format !== 'docx' && format !== 'pdf') return ctx.usageError(`--format must be docx or pdf, not ${String(format)}`);
    const out = ctx.flags.out;
    if (typeof out !== 'string' || out === '') return ctx.usageError('--out FILE is required');
    const enterpriseUid = enterpriseUidByCreditCode(ctx.backend.ctx.db, creditCode);
    if (enterpriseUid === null) {
      throw new ApiError({ code: 'NOT_FOUND', message: `no enterprise is registered with the credit code ${creditCode}`, details: { creditCode } });
    }
    const { letter, file } = await ctx.callAsync('warningLettersMake', { enterpriseUid, format });
    const target = path.resolve(out);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file.path, target);
    if (ctx.json) ctx.io.out(JSON.stringify({ path: target, bytes: file.bytes, format, letter, exportedAs: file.path }));
    else ctx.io.out(`Wrote ${target} (${file.bytes} bytes, ${format === 'pdf' ? 'PDF' : 'Word'}): letter to ${letter.enterpriseName} on ${letter.symbols.join(', ')}`);
    return 0;
  },
};
