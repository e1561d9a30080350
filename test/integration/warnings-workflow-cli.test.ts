import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarningFactor } from '../../shared/contract/warnings';
import { runCli } from '../../electron/cli/run-cli';
import { APPLIANCE_CODE, BATTERY_CODE, creditCode, SYMBOLS, warningsStore } from '../helpers/warnings-workflow-store';

let fx: Awaited<ReturnType<typeof warningsStore>>;

const FACTORS: WarningFactor[] = [
  { key: 'exposure', value: 'usd', params: { usd: 1_200_000 }, points: 30, max: 30, evidence: [] },
  { key: 'match', value: 'line', params: {}, points: 20, max: 20, evidence: [] },
  { key: 'nature', value: 'conformity', params: {}, points: 12, max: 15, evidence: [{ symbol: SYMBOLS.base, field: 'description', text: 'certificate of conformity' }] },
  { key: 'commentWindow', value: 'days', params: { days: 5 }, points: 20, max: 20, evidence: [] },
];

beforeEach(async () => {
  fx = await warningsStore();
  fx.db.prepare('UPDATE warnings SET factors = ? WHERE uid = ?').run(JSON.stringify(FACTORS), fx.warnings.red82);
  // The CLI opens the store itself, as it does beside a running app.
  fx.backend.close();
});
afterEach(() => {
  try {
    fx.cleanup();
  } catch {
    // The backend was closed above; the folder still goes.
  }
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['warnings', 'list', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: fx.dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface CliWarning {
  symbols: string[];
  creditCode: string | null;
  level: string;
  score: number;
  factors: Array<{ key: string; value: string; points: number; max: number }>;
}

describe('pingyi warnings list', () => {
  it('--json prints every warning with its symbols, credit code, level, score and factors with their points', async () => {
    const r = await cli('--json');
    expect(r.code).toBe(0);
    const warnings = JSON.parse(r.out) as CliWarning[];
    expect(warnings.map((w) => [w.level, w.score])).toEqual([
      ['red', 82],
      ['red', 72],
      ['orange', 55],
      ['yellow', 35],
      ['blue', 20],
    ]);
    expect(warnings[0]).toMatchObject({ symbols: [SYMBOLS.base, SYMBOLS.addendum], creditCode: BATTERY_CODE });
    expect(warnings[0]!.factors.map((f) => [f.key, f.points])).toEqual([
      ['exposure', 30],
      ['match', 20],
      ['nature', 12],
      ['commentWindow', 20],
    ]);
    expect(warnings[4]).toMatchObject({ creditCode: null, symbols: [SYMBOLS.egypt, SYMBOLS.egyptAddendum] });
  });

  it('--level and --enterprise narrow the list; the credit code may be typed in lower case', async () => {
    const red = JSON.parse((await cli('--level', 'red', '--json')).out) as CliWarning[];
    expect(red.map((w) => w.score)).toEqual([82, 72]);
    const appliance = JSON.parse((await cli('--enterprise', APPLIANCE_CODE.toLowerCase(), '--json')).out) as CliWarning[];
    expect(appliance.map((w) => [w.creditCode, w.level])).toEqual([
      [APPLIANCE_CODE, 'orange'],
      [APPLIANCE_CODE, 'yellow'],
    ]);
    const both = JSON.parse((await cli('--enterprise', BATTERY_CODE, '--level', 'orange', '--json')).out) as CliWarning[];
    expect(both).toEqual([]);
  });

  it('prints one aligned block per warning in text', async () => {
    const r = await cli('--enterprise', BATTERY_CODE);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('2 warnings');
    expect(r.out).toContain(`红 red      82  ${SYMBOLS.base}, ${SYMBOLS.addendum}`);
    expect(r.out).toContain(`  enterprise  ${BATTERY_CODE}  宁德示例电池有限公司`);
    const factorLines = lines.filter((l) => /^\s+(factors\s+)?(exposure|match|nature|commentWindow)\s+\d+\/\d+/.test(l));
    expect(factorLines).toEqual([
      '  factors     exposure          30/30  usd (usd=1200000)',
      '              match             20/20  line',
      '              nature            12/15  conformity',
      '              commentWindow     20/20  days (days=5)',
    ]);
    expect(r.out).toContain('红 red      72  G/TBT/N/ARE/700, G/TBT/N/SAU/1300');
  });

  it('refuses an unknown level, an invalid credit code and one nobody registered, with exit code 2', async () => {
    const level = await cli('--level', 'purple');
    expect(level.code).toBe(2);
    expect(level.err).toMatch(/--level must be one of red, orange, yellow, blue/);
    const invalid = await cli('--enterprise', `${BATTERY_CODE.slice(0, 17)}${BATTERY_CODE[17] === '0' ? '1' : '0'}`);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/check character should be/);
    const unknown = creditCode('91110000MA0000009');
    const missing = await cli('--enterprise', unknown);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`--enterprise ${unknown}: no enterprise with this credit code is registered`);
    expect(missing.out).toBe('');
  });
});
