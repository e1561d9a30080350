import type { CliCommand } from './command';

export const enterprisesCommand: CliCommand = {
  summary: 'The enterprise registry: import a file of enterprises, or list them',
  usage: 'pingyi enterprises import FILE [--json]\n       pingyi enterprises list [--query Q] [--json]',
  options: { query: { type: 'string' } },
  run: (ctx) => ctx.usageError('not built yet'),
};
