import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import type { EnterpriseImportReport, EnterpriseListItem } from '../../shared/contract';
import { makeTempDir } from '../helpers/temp-store';
import { badCheck, creditCode, EN_HEADER, sampleRows, writeCsv, writeXlsx, ZH_HEADER } from '../fixtures/enterprise-files';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pingyi enterprises', () => {
  it('imports a workbook and prints the report; the JSON report is the app’s; a second run changes nothing', async () => {
    const file = await writeXlsx(tmp.dir, 'enterprises.xlsx', [ZH_HEADER, ...sampleRows()]);
    const first = await cli('enterprises', 'import', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('enterprises: added 3, updated 0, unchanged 0');
    expect(first.out).toContain('lines (HS code × market): added 10');
    expect(first.out).toMatch(/row 4 \[market\]: GCC stands for/);

    const again = await cli('enterprises', 'import', file, '--json');
    expect(again.code).toBe(0);
    const report = JSON.parse(again.out) as EnterpriseImportReport;
    expect(report).toMatchObject({ enterprisesAdded: 0, enterprisesUnchanged: 3, linesUnchanged: 10, warningsJobId: null });
  });

  it('exits 2 when every row is rejected, printing each row and why', async () => {
    const file = writeCsv(tmp.dir, 'bad.csv', [EN_HEADER, ['某公司', badCheck(creditCode(1)), '', '', '850760', 'SAU', 1, '', '', ''], ['某公司', creditCode(1), '', '', '85', 'SAU', 1, '', '', '']]);
    const r = await cli('enterprises', 'import', file);
    expect(r.code).toBe(2);
    expect(r.out).toContain('row 2 [credit_code]: invalid unified social credit code: the check character should be');
    expect(r.out).toContain('row 3 [hs_code]: an HS code of a product has 6 to 10 digits');
    expect((await cli('enterprises', 'list', '--json')).out).toContain('"total": 0');
  });

  it('lists the registry, with a query, as text and as JSON', async () => {
    await cli('enterprises', 'import', await writeXlsx(tmp.dir, 'enterprises.xlsx', [ZH_HEADER, ...sampleRows()]));
    const all = await cli('enterprises', 'list');
    expect(all.code).toBe(0);
    expect(all.out.split('\n')[0]).toBe('3 enterprises');
    expect(all.out).toContain(`${creditCode(2)}  厦门光伏股份有限公司  福建 厦门  HS 854143  markets ARE BHR KWT OMN QAT SAU  600,000 USD`);
    const found = await cli('enterprises', 'list', '--query', '8418', '--json');
    const parsed = JSON.parse(found.out) as { total: number; items: EnterpriseListItem[] };
    expect(parsed.total).toBe(1);
    expect(parsed.items[0]).toMatchObject({ name: '宁波家电有限公司', creditCode: creditCode(3), markets: ['ARE', 'KAZ'] });
  });

  it('says what is wrong with the command line', async () => {
    expect((await cli('enterprises')).code).toBe(2);
    const r = await cli('enterprises', 'export');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown subcommand "export"');
    expect((await cli('enterprises', 'import')).code).toBe(2);
  });
});
