import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { EventPayload } from '../../shared/contract';
import { addAnalysts, AUTHOR } from '../helpers/comment-fixtures';
import { emptyBackend } from '../helpers/temp-store';
import { badCheck, creditCode, EN_HEADER, sampleRows, unworded, writeCsv, writeXlsx, ZH_HEADER, type Cell } from '../fixtures/enterprise-files';

let env: Awaited<ReturnType<typeof emptyBackend>>;
beforeEach(async () => {
  env = await emptyBackend();
  addAnalysts(env.backend);
});
afterEach(() => env.cleanup());

function importFile(backend: Backend, file: string) {
  const { fileRef } = backend.ctx.staging.addPath(file);
  return backend.callAsync('enterprisesImport', { fileRef });
}

/** Everything the registry holds, for before/after comparisons. */
function snapshot(backend: Backend) {
  const db = backend.ctx.db;
  return {
    enterprises: db.prepare('SELECT uid, name, credit_code, province, city, industry, contacts, updated_at, deleted_at FROM enterprises ORDER BY id').all(),
    lines: db.prepare('SELECT uid, enterprise_uid, hs_code, market, annual_export_usd, updated_at, deleted_at FROM enterprise_exposure ORDER BY id').all(),
    changes: db.prepare('SELECT count(*) FROM enterprise_changes').pluck().get(),
    audit: db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'enterprise'").pluck().get(),
  };
}

const lineSet = (backend: Backend) =>
  backend.ctx.db
    .prepare(
      `SELECT e.credit_code || ' ' || x.hs_code || ' ' || x.market || ' ' || COALESCE(CAST(x.annual_export_usd AS INTEGER), '-') FROM enterprise_exposure x
       JOIN enterprises e ON e.uid = x.enterprise_uid WHERE x.deleted_at IS NULL ORDER BY 1`,
    )
    .pluck()
    .all() as string[];

describe('enterprise import', () => {
  it('imports a Chinese-headed workbook: rows of one code merge, a bloc expands with equal shares and a notice, names resolve', async () => {
    const { backend } = env;
    const file = await writeXlsx(env.dir, 'enterprises.xlsx', [ZH_HEADER, ...sampleRows()]);
    const events: Array<EventPayload<'dataChanged'>> = [];
    backend.subscribe((name, payload) => {
      if (name === 'dataChanged') events.push(payload as EventPayload<'dataChanged'>);
    });
    const report = await importFile(backend, file);
    expect(report).toMatchObject({
      fileName: 'enterprises.xlsx',
      format: 'xlsx',
      rowsRead: 5,
      enterprisesAdded: 3,
      enterprisesUpdated: 0,
      enterprisesUnchanged: 0,
      linesAdded: 10,
      rejected: 0,
      warningsJobId: expect.any(String),
    });
    expect(report.notices).toEqual([expect.objectContaining({ row: 4, field: 'market', code: 'market.blocShared' })]);
    expect(report.notices[0]!.reason).toContain('100000');
    expect(await unworded(report.notices)).toEqual([]);
    expect(lineSet(backend)).toEqual(
      [
        `${creditCode(1)} 850760 RUS 300000`,
        `${creditCode(1)} 8507600010 SAU 1200000`,
        ...['ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'SAU'].map((m) => `${creditCode(2)} 854143 ${m} 100000`),
        `${creditCode(3)} 841810 ARE 50000`,
        `${creditCode(3)} 841810 KAZ -`,
      ].sort(),
    );
    const list = backend.call('enterprisesList', {}).items;
    expect(list.find((e) => e.creditCode === creditCode(2))).toMatchObject({ province: '福建', city: '厦门' });
    const lithium = backend.call('enterprisesGet', { uid: list.find((e) => e.creditCode === creditCode(1))!.uid });
    expect(lithium).toMatchObject({ province: '福建省', city: '福州市', createdBy: AUTHOR, contacts: [{ person: '张三', phone: '0591-88000001', email: 'zs@example.com' }] });
    // The import is recorded, and the recomputation asked for the enterprises it added.
    const recorded = backend.ctx.db.prepare('SELECT kind, file_name, format FROM enterprise_imports').all();
    expect(recorded).toEqual([{ kind: 'enterprises', file_name: 'enterprises.xlsx', format: 'xlsx' }]);
    const job = backend.ctx.jobs.get(report.warningsJobId!);
    expect(job).toMatchObject({ kind: 'warningsRecompute', input: { scope: 'enterprises', reason: 'enterpriseImport', count: 3 } });
    expect(events.map((e) => e.entity)).toContain('enterprises');
    expect(backend.call('auditList', { entity: 'enterprise' })).toHaveLength(3);
  });

  it('reads English headers in CSV, with a BOM, and GB18030, and header variants', async () => {
    const { backend } = env;
    const variant = ['Name', 'Credit Code', 'REGION', 'industry', 'HS_Code', ' market ', 'Annual Export USD', 'contact', 'phone', 'email'];
    for (const [i, [header, encoding]] of ([
      [EN_HEADER, 'utf-8'],
      [variant, 'utf-8-bom'],
      [ZH_HEADER.map((h) => h.replace('（', '(').replace('）', ')')), 'gb18030'],
    ] as const).entries()) {
      const row: Cell[] = [`企业${i}`, creditCode(100 + i), '浙江省杭州市', '光伏', '854143', '哈萨克斯坦', '1,000', '', '', ''];
      const report = await importFile(backend, writeCsv(env.dir, `e${i}.csv`, [[...header], row], encoding));
      expect(report).toMatchObject({ format: 'csv', rowsRead: 1, enterprisesAdded: 1, linesAdded: 1, rejected: 0 });
    }
    const names = backend.call('enterprisesList', {}).items.map((e) => [e.name, e.province, e.markets, e.totalExportUsd]);
    expect(names).toEqual([
      ['企业0', '浙江省', ['KAZ'], 1000],
      ['企业1', '浙江省', ['KAZ'], 1000],
      ['企业2', '浙江省', ['KAZ'], 1000],
    ]);
  });

  it('rejects each bad row with its row number, field and reason, and imports the others', async () => {
    const { backend } = env;
    const good = sampleRows()[0]!;
    const rows: Cell[][] = [
      ZH_HEADER,
      good,
      ['坏代码公司', badCheck(creditCode(4)), '', '', '850760', 'SAU', 1, '', '', ''],
      ['短代码公司', '91350100', '', '', '850760', 'SAU', 1, '', '', ''],
      ['编码公司', creditCode(5), '', '', '8507', 'SAU', 1, '', '', ''],
      ['市场公司', creditCode(5), '', '', '850760', 'Atlantis', 1, '', '', ''],
      ['负值公司', creditCode(5), '', '', '850760', 'SAU', -5, '', '', ''],
      ['文字公司', creditCode(5), '', '', '850760', 'SAU', 'many', '', '', ''],
      ['另一个名字', creditCode(1), '', '', '850760', 'KAZ', 7, '', '', ''],
      ['福州锂能科技有限公司', creditCode(1), '', '', 30617, 'KAZ', 1e14, '', '', ''],
      ['福州锂能科技有限公司', creditCode(1), '', '', 30617, 'KAZ', 8, '', '', ''],
    ];
    const report = await importFile(backend, await writeXlsx(env.dir, 'bad.xlsx', rows));
    expect(report.rejections.map((r) => [r.row, r.field, r.code])).toEqual([
      [3, 'credit_code', 'creditCode.check'],
      [4, 'credit_code', 'creditCode.length'],
      [5, 'hs_code', 'hsCode.invalid'],
      [6, 'market', 'market.unknown'],
      [7, 'annual_export_usd', 'value.invalid'],
      [8, 'annual_export_usd', 'value.invalid'],
      [10, 'annual_export_usd', 'value.invalid'],
    ]);
    expect(report.rejections[0]!.reason).toMatch(/check character should be/);
    expect(report.rejections[3]!.reason).toContain('Atlantis');
    expect(report.notices.map((n) => [n.row, n.field, n.code])).toEqual([
      [9, 'name', 'name.differs'],
      [10, 'hs_code', 'hsCode.leadingZero'],
      [11, 'hs_code', 'hsCode.leadingZero'],
    ]);
    expect(report).toMatchObject({ rowsRead: 10, rejected: 7, enterprisesAdded: 1, linesAdded: 3 });
    // Every reason has words in both languages, and its figures fill them.
    expect(await unworded([...report.rejections, ...report.notices])).toEqual([]);
    // A code saved as a number gets its leading zero back.
    expect(backend.call('enterprisesList', { query: '030617' }).total).toBe(1);
    expect(backend.call('enterprisesList', {}).items.map((e) => e.name)).toEqual(['福州锂能科技有限公司']);
  });

  it('re-importing the same file changes nothing; a changed value updates the line and keeps the old one with the import', async () => {
    const { backend } = env;
    const file = await writeXlsx(env.dir, 'enterprises.xlsx', [ZH_HEADER, ...sampleRows()]);
    await importFile(backend, file);
    const before = snapshot(backend);
    const again = await importFile(backend, file);
    expect(again).toMatchObject({ enterprisesAdded: 0, enterprisesUpdated: 0, enterprisesUnchanged: 3, linesAdded: 0, linesUpdated: 0, linesUnchanged: 10, warningsJobId: null });
    expect(snapshot(backend)).toEqual(before);

    const changedRows = sampleRows();
    changedRows[0]![6] = 1_500_000;
    const third = await importFile(backend, await writeXlsx(env.dir, 'changed.xlsx', [ZH_HEADER, ...changedRows]));
    expect(third).toMatchObject({ enterprisesUpdated: 1, enterprisesUnchanged: 2, linesUpdated: 1, linesUnchanged: 9, warningsJobId: expect.any(String) });
    const uid = backend.call('enterprisesList', { query: creditCode(1) }).items[0]!.uid;
    const got = backend.call('enterprisesGet', { uid });
    const saudi = got.exposure.find((l) => l.market === 'SAU')!;
    expect(saudi).toMatchObject({ annualExportUsd: 1_500_000, uid: (before.lines as Array<{ uid: string; market: string; enterprise_uid: string }>).find((l) => l.market === 'SAU' && l.enterprise_uid === uid)!.uid });
    expect(got.history).toEqual([
      expect.objectContaining({ field: 'exposure', line: '8507600010 → SAU', oldValue: '1200000', newValue: '1500000', importId: third.importId, by: AUTHOR }),
    ]);
    expect(backend.ctx.jobs.get(third.warningsJobId!)).toMatchObject({ input: { scope: 'enterprises', count: 1 } });
  });

  it('a failure mid-way leaves the store as it was, the import record included', async () => {
    const { backend } = env;
    const db = backend.ctx.db;
    await importFile(backend, await writeXlsx(env.dir, 'first.xlsx', [ZH_HEADER, sampleRows()[0]!]));
    const before = snapshot(backend);
    const imports = db.prepare('SELECT count(*) FROM enterprise_imports').pluck().get();
    // The store itself refuses the third enterprise's line, after two have been written.
    db.exec("CREATE TEMP TRIGGER refuse_line BEFORE INSERT ON enterprise_exposure WHEN NEW.hs_code = '999999' BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
    const rows = [...sampleRows()];
    rows.push(['最后公司', creditCode(6), '', '', '999999', 'SAU', 1, '', '', '']);
    await expect(importFile(backend, await writeXlsx(env.dir, 'second.xlsx', [ZH_HEADER, ...rows]))).rejects.toThrow(/disk said no/);
    expect(snapshot(backend)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM enterprise_imports').pluck().get()).toBe(imports);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const file = writeCsv(env.dir, 'wrong.csv', [['企业名称', 'HS编码'], ['某公司', '850760']]);
    await expect(importFile(env.backend, file)).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringContaining('统一社会信用代码 / credit_code') });
  });

  it('the template in each language and format round-trips through the import', async () => {
    const { backend } = env;
    const seen: string[] = [];
    for (const [format, locale] of [
      ['xlsx', 'zh-CN'],
      ['csv', 'en'],
      ['csv', 'zh-CN'],
    ] as const) {
      const t = await backend.callAsync('enterprisesTemplate', { format, locale, inline: true });
      expect(t.mediaType).toBe(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
      const bytes = fs.readFileSync(t.path);
      expect(t.base64).toBe(bytes.toString('base64'));
      if (format === 'csv') {
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.toString('utf8')).toContain(locale === 'en' ? 'annual_export_usd' : '年出口额（美元）');
      }
      const copy = path.join(env.dir, `template-${locale}.${format}`);
      fs.copyFileSync(t.path, copy);
      const report = await importFile(backend, copy);
      expect(report).toMatchObject({ rowsRead: 1, rejected: 0 });
      seen.push(`${report.enterprisesAdded}/${report.enterprisesUnchanged}/${report.enterprisesUpdated}`);
    }
    // The same example enterprise each time: made, renamed in English, then named in Chinese again.
    expect(seen).toEqual(['1/0/0', '0/0/1', '0/0/1']);
    const got = backend.call('enterprisesGet', { uid: backend.call('enterprisesList', {}).items[0]!.uid });
    expect(got).toMatchObject({ creditCode: '91350100M000100Y43', province: '福建省', city: '福州市' });
    expect(got.exposure.map((l) => [l.hsCode, l.market, l.annualExportUsd])).toEqual([['8507600010', 'SAU', 1_200_000]]);
  });
});

describe('enterprise files refused as a whole', () => {
  it('refuses an Excel 97-2003 workbook and a damaged .xlsx, leaving the registry empty', async () => {
    const { backend } = env;
    const xls = path.join(env.dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    await expect(importFile(backend, xls)).rejects.toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringContaining('.xls') });
    const good = await writeXlsx(env.dir, 'good.xlsx', [ZH_HEADER, ...sampleRows()]);
    const cut = path.join(env.dir, 'cut.xlsx');
    fs.writeFileSync(cut, fs.readFileSync(good).subarray(0, 400));
    await expect(importFile(backend, cut)).rejects.toMatchObject({ code: 'IMPORT_REJECTED' });
    expect(backend.call('enterprisesList', {}).total).toBe(0);
    expect(backend.ctx.db.prepare('SELECT count(*) FROM enterprise_imports').pluck().get()).toBe(0);
  });
});
