import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../electron/backend/reports/content/build-report';
import { ReportDocument, ReportParams, type ReportParamsInput } from '../../shared/contract/reports';
import { ApiError } from '../../shared/result';
import { blocksOf, headings, plusDays, reportStore, SAU_TITLE_ZH, tableOf, textOf, type ReportStore } from '../helpers/report-store';
import { testActor, testClock } from '../helpers/temp-store';

let fx: ReportStore;
beforeEach(async () => {
  fx = await reportStore();
});
afterEach(() => fx.cleanup());

function country(member: string, input: Partial<ReportParamsInput> = {}): ReportDocument {
  const params = ReportParams.parse({ kind: 'country', from: fx.from, to: fx.to, member, ...input });
  return ReportDocument.parse(buildReportDocument(fx.db, params, { clock: testClock(), actor: testActor('王芳') }));
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The indicators worked by hand over a small exposure table: each line's value and how many
 * distinct measures of the period name a code that is a prefix of it (or that it is a prefix of).
 */
function indicators(lines: Array<{ value: number; measures: number }>): { cr: number; fi: number; ps: number } {
  const total = lines.reduce((s, l) => s + l.value, 0);
  const covered = lines.filter((l) => l.measures > 0);
  return {
    cr: covered.reduce((s, l) => s + l.value, 0) / total,
    fi: covered.length / lines.length,
    ps: lines.reduce((s, l) => s + l.measures, 0) / lines.length,
  };
}

describe('the country impact analysis', () => {
  it('has its sections in order and ends with the recommendations the analyst wrote', () => {
    const doc = country('SAU', { recommendations: '建议企业尽快按新标准完成检测。' });
    expect(doc.title).toBe('沙特阿拉伯技术性贸易措施对我国出口影响分析');
    expect(doc.subtitle).toBe(`${Number(fx.from.slice(0, 4))}年${Number(fx.from.slice(5, 7))}月${Number(fx.from.slice(8, 10))}日至${Number(fx.to.slice(5, 7))}月${Number(fx.to.slice(8, 10))}日`);
    expect(headings(doc)).toEqual(['一、措施概况', '二、对我国出口的影响', '三、风险预警', '四、评议及采纳情况', '五、对策建议']);
    expect(doc.blocks[doc.blocks.length - 1]).toEqual({ type: 'recommendations', text: '建议企业尽快按新标准完成检测。' });
    // Empty recommendations still give the block, for the preview to fill in.
    expect(country('SAU').blocks.filter((b) => b.type === 'recommendations')).toEqual([{ type: 'recommendations', text: '' }]);
  });

  it("counts the member's measures of the period by industry, in a table and a chart", () => {
    const doc = country('SAU');
    const inStore = fx.db
      .prepare("SELECT area, count(*) AS k FROM notifications WHERE member_code = 'SAU' AND distribution_date BETWEEN ? AND ? GROUP BY area ORDER BY area DESC")
      .all(fx.from, fx.to) as Array<{ area: string; k: number }>;
    expect(inStore).toEqual([{ area: 'TBT', k: 3 }, { area: 'SPS', k: 1 }]);
    expect(blocksOf(doc, 'paragraph')[0]!.text).toContain('沙特阿拉伯共通报4件，其中TBT通报3件、SPS通报1件。');
    expect(tableOf(doc, 'by-industry').rows).toEqual([
      ['锂电池', 2, 0, 2],
      ['水产品', 0, 1, 1],
      ['未分类', 1, 0, 1],
    ]);
    const chart = blocksOf(doc, 'chart').find((c) => c.id === 'by-industry-chart')!.chart;
    expect(chart.kind).toBe('horizontalBar');
    expect(chart.series.map((s) => s.values)).toEqual([[2, 1, 1]]);
    const measures = tableOf(doc, 'measures');
    expect(measures.rows.map((r) => r[0])).toEqual(['G/TBT/N/SAU/1201', 'G/SPS/N/SAU/500', 'G/TBT/N/SAU/1201/Add.1', 'G/TBT/N/SAU/1250']);
    expect(measures.rows[0]![measures.columns.findIndex((c) => c.key === 'title')]).toBe(SAU_TITLE_ZH);
    // One country: no member column repeating the report's subject.
    expect(measures.columns.map((c) => c.key)).not.toContain('member');
  });

  it('computes coverage, frequency and prevalence over the latest year of the customs figures', () => {
    const doc = country('SAU');
    // Latest year: 850760 = 600 (8507 of 1201 and its addendum: one measure; 850760 of 1250), 030211 = 300 (0302 of SPS 500), 870380 = 100 (none).
    const hand = indicators([
      { value: 600, measures: 2 },
      { value: 300, measures: 1 },
      { value: 100, measures: 0 },
    ]);
    expect(hand.cr).toBeCloseTo(0.9);
    expect(hand.fi).toBeCloseTo(2 / 3);
    const text = blocksOf(doc, 'paragraph').map((p) => p.text).find((t) => t.includes('覆盖率'))!;
    const year = Number(fx.today.slice(0, 4)) - 1;
    expect(text).toContain(`据${year}年海关统计，我国对沙特阿拉伯出口涉及HS税目3个，出口额1,000美元。本期通报措施涉及其中2个税目，出口额900美元`);
    expect(text).toContain(`覆盖率（CR）${pct(hand.cr)}，频率指数（FI）${pct(hand.fi)}，流行分数（PS）${hand.ps.toFixed(2)}`);
    const table = tableOf(doc, 'exposure');
    expect(table.rows).toEqual([
      ['850760', '沙特阿拉伯', 600, 2, 'G/TBT/N/SAU/1201, G/TBT/N/SAU/1250'],
      ['030211', '沙特阿拉伯', 300, 1, 'G/SPS/N/SAU/500'],
    ]);
    expect(table.columns.map((c) => c.kind)).toEqual(['text', 'text', 'money', 'number', 'text']);
  });

  it('takes a bloc for its members: measures, trade lines, warnings and comments of each', () => {
    const doc = country('GCC');
    const gcc = fx.db.prepare("SELECT country_code FROM country_blocs WHERE bloc = 'GCC'").pluck().all() as string[];
    expect(gcc).toEqual(expect.arrayContaining(['SAU', 'ARE']));
    expect(doc.title).toBe('海湾阿拉伯国家合作委员会技术性贸易措施对我国出口影响分析');
    expect(textOf(doc)).toContain('共通报6件，其中TBT通报5件、SPS通报1件。按成员分：沙特阿拉伯4件、阿联酋2件。');
    const hand = indicators([
      { value: 600, measures: 2 },
      { value: 300, measures: 1 },
      { value: 100, measures: 0 },
      { value: 1000, measures: 1 },
      // 870380 to the UAE: a measure naming the finer 87038010 falls within the line.
      { value: 500, measures: 1 },
    ]);
    expect(textOf(doc)).toContain(`覆盖率（CR）${pct(hand.cr)}，频率指数（FI）${pct(hand.fi)}，流行分数（PS）${hand.ps.toFixed(2)}`);
    expect(tableOf(doc, 'exposure').rows[0]).toEqual(['850760', '阿联酋', 1000, 1, 'G/TBT/N/ARE/700']);
    // A bloc's measures table names each measure's member.
    const measures = tableOf(doc, 'measures');
    const member = measures.columns.findIndex((c) => c.key === 'member');
    expect(new Set(measures.rows.map((r) => r[member]))).toEqual(new Set(['沙特阿拉伯', '阿联酋']));
    expect(tableOf(doc, 'warnings').rows.map((r) => r[4])).toEqual([82, 55, 35]);
    expect(tableOf(doc, 'comments').rows.map((r) => [r[0], r[5]])).toEqual([
      ['G/TBT/N/SAU/1201', '部分采纳'],
      ['G/TBT/N/ARE/700', '未采纳'],
    ]);
    expect(textOf(doc)).toContain('就海湾阿拉伯国家合作委员会的措施提交评议意见2件，其中全部采纳0件、部分采纳1件、未采纳1件');
  });

  it('says plainly when no customs figures are on file for the member, dividing by nothing', () => {
    const doc = country('RUS');
    expect(textOf(doc)).toContain('尚未导入我国对俄罗斯出口的海关统计数据（贸易敞口数据），无法计算覆盖率、频率指数和流行分数。');
    expect(doc.blocks.some((b) => b.type === 'table' && b.id === 'exposure')).toBe(false);
    expect(textOf(doc)).not.toMatch(/NaN|Infinity/);
    expect(textOf(doc)).toContain('目前没有涉及俄罗斯措施的未关闭预警。');
    expect(tableOf(doc, 'comments').rows.map((r) => [r[0], r[5]])).toEqual([['G/TBT/N/RUS/300', '待回复']]);
  });

  it('lists the open warnings by level with their counts', () => {
    const doc = country('SAU');
    expect(textOf(doc)).toContain('涉及沙特阿拉伯措施的未关闭预警共3条，其中红色1条、橙色1条、黄色1条、蓝色0条。');
    const table = tableOf(doc, 'warnings');
    expect(table.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['宁德示例电池有限公司', '红色', 82],
      ['青岛示例电器有限公司', '橙色', 55],
      ['水产品（重点产业）', '黄色', 35],
    ]);
  });

  it('gives sensible sentences for an empty period', () => {
    const doc = country('SAU', { from: plusDays(fx.today, -400), to: plusDays(fx.today, -300) });
    const text = textOf(doc);
    expect(text).toContain('沙特阿拉伯未发布TBT或SPS通报。');
    expect(text).toContain('本期通报措施的HS编码未涉及我国对该成员的出口税目。');
    expect(text).toContain('覆盖率（CR）0.0%，频率指数（FI）0.0%，流行分数（PS）0.00');
    expect(text).toContain('未就沙特阿拉伯的措施提交评议意见。');
    expect(headings(doc)).toHaveLength(5);
  });

  it('refuses a member that is neither on file nor a bloc, naming the field', () => {
    let error: unknown;
    try {
      country('XYZ');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'member' }] } });
    expect(error).not.toBeInstanceOf(ApiError);
  });
});
