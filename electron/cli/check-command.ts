import type { CliCommand } from './command';

/** Exit code of a check that found damage: distinct from 1 (the command failed) for scripts. */
export const EXIT_DAMAGED = 3;

export const checkCommand: CliCommand = {
  summary: 'Check the store for damage (quick; --full reads every page); exits 3 when it is damaged',
  usage: 'pingyi check [--full] [--json]',
  options: { full: { type: 'boolean' } },
  async run({ call, callAsync, flags, json, io }) {
    const check = await callAsync('storeCheck', { full: flags.full === true });
    const health = call('storeHealth', {});
    const damaged = !check.ok || health.status === 'damaged';
    if (json) {
      io.out(JSON.stringify({ ok: !damaged, check, health }, null, 2));
    } else if (!damaged) {
      io.out(`The store passed the ${check.kind} check (${check.ms} ms).`);
    } else {
      io.err(`The store is damaged (${check.kind} check, ${check.ms} ms):`);
      for (const p of check.problems.length > 0 ? check.problems : [health.reason ?? '']) io.err(`  ${p}`);
      io.err('Nothing more is written to it. Restore a backup (pingyi backup list / restore), or keep the file for support.');
    }
    return damaged ? EXIT_DAMAGED : 0;
  },
};
