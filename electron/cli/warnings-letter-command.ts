import type { WarningsSubcommand } from './warnings-command';

export const warningsLetterCommand: WarningsSubcommand = {
  usage: 'pingyi warnings letter CREDIT_CODE --format docx|pdf --out FILE',
  run: (ctx) => ctx.usageError('not built yet'),
};
