import type { CliCommand, CommandContext } from './command';
import { warningsLetterCommand } from './warnings-letter-command';
import { warningsListCommand } from './warnings-list-command';
import { warningsRecomputeCommand } from './warnings-recompute-command';

/** One subcommand of `pingyi warnings`. */
export interface WarningsSubcommand {
  usage: string;
  run(ctx: CommandContext): number | Promise<number>;
}

const SUBCOMMANDS: Record<string, WarningsSubcommand> = {
  recompute: warningsRecomputeCommand,
  list: warningsListCommand,
  letter: warningsLetterCommand,
};

const USAGE = Object.values(SUBCOMMANDS)
  .map((s) => s.usage)
  .join('\n       ');

export const warningsCommand: CliCommand = {
  summary: 'Risk warnings: recompute them, list them, or make an enterprise’s warning letter',
  usage: USAGE,
  options: {
    level: { type: 'string' },
    enterprise: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  run(ctx) {
    const [name, ...rest] = ctx.positionals;
    const sub = name === undefined ? undefined : SUBCOMMANDS[name];
    if (!sub) return ctx.usageError(name === undefined ? 'say what to do: recompute, list or letter' : `unknown subcommand "${name}"`);
    return sub.run({ ...ctx, positionals: rest });
  },
};
