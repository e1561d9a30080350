import type { JobStateOf, WarningPassSummary } from '../../shared/contract';
import { startWarningsRecompute } from '../backend/warnings/recompute-job';
import { followJob } from './job-progress';
import type { WarningsSubcommand } from './warnings-command';

/** The summary of a pass in one line. */
export function describePass(s: WarningPassSummary): string {
  const raised = s.raisedHigh > 0 ? `; ${s.raisedHigh} raised to red or orange (${s.raisedRed ?? 0} red)` : '';
  return `Warnings recomputed: ${s.scored} measure × target pairs scored, ${s.created} new, ${s.changed} changed, ${s.closed} closed, ${s.unchanged} unchanged${raised}.`;
}

/** `pingyi warnings recompute [--json]`: score every measure in the window again, progress on stderr. */
export const warningsRecomputeCommand: WarningsSubcommand = {
  usage: 'pingyi warnings recompute [--json]',
  async run({ backend, positionals, json, io, usageError }) {
    if (positionals.length > 0) return usageError(`unexpected ${positionals.join(' ')}`);
    const start = (): JobStateOf<'warningsRecompute'> =>
      startWarningsRecompute(backend.ctx, { scope: 'all', reason: 'asked' }) as JobStateOf<'warningsRecompute'>;
    const result = await followJob(backend, start, io, json);
    io.out(json ? JSON.stringify(result) : describePass(result));
    return 0;
  },
};
