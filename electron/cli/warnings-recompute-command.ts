import type { WarningsSubcommand } from './warnings-command';

export const warningsRecomputeCommand: WarningsSubcommand = {
  usage: 'pingyi warnings recompute [--json]',
  run: (ctx) => ctx.usageError('not built yet'),
};
