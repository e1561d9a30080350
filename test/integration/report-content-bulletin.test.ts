import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../electron/backend/reports/content/build-report';
import { ReportDocument, ReportParams, type ReportParamsInput } from '../../shared/contract/reports';
import { blocksOf, headings, plusDays, reportStore, SAU_TITLE_ZH, tableOf, textOf, type ReportStore } from '../helpers/report-store';
import { testActor, testClock } from '../helpers/temp-store';
import { insertWarningRow } from '../helpers/warning-fixtures';

let fx: ReportStore;
beforeEach(async () => {
  fx = await reportStore();
});
afterEach(() => fx.cleanup());

function bulletin(input: Partial<ReportParamsInput> = {}): ReportDocument {
  const params = ReportParams.parse({ kind: 'bulletin', from: fx.from, to: fx.to, ...input });
  // Checked against the contract, as the preview channel's output is.
  return ReportDocument.parse(buildReportDocument(fx.db, params, { clock: testClock(), actor: testActor('王芳') }));
}

/** 2026-11-20 → 2026年11月20日, written out here rather than borrowed from the code under test. */
const zhDate = (iso: string): string => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Counts per member (Chinese name) and area, straight from the store. */
function countsFromStore(): Map<string, { tbt: number; sps: number }> {
  const rows = fx.db
    .prepare(
      `SELECT c.name_zh AS name, n.area, count(*) AS k FROM notifications n JOIN countries c ON c.code = n.member_code
       WHERE c.sco_status IS NOT NULL AND n.distribution_date BETWEEN ? AND ? GROUP BY c.name_zh, n.area`,
    )
    .all(fx.from, fx.to) as Array<{ name: string; area: string; k: number }>;
  const out = new Map<string, { tbt: number; sps: number }>();
  for (const r of rows) {
    const m = out.get(r.name) ?? { tbt: 0, sps: 0 };
    if (r.area === 'TBT') m.tbt = r.k;
    else m.sps = r.k;
    out.set(r.name, m);
  }
  return out;
}

describe('the bulletin 《上合技贸措施简讯》', () => {
  it('has its title, issue, organisation, compiler and date, and its sections in order', () => {
    const doc = bulletin({ issue: 3 });
    expect(doc.title).toBe('上合技贸措施简讯');
    expect(doc.subtitle).toBe(`${fx.to.slice(0, 4)}年第3期`);
    expect(doc.organisation).toBe('上合组织国家技术性贸易措施研究评议基地');
    expect(doc.compiler).toBe('王芳');
    expect(doc.params.compiler).toBe('王芳');
    expect(doc.date).toBe(fx.today);
    expect(headings(doc)).toEqual(['一、概况', '二、新通报', '三、重点风险', '四、近期截止', '五、评议工作']);
    expect(blocksOf(doc, 'chart').map((c) => c.chart.kind)).toEqual(['bar', 'pie', 'horizontalBar', 'pie', 'bar']);
    const annex = doc.blocks[doc.blocks.length - 1]!;
    expect(annex).toMatchObject({ type: 'table', id: 'notifications', annexOnly: true });
    expect(bulletin({ compiler: '赵六' }).compiler).toBe('赵六');
    // Without an issue number the period stands under the title.
    expect(bulletin().subtitle).toBe(`${zhDate(fx.from)}至${zhDate(fx.to).slice(5)}`);
  });

  it('counts the period by member and by TBT/SPS as the store holds them, SCO members and partners only', () => {
    const doc = bulletin();
    const expected = countsFromStore();
    const total = [...expected.values()].reduce((n, m) => n + m.tbt + m.sps, 0);
    const tbt = [...expected.values()].reduce((n, m) => n + m.tbt, 0);
    expect(total).toBe(9); // the fixture's nine SCO notifications of the period; USA and the early Kazakh one left out
    const overview = blocksOf(doc, 'paragraph')[0]!.text;
    expect(overview).toContain(`${zhDate(fx.from)}至${zhDate(fx.to).slice(5)}，上合组织成员国和伙伴国共通报${total}件，其中TBT通报${tbt}件、SPS通报${total - tbt}件`);
    const table = tableOf(doc, 'members');
    expect(table.columns.map((c) => c.kind)).toEqual(['text', 'number', 'number', 'number']);
    const body = table.rows.slice(0, -1);
    expect(new Map(body.map((r) => [r[0], { tbt: r[1], sps: r[2] }]))).toEqual(expected);
    for (const r of body) expect(r[3]).toBe((r[1] as number) + (r[2] as number));
    expect(table.rows[table.rows.length - 1]).toEqual(['合计', tbt, total - tbt, total]);
    // Most notifications first.
    expect(body[0]![0]).toBe('沙特阿拉伯');
    expect(textOf(doc)).not.toContain('G/TBT/N/USA/999');
    // The products line names the industries filed most often.
    expect(blocksOf(doc, 'paragraph')[1]!.text).toMatch(/^涉及产品主要包括：锂电池（3件）、电动汽车（2件）/);
    const area = blocksOf(doc, 'chart').find((c) => c.id === 'by-area')!.chart;
    expect(area.series[0]!.values).toEqual([tbt, total - tbt]);
  });

  it('lists the new notifications by member (pinyin) then industry, with the Chinese title where the analysts wrote one', () => {
    const doc = bulletin();
    const members = headings(doc, 2);
    expect(members).toEqual(['阿联酋（2件）', '埃及（1件）', '俄罗斯（2件）', '沙特阿拉伯（4件）']);
    const lines = blocksOf(doc, 'list').flatMap((l) => l.items);
    const saudi = lines.find((l) => l.startsWith('G/TBT/N/SAU/1201\u3000'))!;
    expect(saudi).toContain(SAU_TITLE_ZH);
    expect(saudi).not.toContain('Lithium-ion batteries and battery packs');
    expect(saudi).toContain(`评议截止：${zhDate(plusDays(fx.today, 10))}`);
    // No translation: the English title, its HTML dropped; a second industry named on the line.
    expect(lines.find((l) => l.startsWith('G/TBT/N/ARE/700'))).toBe(`G/TBT/N/ARE/700\u3000Battery storage requirements（评议截止：${zhDate(plusDays(fx.today, 25))}；另涉及锂电池）`);
    expect(lines.find((l) => l.startsWith('G/TBT/N/SAU/1201/Add.1'))).toContain('【补遗】');
    expect(lines.find((l) => l.startsWith('G/SPS/N/RUS/301'))).toContain('评议截止：');
    // Industry headings under Russia: EV first, unclassified last.
    const level3 = headings(doc, 3);
    expect(level3).toContain('未分类');
    const rusAt = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === '俄罗斯（2件）');
    const next = doc.blocks.slice(rusAt + 1).filter((b) => b.type === 'heading').slice(0, 2);
    expect(next.map((b) => (b.type === 'heading' ? b.text : ''))).toEqual(['电动汽车', '未分类']);
    expect(lines).toHaveLength(9);
  });

  it('lists the open red and orange warnings, highest score first, and charts every open warning by level', () => {
    const doc = bulletin();
    const open = fx.db
      .prepare("SELECT score FROM warnings WHERE deleted_at IS NULL AND state <> 'closed' AND level IN ('red', 'orange') ORDER BY score DESC")
      .pluck()
      .all() as number[];
    const table = tableOf(doc, 'key-risks');
    expect(table.rows.map((r) => r[4])).toEqual(open);
    expect(table.rows.map((r) => r[3])).toEqual(['红色', '橙色', '橙色']);
    expect(table.rows[0]!.slice(0, 3)).toEqual(['宁德示例电池有限公司', 'G/TBT/N/SAU/1201', '沙特阿拉伯']);
    expect(table.rows[0]![5]).toBe(plusDays(fx.today, 10));
    expect(table.columns.map((c) => c.kind)).toEqual(['text', 'text', 'text', 'text', 'number', 'date', 'date']);
    const levels = blocksOf(doc, 'chart').find((c) => c.id === 'warning-levels')!.chart;
    expect(levels.categories).toEqual(['红色预警', '橙色预警', '黄色预警']);
    expect(levels.series[0]!.values).toEqual([1, 2, 1]);
    expect(levels.categoryColors).toHaveLength(3);
  });

  it('lists the final dates of the next 30 days, soonest first, whenever the notification came', () => {
    const doc = bulletin();
    const expected = fx.db
      .prepare(
        `SELECT n.symbol, n.comment_deadline FROM notifications n JOIN countries c ON c.code = n.member_code
         WHERE c.sco_status IS NOT NULL AND n.comment_deadline BETWEEN ? AND ? ORDER BY n.comment_deadline`,
      )
      .all(fx.today, plusDays(fx.today, 30)) as Array<{ symbol: string; comment_deadline: string }>;
    const table = tableOf(doc, 'deadlines');
    expect(table.rows.map((r) => [r[2], r[0]])).toEqual(expected.map((e) => [e.symbol, e.comment_deadline]));
    expect(table.rows.map((r) => r[2])).toEqual(['G/TBT/N/RUS/300', 'G/TBT/N/SAU/1201', 'G/TBT/N/KAZ/50', 'G/TBT/N/ARE/700']);
    expect(table.rows.map((r) => r[1])).toEqual([5, 10, 15, 25]);
    expect(table.columns[0]!.kind).toBe('date');
  });

  it('gives the comments of the period and their outcomes with the rates', () => {
    const doc = bulletin();
    const section = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === '五、评议工作');
    const sentence = doc.blocks[section + 1]!;
    // Three submitted: one partly adopted (a point adopted, one not), one not adopted, one awaiting.
    expect(sentence).toMatchObject({ type: 'paragraph' });
    expect(sentence.type === 'paragraph' && sentence.text).toContain('共提交评议意见3件，其中全部采纳0件、部分采纳1件、未采纳1件、措施已撤回0件、待回复1件');
    expect(sentence.type === 'paragraph' && sentence.text).toContain('全部采纳率0.0%，采纳（含部分采纳）率50.0%');
    const outcomes = tableOf(doc, 'comment-outcomes');
    expect(outcomes.rows.map((r) => r.slice(0, 2))).toEqual([['全部采纳', 0], ['部分采纳', 1], ['未采纳', 1], ['措施已撤回', 0], ['待回复', 1], ['合计', 3]]);
    expect(outcomes.rows[1]![2]).toBeCloseTo(1 / 3);
    expect(outcomes.columns[2]!.kind).toBe('percent');
    const comments = tableOf(doc, 'comments');
    expect(comments.rows.map((r) => [r[0], r[3], r[5]])).toEqual([
      ['G/TBT/N/SAU/1201', plusDays(fx.today, -20), '部分采纳'],
      ['G/TBT/N/RUS/300', plusDays(fx.today, -15), '待回复'],
      ['G/TBT/N/ARE/700', plusDays(fx.today, -10), '未采纳'],
    ]);
    // The comment's title as drafted from the notification's, without the HTML ePing titles carry.
    expect(comments.rows[2]![2]).toBe('关于《Battery storage requirements》（G/TBT/N/ARE/700）的评议意见');
    const chart = blocksOf(doc, 'chart').find((c) => c.id === 'comment-outcome-chart')!.chart;
    expect(chart.series[0]!.values).toEqual([0, 1, 1, 0, 1]);
  });

  it('carries every notification of the period in the annex, with real dates', () => {
    const doc = bulletin();
    const annex = tableOf(doc, 'notifications');
    expect(annex.rows).toHaveLength(9);
    const row = annex.rows.find((r) => r[0] === 'G/TBT/N/SAU/1201')!;
    expect(row).toEqual(['G/TBT/N/SAU/1201', '沙特阿拉伯', 'TBT', '新通报', 'Lithium-ion batteries and battery packs', SAU_TITLE_ZH, plusDays(fx.today, -30), plusDays(fx.today, 10), '8507', '锂电池']);
    expect(annex.columns.filter((c) => c.kind === 'date').map((c) => c.key)).toEqual(['distributed', 'finalDate']);
  });

  it('narrows to one member when asked', () => {
    const doc = bulletin({ member: 'SAU' });
    expect(blocksOf(doc, 'paragraph')[0]!.text).toContain('沙特阿拉伯共通报4件，其中TBT通报3件、SPS通报1件');
    expect(tableOf(doc, 'members').rows).toEqual([['沙特阿拉伯', 3, 1, 4], ['合计', 3, 1, 4]]);
    expect(tableOf(doc, 'key-risks').rows.map((r) => r[4])).toEqual([82, 55]);
    expect(tableOf(doc, 'deadlines').rows.map((r) => r[2])).toEqual(['G/TBT/N/SAU/1201']);
    expect(tableOf(doc, 'comments').rows.map((r) => r[0])).toEqual(['G/TBT/N/SAU/1201']);
  });

  it('takes a bloc for its members, and refuses a code that is neither', () => {
    const doc = bulletin({ member: 'GCC' });
    expect(blocksOf(doc, 'paragraph')[0]!.text).toContain('海湾阿拉伯国家合作委员会共通报6件，其中TBT通报5件、SPS通报1件。按成员分：沙特阿拉伯4件、阿联酋2件。');
    expect(tableOf(doc, 'comments').rows.map((r) => [r[0], r[5]])).toEqual([
      ['G/TBT/N/SAU/1201', '部分采纳'],
      ['G/TBT/N/ARE/700', '未采纳'],
    ]);
    expect(textOf(doc)).toContain('共提交评议意见2件，其中全部采纳0件、部分采纳1件、未采纳1件、措施已撤回0件、待回复0件');
    expect(tableOf(doc, 'key-risks').rows.map((r) => r[4])).toEqual([82, 55]);
    expect(() => bulletin({ member: 'ZZZ' })).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { fields: [expect.objectContaining({ path: 'member' })] } }));
  });

  it('says plainly when the period holds nothing, without charts of nothing', () => {
    const doc = bulletin({ from: plusDays(fx.today, -400), to: plusDays(fx.today, -300) });
    const text = textOf(doc);
    expect(text).toContain('上合组织成员国和伙伴国未发布TBT或SPS通报。');
    expect(text).toContain('本期无新通报。');
    expect(text).toContain('未提交评议意见。');
    expect(headings(doc)).toHaveLength(5);
    expect(blocksOf(doc, 'chart').map((c) => c.id)).toEqual(['warning-levels']);
    expect(tableOf(doc, 'notifications').rows).toEqual([]);
  });

  it('lists the 30 highest-scored of many red and orange warnings, saying how many there are in all', () => {
    const actorUid = fx.db.prepare('SELECT created_by FROM warnings LIMIT 1').pluck().get() as string;
    for (let i = 0; i < 40; i++) {
      insertWarningRow(fx.db, { notificationId: fx.ids['G/TBT/N/SAU/1250']!, symbols: [`G/TBT/N/SAU/${3000 + i}`], members: ['SAU'], industryCode: 'ev', score: 60 + (i % 20), level: i % 2 === 0 ? 'red' : 'orange', actorUid });
    }
    const doc = bulletin();
    const scores = fx.db
      .prepare("SELECT score FROM warnings WHERE deleted_at IS NULL AND state <> 'closed' AND level IN ('red', 'orange') ORDER BY score DESC")
      .pluck()
      .all() as number[];
    expect(scores).toHaveLength(43);
    const table = tableOf(doc, 'key-risks');
    expect(table.rows.map((r) => r[4])).toEqual(scores.slice(0, 30));
    expect(table.note).toBe('共43条，仅列分值最高的30条；完整列表见预警页面。');
    const reds = fx.db.prepare("SELECT count(*) FROM warnings WHERE deleted_at IS NULL AND state <> 'closed' AND level = 'red'").pluck().get() as number;
    expect(textOf(doc)).toContain(`未关闭的红色预警${reds}条、橙色预警${43 - reds}条，以下列出分值最高的30条。`);
  });

  it('says so when no red or orange warning is open', () => {
    fx.db.prepare("UPDATE warnings SET state = 'closed' WHERE level IN ('red', 'orange')").run();
    expect(textOf(bulletin())).toContain('目前没有未关闭的红色或橙色预警。');
  });
});
