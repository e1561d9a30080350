import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/run-cli';
import { addAnalysts, commentWithPoints, submit } from '../helpers/comment-fixtures';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { readCsv, readWorkbook } from '../helpers/read-sheet';
import { TEST_NOW, makeTempDir, testClock } from '../helpers/temp-store';

let tmp: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  tmp = makeTempDir();
  const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock: testClock() });
  try {
    addAnalysts(backend);
    await importRecords(backend.ctx.db, [
      parsedRecord('G/TBT/N/SAU/1', { title: 'Lithium battery labelling', distributionDate: '2026-10-01' }),
      parsedRecord('G/TBT/N/SAU/2', { title: '=HYPERLINK("http://x.example")', distributionDate: '2026-10-02' }),
      parsedRecord('G/TBT/N/RUS/3', { title: 'Lithium battery safety', distributionDate: '2026-10-03' }),
      parsedRecord('G/SPS/N/KAZ/4', { title: 'Meat imports', distributionDate: '2026-10-04' }),
    ]);
    const id = backend.ctx.db.prepare("SELECT id FROM notifications WHERE symbol = 'G/TBT/N/SAU/1'").pluck().get() as number;
    submit(backend, commentWithPoints(backend, id, 2), '2026-11-02');
  } finally {
    backend.close();
  }
});
afterEach(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir, PINGYI_NOW: TEST_NOW });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pingyi export', () => {
  it('writes the notifications of one member to XLSX, newest first, with progress on stderr', async () => {
    const target = path.join(tmp.dir, 'out', 'sau.xlsx');
    const r = await cli('export', 'notifications', '--member', 'sau', '--format', 'xlsx', '--out', target);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Wrote ${target} (2 rows, ${r.out.match(/(\d+) bytes/)![1]} bytes, XLSX)`);
    expect(r.err).toContain('export: writing');
    const [sheet] = await readWorkbook(target);
    expect(sheet!.rows[0]![0]).toBe('通报号');
    expect(sheet!.rows.slice(1).map((row) => row[0])).toEqual(['G/TBT/N/SAU/2', 'G/TBT/N/SAU/1']);
  });

  it('writes a search to CSV in English, as JSON says', async () => {
    const target = path.join(tmp.dir, 'battery.csv');
    const r = await cli('export', 'notifications', '--query', 'lithium battery', '--format', 'csv', '--out', target, '--language', 'en', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ path: target, rows: 2, format: 'csv' });
    const csv = readCsv(target);
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]![0]).toBe('Symbol');
    expect(csv.rows.slice(1).map((row) => row[0]).sort()).toEqual(['G/TBT/N/RUS/3', 'G/TBT/N/SAU/1']);
  });

  it('writes the comments of a member and the comment statistics of a period', async () => {
    const comments = path.join(tmp.dir, 'comments.xlsx');
    expect((await cli('export', 'comments', '--member', 'SAU', '--format', 'xlsx', '--out', comments)).code).toBe(0);
    const [sheet] = await readWorkbook(comments);
    expect(sheet!.rows.slice(1).map((row) => row[0])).toEqual(['G/TBT/N/SAU/1']);
    const stats = path.join(tmp.dir, 'stats.xlsx');
    expect((await cli('export', 'stats', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'xlsx', '--out', stats)).code).toBe(0);
    const sheets = await readWorkbook(stats);
    expect(sheets.map((s) => s.name)).toEqual(['按成员', '按产业', '按年份', '按意见模板']);
    expect(sheets[0]!.rows[1]![1]).toBe(1);
  });

  it('says what is wrong with the command line', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['export'], /name the list/],
      [['export', 'letters', '--format', 'xlsx', '--out', 'x'], /no list named letters/],
      [['export', 'notifications', '--out', 'x'], /--format xlsx\|csv is required/],
      [['export', 'notifications', '--format', 'pdf', '--out', 'x'], /--format must be xlsx or csv/],
      [['export', 'notifications', '--format', 'csv'], /--out FILE is required/],
      [['export', 'notifications', '--member', 'Saudi', '--format', 'csv', '--out', 'x'], /three-letter member code/],
      [['export', 'warnings', '--query', 'x', '--format', 'csv', '--out', 'x'], /--query is not a filter of the warnings list/],
      [['export', 'stats', '--from', '1/11/2026', '--format', 'csv', '--out', 'x'], /--from takes a date as YYYY-MM-DD/],
      [['export', 'notifications', '--from', '2026-01-01', '--format', 'csv', '--out', 'x'], /apply to the stats export only/],
      [['export', 'notifications', '--language', 'fr', '--format', 'csv', '--out', 'x'], /--language must be zh or en/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toContain('Usage: pingyi export');
    }
  });
});
