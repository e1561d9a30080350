import { WarningLevel, type Warning, type WarningListInput } from '../../shared/contract/warnings';
import { creditCodeProblem, describeCreditCodeProblem, normalizeCreditCode } from '../../shared/domain/credit-code';
import { enterpriseUidByCreditCode } from '../backend/warnings/warning-list';
import type { WarningsSubcommand } from './warnings-command';

const LEVEL_WORDS: Record<WarningLevel, string> = { red: '红 red', orange: '橙 orange', yellow: '黄 yellow', blue: '蓝 blue' };
const PAGE = 500;

/** What the CLI prints of a warning: the measure, the target, the level and the score with its factors. */
function cliWarning(w: Warning) {
  return {
    uid: w.uid,
    symbols: w.measure.symbols,
    title: w.measure.titleZh ?? w.measure.title,
    members: w.measure.members,
    target: w.target,
    creditCode: w.target.kind === 'enterprise' ? w.target.creditCode : null,
    level: w.level,
    computedLevel: w.computedLevel,
    overridden: w.overridden,
    score: w.score,
    match: w.match,
    state: w.state,
    nextDeadline: w.nextDeadline,
    factors: w.factors.map((f) => ({ key: f.key, value: f.value, params: f.params, points: f.points, max: f.max })),
  };
}

function printBlock(out: (text: string) => void, w: ReturnType<typeof cliWarning>): void {
  const label = (name: string): string => `  ${name.padEnd(12)}`;
  out(`${LEVEL_WORDS[w.level].padEnd(9)} ${String(w.score).padStart(3)}  ${w.symbols.join(', ')}${w.overridden ? `  (computed ${w.computedLevel})` : ''}`);
  out(`${label('title')}${w.title}`);
  out(
    w.target.kind === 'enterprise'
      ? `${label('enterprise')}${w.target.creditCode}  ${w.target.name}`
      : `${label('industry')}${w.target.industryCode}  ${w.target.nameZh}`,
  );
  out(`${label('members')}${w.members.join(', ')}`);
  out(`${label('state')}${w.state.padEnd(14)}match ${w.match.padEnd(8)}next deadline ${w.nextDeadline ?? '-'}`);
  w.factors.forEach((f, i) => {
    const params = Object.entries(f.params)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    out(`${label(i === 0 ? 'factors' : '')}${f.key.padEnd(16)}${`${f.points}/${f.max}`.padStart(7)}  ${f.value}${params ? ` (${params})` : ''}`);
  });
  out('');
}

/**
 * `pingyi warnings list`: every warning (not removed), highest score first, optionally of one
 * level and one enterprise (by its unified social credit code).
 */
export const warningsListCommand: WarningsSubcommand = {
  usage: 'pingyi warnings list [--level red|orange|yellow|blue] [--enterprise CREDIT_CODE] [--json]',
  run({ backend, call, flags, json, io, usageError }) {
    const input: WarningListInput = { sort: 'score', limit: PAGE };
    if (typeof flags.level === 'string') {
      const level = WarningLevel.safeParse(flags.level.trim().toLowerCase());
      if (!level.success) return usageError(`--level must be one of ${WarningLevel.options.join(', ')}, not '${flags.level}'`);
      input.levels = [level.data];
    }
    if (typeof flags.enterprise === 'string') {
      const code = normalizeCreditCode(flags.enterprise);
      const problem = creditCodeProblem(code);
      if (problem) return usageError(`--enterprise ${flags.enterprise}: ${describeCreditCodeProblem(problem)}`);
      const uid = enterpriseUidByCreditCode(backend.ctx.db, code);
      if (uid === null) return usageError(`--enterprise ${code}: no enterprise with this credit code is registered`);
      input.enterpriseUid = uid;
    }
    const warnings: Array<ReturnType<typeof cliWarning>> = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = call('warningsList', { ...input, offset });
      for (const item of page.items) warnings.push(cliWarning(call('warningsGet', { uid: item.uid })));
      if (page.items.length < PAGE || offset + PAGE >= page.total) break;
    }
    if (json) {
      io.out(JSON.stringify(warnings, null, 2));
      return 0;
    }
    io.out(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
    if (warnings.length > 0) io.out('');
    for (const w of warnings) printBlock((t) => io.out(t), w);
    return 0;
  },
};
