import type { WarningsSubcommand } from './warnings-command';

export const warningsListCommand: WarningsSubcommand = {
  usage: 'pingyi warnings list [--level red|orange|yellow|blue] [--enterprise CREDIT_CODE] [--json]',
  run: (ctx) => ctx.usageError('not built yet'),
};
