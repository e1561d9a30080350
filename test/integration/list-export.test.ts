import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { jobKinds, type ListExportRequest } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { addAnalysts, commentWithPoints, submit } from '../helpers/comment-fixtures';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { readCsv, readWorkbook } from '../helpers/read-sheet';
import { emptyBackend } from '../helpers/temp-store';
import { insertEnterpriseRow, insertWarningRow } from '../helpers/warning-fixtures';

type Env = Awaited<ReturnType<typeof emptyBackend>>;
let env: Env;
beforeEach(async () => {
  env = await emptyBackend();
  addAnalysts(env.backend);
});
afterEach(() => env.cleanup());

const backend = () => env.backend;
const db = () => env.backend.ctx.db;
const MEMBERS = ['SAU', 'RUS', 'KAZ', 'USA'];

function day(n: number): string {
  const d = new Date(`${todayOf(backend().ctx.clock)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const asDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Run an export through its channel and job; the result and the file's path. */
async function exportList(request: ListExportRequest): Promise<{ rows: number; path: string; fileName: string }> {
  const { jobId } = backend().call('exportsStart', request);
  const ended = await backend().ctx.jobs.settle(jobId);
  expect(ended.error ?? null).toBeNull();
  expect(ended.status).toBe('done');
  const result = jobKinds.listExport.result.parse(ended.result);
  return { rows: result.rows, path: result.file.path, fileName: result.file.fileName };
}

/** 1,300 notifications over four members: more than two pages of the export's reads. */
async function seedNotifications(): Promise<void> {
  const records = Array.from({ length: 1300 }, (_, i) => {
    const member = MEMBERS[i % MEMBERS.length]!;
    return parsedRecord(`G/TBT/N/${member}/${1000 + i}`, {
      title: `Regulation ${i} on lithium batteries`,
      distributionDate: day(-(i % 200)),
      commentDeadline: i % 3 === 0 ? day(60 - (i % 90)) : null,
      hsCodes: i % 5 === 0 ? ['850760', '8507.80'] : [],
    });
  });
  await importRecords(db(), records);
}

/** The list's own order for a filter, page by page through its channel (500 is its page limit). */
function listedSymbols(filter: Record<string, unknown>): { symbols: string[]; total: number } {
  const symbols: string[] = [];
  let total = 0;
  for (let offset = 0; ; offset += 500) {
    const page = backend().call('notificationsList', { ...filter, offset, limit: 500 });
    total = page.total;
    symbols.push(...page.items.map((i) => i.symbol));
    if (page.items.length < 500) break;
  }
  return { symbols, total };
}

describe('exporting the notification list', () => {
  it('writes every row of the filtered, sorted list to XLSX, in its order, with Chinese headers and real dates', async () => {
    await seedNotifications();
    const filter = { memberCodes: ['SAU', 'RUS'], sort: 'commentDeadline' as const, direction: 'asc' as const };
    const expected = listedSymbols(filter);
    const counted = db().prepare("SELECT count(*) FROM notifications WHERE member_code IN ('SAU', 'RUS')").pluck().get() as number;
    expect(expected.total).toBe(counted);
    const made = await exportList({ list: 'notifications', filter, format: 'xlsx', language: 'zh-CN' });
    expect(made.rows).toBe(counted);
    expect(made.fileName).toBe(`通报列表-${todayOf(backend().ctx.clock)}.xlsx`);
    const [sheet] = await readWorkbook(made.path);
    expect(sheet!.rows[0]).toEqual([
      '通报号', '领域', '成员代码', '通报成员', '文件类型', '标题', '中文标题', '分发日期', '评议截止日期', '处理状态', '相关程度', '负责人', '相关产业', 'HS 编码',
    ]);
    const body = sheet!.rows.slice(1);
    expect(body.map((r) => r[0])).toEqual(expected.symbols);
    const stored = db().prepare('SELECT symbol, distribution_date, comment_deadline, hs_codes FROM notifications').all() as Array<{
      symbol: string;
      distribution_date: string;
      comment_deadline: string | null;
      hs_codes: string;
    }>;
    const bySymbol = new Map(stored.map((s) => [s.symbol, s]));
    for (const row of body) {
      const s = bySymbol.get(row[0] as string)!;
      expect(row[7]).toEqual(asDate(s.distribution_date));
      expect(row[8]).toEqual(s.comment_deadline ? asDate(s.comment_deadline) : null);
      expect(row[9]).toBe('新通报');
      expect(row[13] ?? '').toBe((JSON.parse(s.hs_codes) as string[]).join('; '));
    }
    expect(sheet!.formats[7]).toBe('yyyy-mm-dd');
  });

  it('writes the same rows to CSV with a BOM and English headers, and a second export of the day gets its own name', async () => {
    await seedNotifications();
    const filter = { memberCodes: ['KAZ'] };
    const expected = listedSymbols(filter);
    const first = await exportList({ list: 'notifications', filter, format: 'csv', language: 'en' });
    const second = await exportList({ list: 'notifications', filter, format: 'csv', language: 'en' });
    expect(first.fileName).toBe(`notifications-${todayOf(backend().ctx.clock)}.csv`);
    expect(second.fileName).toBe(`notifications-${todayOf(backend().ctx.clock)}-2.csv`);
    const csv = readCsv(first.path);
    expect(csv.bom).toBe(true);
    expect(csv.crlf).toBe(true);
    expect(csv.rows[0]!.slice(0, 4)).toEqual(['Symbol', 'Area', 'Member code', 'Notifying member']);
    const body = csv.rows.slice(1).filter((r) => r.length > 1);
    expect(body.length).toBe(expected.total);
    expect(body.map((r) => r[0])).toEqual(expected.symbols);
    expect(body.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[7]!))).toBe(true);
    expect(body[0]![9]).toBe('New');
  });

  it('exports a search in its ranked order', async () => {
    await importRecords(db(), [
      parsedRecord('G/TBT/N/SAU/1', { title: 'Toys safety', description: 'lithium battery inside' }),
      parsedRecord('G/TBT/N/SAU/2', { title: 'Lithium battery labelling' }),
      parsedRecord('G/TBT/N/RUS/3', { title: 'Paints' }),
    ]);
    const filter = { query: 'lithium battery' };
    const expected = listedSymbols(filter);
    const made = await exportList({ list: 'notifications', filter, format: 'xlsx', language: 'zh-CN' });
    const [sheet] = await readWorkbook(made.path);
    expect(sheet!.rows.slice(1).map((r) => r[0])).toEqual(expected.symbols);
    expect(expected.symbols).toEqual(['G/TBT/N/SAU/2', 'G/TBT/N/SAU/1']);
  });
});

describe('exporting the other lists', () => {
  it('exports the comments list in its order with the states in words', async () => {
    await importRecords(db(), [
      parsedRecord('G/TBT/N/SAU/10', { commentDeadline: day(40) }),
      parsedRecord('G/TBT/N/RUS/11', { commentDeadline: day(20) }),
      parsedRecord('G/TBT/N/KAZ/12', { commentDeadline: day(30) }),
    ]);
    const ids = db().prepare('SELECT id FROM notifications ORDER BY id').pluck().all() as number[];
    const comments = ids.map((id, i) => commentWithPoints(backend(), id, i + 1));
    submit(backend(), comments[0]!, day(-1));
    const filter = { sort: 'deadline' as const };
    const listed = backend().call('commentsList', { ...filter, limit: 500 });
    const made = await exportList({ list: 'comments', filter, format: 'xlsx', language: 'zh-CN' });
    const [sheet] = await readWorkbook(made.path);
    expect(sheet!.rows[0]!.slice(0, 4)).toEqual(['通报号', '通报成员', '评议对象', '流程状态']);
    const body = sheet!.rows.slice(1);
    expect(body.length).toBe(listed.total);
    expect(body.map((r) => r[0])).toEqual(listed.items.map((c) => c.target.symbols.join('; ')));
    const submittedRow = body.find((r) => r[0] === 'G/TBT/N/SAU/10')!;
    expect(submittedRow[3]).toBe('已提交');
    expect(submittedRow[6]).toBe(1);
    expect(submittedRow[10]).toEqual(asDate(day(-1)));
    expect(body.find((r) => r[0] === 'G/TBT/N/KAZ/12')![3]).toBe('草稿');
    expect(body.find((r) => r[0] === 'G/TBT/N/KAZ/12')![7]).toEqual(asDate(day(30)));
  });

  it('exports the warnings inbox under its filters, every page, highest score first', async () => {
    await importRecords(db(), [parsedRecord('G/TBT/N/SAU/20'), parsedRecord('G/TBT/N/RUS/21')]);
    const [sau, rus] = db().prepare('SELECT id FROM notifications ORDER BY id').pluck().all() as number[];
    const actorUid = actingAnalyst(db()).uid;
    const enterprises = Array.from({ length: 310 }, (_, i) =>
      insertEnterpriseRow(db(), { name: `宁波电池有限公司${i}`, creditCode: `91330200MA2AA${String(i).padStart(5, '0')}`, actorUid }),
    );
    for (let i = 0; i < 620; i++) {
      const enterprise = enterprises[Math.floor(i / 2)]!;
      insertWarningRow(db(), {
        notificationId: i % 2 ? sau! : rus!,
        symbols: [i % 2 ? 'G/TBT/N/SAU/20' : 'G/TBT/N/RUS/21'],
        members: [i % 2 ? 'SAU' : 'RUS'],
        enterpriseUid: enterprise,
        score: i % 100,
        level: i % 100 >= 70 ? 'red' : i % 100 >= 50 ? 'orange' : 'yellow',
        commentDeadline: day(10 + (i % 7)),
        valueUsd: i * 1000,
        actorUid,
      });
    }
    const filter = { member: 'SAU', levels: ['red' as const, 'orange' as const] };
    const counted = db()
      .prepare("SELECT count(*) FROM warnings WHERE members LIKE '%SAU%' AND level IN ('red', 'orange') AND deleted_at IS NULL")
      .pluck()
      .get() as number;
    const made = await exportList({ list: 'warnings', filter, format: 'xlsx', language: 'zh-CN' });
    expect(made.rows).toBe(counted);
    const [sheet] = await readWorkbook(made.path);
    expect(sheet!.rows[0]!.slice(0, 3)).toEqual(['预警级别', '分值', '通报号']);
    const body = sheet!.rows.slice(1);
    expect(body.length).toBe(counted);
    const scores = body.map((r) => r[1] as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(body.map((r) => r[0]))).toEqual(new Set(['红色', '橙色']));
    expect(body.every((r) => r[4] === '沙特阿拉伯' && String(r[5]).startsWith('宁波电池有限公司'))).toBe(true);
    expect(body[0]![11]).toBeInstanceOf(Date);

    // Unfiltered, the inbox runs past one page of the export's reads (500): every warning, in order.
    const all = await exportList({ list: 'warnings', filter: { sort: 'score' }, format: 'csv', language: 'en' });
    expect(all.rows).toBe(620);
    const rows = readCsv(all.path).rows.slice(1).filter((r) => r.length > 1);
    expect(rows.length).toBe(620);
    const allScores = rows.map((r) => Number(r[1]));
    expect(allScores).toEqual([...allScores].sort((a, b) => b - a));
    const firstPage = backend().call('warningsList', { sort: 'score', limit: 500 });
    expect(rows.slice(0, 500).map((r) => `${r[1]}|${r[5]}`)).toEqual(firstPage.items.map((w) => `${w.score}|${w.target.kind === 'enterprise' ? w.target.name : ''}`));
  });

  it('exports the enterprise registry under its query and sort', async () => {
    const actorUid = actingAnalyst(db()).uid;
    for (let i = 0; i < 30; i++) {
      insertEnterpriseRow(db(), {
        name: `${i % 2 ? '浙江' : '江苏'}企业${String(i).padStart(2, '0')}`,
        creditCode: `9133010000000000${String(i).padStart(2, '0')}`,
        province: i % 2 ? '浙江' : '江苏',
        lines: [{ hsCode: '850760', market: 'SAU', annualExportUsd: i * 1000 }],
        actorUid,
      });
    }
    const filter = { query: '浙江', sort: 'exposure' as const };
    const listed = backend().call('enterprisesList', { ...filter, limit: 500 });
    const made = await exportList({ list: 'enterprises', filter, format: 'csv', language: 'zh-CN' });
    const csv = readCsv(made.path);
    expect(csv.rows[0]!.slice(0, 2)).toEqual(['企业名称', '统一社会信用代码']);
    const body = csv.rows.slice(1).filter((r) => r.length > 1);
    expect(body.length).toBe(15);
    expect(body.map((r) => r[0])).toEqual(listed.items.map((e) => e.name));
    expect(body[0]![7]).toBe('29000');
  });

  it('exports the comment statistics as one sheet per table, and as CSV sections', async () => {
    await importRecords(db(), [parsedRecord('G/TBT/N/SAU/30'), parsedRecord('G/TBT/N/SAU/31'), parsedRecord('G/TBT/N/RUS/32')]);
    const ids = db().prepare('SELECT id FROM notifications ORDER BY id').pluck().all() as number[];
    for (const id of ids) submit(backend(), commentWithPoints(backend(), id, 2), day(-5));
    const names = new Map(
      (db().prepare("SELECT code, name_zh FROM countries WHERE code IN ('SAU', 'RUS')").all() as Array<{ code: string; name_zh: string }>).map((r) => [
        r.code,
        r.name_zh,
      ]),
    );
    const made = await exportList({ list: 'commentStats', filter: { from: day(-30), to: day(0) }, format: 'xlsx', language: 'zh-CN' });
    const sheets = await readWorkbook(made.path);
    expect(sheets.map((s) => s.name)).toEqual(['按成员', '按产业', '按年份', '按意见模板']);
    const byMember = sheets[0]!.rows;
    expect(byMember[0]!.slice(0, 2)).toEqual(['成员', '已提交']);
    const submitted = new Map(byMember.slice(1).map((r) => [r[0], r[1]]));
    expect(submitted.get(names.get('SAU'))).toBe(2);
    expect(submitted.get(names.get('RUS'))).toBe(1);
    const byYear = sheets[2]!.rows.slice(1);
    expect(byYear.reduce((sum, r) => sum + (r[1] as number), 0)).toBe(3);

    const csv = await exportList({ list: 'commentStats', filter: {}, format: 'csv', language: 'en' });
    const text = fs.readFileSync(csv.path, 'utf8');
    expect(text.startsWith('\uFEFFBy member\r\nMember,Submitted,')).toBe(true);
    expect(text).toContain('\r\n\r\nBy industry\r\n');
    expect(text).toContain('\r\n\r\nBy template\r\n');
  });
});
