import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/result';
import type { ReportDocument, ReportParamsInput } from '../../shared/contract/reports';
import { AUTHOR } from '../helpers/comment-fixtures';
import { blocksOf, headings, plusDays, recordChanges, reportStore, tableOf, textOf, type ReportStore } from '../helpers/report-store';

let fx: ReportStore;
beforeEach(async () => {
  fx = await reportStore();
});
afterEach(() => fx.cleanup());

/** Through the backend, as the window asks for the preview. */
function preview(input: Partial<ReportParamsInput> & Pick<ReportParamsInput, 'kind'>): ReportDocument {
  return fx.backend.call('reportsPreview', { from: fx.from, to: fx.to, ...input });
}

const zhDate = (iso: string): string => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('the comment outcomes report', () => {
  it('gives the totals and rates first, then every comment of the period with its points, outcomes and evidence', () => {
    const doc = preview({ kind: 'outcomes' });
    expect(doc.title).toBe('评议意见采纳情况报告');
    expect(headings(doc)).toEqual(['一、总体情况', '二、逐条采纳情况']);
    const submitted = fx.db
      .prepare('SELECT id FROM comments WHERE submission_date BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY submission_date')
      .pluck()
      .all(fx.from, fx.to) as number[];
    expect(submitted).toEqual([fx.comments.battery, fx.comments.cars, fx.comments.uae]);
    const first = blocksOf(doc, 'paragraph')[0]!.text;
    expect(first).toContain('共提交评议意见3件，其中全部采纳0件、部分采纳1件、未采纳1件、措施已撤回0件、待回复1件');
    // Points: 4 in all, 1 adopted; the cost spared as recorded.
    const points = fx.db.prepare("SELECT count(*) FROM comment_outcomes WHERE outcome IN ('adopted', 'partly_adopted') AND deleted_at IS NULL").pluck().get() as number;
    expect(points).toBe(1);
    expect(first).toContain('共4条意见，已采纳（含部分采纳）1条，逐条采纳率25.0%；估算为出口企业节约成本1,500,000元。');
    expect(tableOf(doc, 'comment-outcomes').rows.map((r) => r[1])).toEqual([0, 1, 1, 0, 1, 3]);
    expect(blocksOf(doc, 'chart')).toHaveLength(1);

    expect(headings(doc, 2)).toEqual(['（1）G/TBT/N/SAU/1201', '（2）G/TBT/N/RUS/300', '（3）G/TBT/N/ARE/700']);
    const battery = blocksOf(doc, 'list')[0]!.items;
    expect(battery).toEqual([
      // The addendum dates the outcome: its date is not repeated after it.
      `1. 关注问题1——已采纳（${zhDate(plusDays(fx.today, -5))}）；依据：G/TBT/N/SAU/1201/Add.1`,
      `2. 关注问题2——未采纳（${zhDate(plusDays(fx.today, -4))}）`,
    ]);
    expect(blocksOf(doc, 'list')[1]!.items).toEqual(['1. 关注问题1——待回复']);
    expect(textOf(doc)).toContain(`提交日期：${zhDate(plusDays(fx.today, -20))}`);
    expect(textOf(doc)).not.toContain(String(fx.comments.draft) + '）G/TBT/N/EGY');

    const annex = tableOf(doc, 'points');
    expect(annex.annexOnly).toBe(true);
    expect(annex.rows).toHaveLength(4);
    expect(annex.rows[0]).toEqual([
      'G/TBT/N/SAU/1201',
      expect.any(String),
      plusDays(fx.today, -20),
      1,
      '关注问题1',
      '已采纳',
      plusDays(fx.today, -5),
      'G/TBT/N/SAU/1201/Add.1',
      plusDays(fx.today, -5),
      1_500_000,
      null,
    ]);
    expect(annex.columns.map((c) => c.kind)).toEqual(['text', 'text', 'date', 'number', 'text', 'text', 'date', 'text', 'date', 'money', 'text']);
  });

  it('narrows to one member, and says so when a period has no comment', () => {
    const uae = preview({ kind: 'outcomes', member: 'ARE' });
    expect(headings(uae, 2)).toEqual(['（1）G/TBT/N/ARE/700']);
    expect(blocksOf(uae, 'paragraph')[0]!.text).toContain('共提交评议意见1件，其中全部采纳0件、部分采纳0件、未采纳1件');
    expect(blocksOf(uae, 'paragraph')[0]!.text).toContain('共1条意见，已采纳（含部分采纳）0条，逐条采纳率0.0%。');
    const gulf = preview({ kind: 'outcomes', member: 'GCC' });
    expect(gulf.subtitle).toContain('海湾阿拉伯国家合作委员会');
    expect(headings(gulf, 2)).toEqual(['（1）G/TBT/N/SAU/1201', '（2）G/TBT/N/ARE/700']);
    expect(blocksOf(gulf, 'paragraph')[0]!.text).toContain('共3条意见，已采纳（含部分采纳）1条，逐条采纳率33.3%。');
    const empty = preview({ kind: 'outcomes', from: plusDays(fx.today, -400), to: plusDays(fx.today, -300) });
    expect(textOf(empty)).toContain('未提交评议意见。');
    expect(headings(empty)).toEqual(['一、总体情况']);
  });
});

describe('the report preview channel', () => {
  it('builds each kind as the acting analyst, changing nothing', () => {
    const changes = recordChanges(fx.backend);
    const bulletin = preview({ kind: 'bulletin', issue: 4 });
    expect(bulletin.compiler).toBe(AUTHOR);
    expect(bulletin.date).toBe(fx.today);
    expect(textOf(bulletin)).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(preview({ kind: 'country', member: 'EAEU' }).title).toBe('欧亚经济联盟技术性贸易措施对我国出口影响分析');
    expect(changes).toEqual([]);
    // Table ids name the annex's sheets: unique in a document, at most 31 characters (the contract checks the length).
    for (const doc of [bulletin, preview({ kind: 'country', member: 'SAU' }), preview({ kind: 'outcomes' })]) {
      const ids = doc.blocks.flatMap((b) => (b.type === 'table' ? [b.id] : []));
      expect(new Set(ids).size).toBe(ids.length);
      const charts = doc.blocks.flatMap((b) => (b.type === 'chart' ? [b.id] : []));
      expect(new Set(charts).size).toBe(charts.length);
    }
  });

  it('refuses a period that ends before it starts, and a country analysis without a member, naming the field', () => {
    const backwards = failure(() => preview({ kind: 'bulletin', from: fx.to, to: fx.from }));
    expect(backwards.code).toBe('VALIDATION');
    expect(backwards.details).toMatchObject({ fields: [{ path: 'to' }] });
    const noMember = failure(() => preview({ kind: 'country' }));
    expect(noMember.code).toBe('VALIDATION');
    expect(noMember.details).toMatchObject({ fields: [{ path: 'member' }] });
    const unknown = failure(() => preview({ kind: 'country', member: 'XYZ' }));
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.details).toMatchObject({ fields: [{ path: 'member' }] });
  });
});
