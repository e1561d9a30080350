import type { Database } from 'better-sqlite3';
import type { OutcomeTally } from '../../../../shared/contract/comment-figures';
import { tallyOutcomes } from '../../../../shared/domain/comment-outcome';
import { commentStats } from '../../comments/comment-stats';
import type { ReportBlock } from '../../../../shared/contract/reports';
import type { ReportComment } from './report-comments';
import type { CountryNames, MemberScope } from './report-scope';
import { COMMENT_OUTCOME_ZH, percentZh } from './report-words';

/** The comment figures of a report's scope, with the point counts beside them. */
export interface ScopedCommentFigures {
  tally: OutcomeTally;
  points: number;
  pointsAdopted: number;
  /** Only for every member together: the statistics' own figure (a cost is not split by member). */
  costSparedCny: number | null;
  pointAdoptionRate: number | null;
}

/**
 * The figures of the comment statistics (comments/comment-stats.ts) for every member, or for one
 * member (its group there). A bloc's comments cannot be added up from its members' groups (a
 * family comment counts for each member), so they are tallied once each with the statistics'
 * own rule (shared/domain/comment-outcome.ts).
 */
export function scopedCommentFigures(db: Database, from: string, to: string, scope: MemberScope | null, comments: readonly ReportComment[]): ScopedCommentFigures {
  const stats = commentStats(db, { from, to });
  if (scope === null) {
    const t = stats.totals;
    return { tally: t, points: t.points.total, pointsAdopted: t.points.adopted + t.points.partlyAdopted, costSparedCny: t.costSparedCny, pointAdoptionRate: t.pointAdoptionRate };
  }
  if (!scope.bloc) {
    const group = stats.byMember.find((g) => g.key === scope.code);
    if (group) return { tally: group, points: group.points, pointsAdopted: group.pointsAdopted, costSparedCny: null, pointAdoptionRate: group.points === 0 ? null : group.pointsAdopted / group.points };
  }
  const points = comments.flatMap((c) => c.points);
  const adopted = points.filter((p) => p.outcome === 'adopted' || p.outcome === 'partly_adopted').length;
  return {
    tally: tallyOutcomes(comments.map((c) => c.outcome)),
    points: points.length,
    pointsAdopted: adopted,
    costSparedCny: null,
    pointAdoptionRate: points.length === 0 ? null : adopted / points.length,
  };
}

/** The outcomes in the order the reports show them, with the tally's field for each. */
const OUTCOME_ROWS = [
  ['adopted', 'adopted'],
  ['partly_adopted', 'partlyAdopted'],
  ['not_adopted', 'notAdopted'],
  ['withdrawn', 'withdrawn'],
  ['awaiting', 'awaiting'],
] as const;

/** "提交评议意见N件，其中……": the figures of the comment statistics, in one paragraph. */
export function outcomeSentence(tally: OutcomeTally, period: string, what = '提交评议意见'): string {
  if (tally.submitted === 0) return `${period}未${what}。`;
  const rates =
    tally.decided === 0
      ? '尚无已有结果的评议意见，暂不计算采纳率'
      : `在已有结果的${tally.decided}件中，全部采纳率${percentZh(tally.fullyAdoptedRate)}，采纳（含部分采纳）率${percentZh(tally.atLeastPartlyRate)}`;
  return (
    `${period}共${what}${tally.submitted}件，其中全部采纳${tally.adopted}件、部分采纳${tally.partlyAdopted}件、` +
    `未采纳${tally.notAdopted}件、措施已撤回${tally.withdrawn}件、待回复${tally.awaiting}件；${rates}。`
  );
}

/** The tally as a table (outcome, comments, share of those submitted) and as a bar chart. */
export function outcomeTallyBlocks(tally: OutcomeTally, idPrefix: string): ReportBlock[] {
  return [
    {
      type: 'table',
      id: `${idPrefix}-outcomes`,
      title: '评议意见采纳情况',
      columns: [
        { key: 'outcome', header: '结果', kind: 'text', width: 1.5 },
        { key: 'comments', header: '评议意见（件）', kind: 'number' },
        { key: 'share', header: '占比', kind: 'percent' },
      ],
      rows: [
        ...OUTCOME_ROWS.map(([o, field]) => [COMMENT_OUTCOME_ZH[o], tally[field], tally.submitted === 0 ? null : tally[field] / tally.submitted]),
        ['合计', tally.submitted, tally.submitted === 0 ? null : 1],
      ],
      note: `全部采纳率 = 全部采纳 ÷ 已有结果（${tally.decided}件）= ${percentZh(tally.fullyAdoptedRate)}；采纳（含部分采纳）率 = （全部采纳 + 部分采纳）÷ 已有结果 = ${percentZh(tally.atLeastPartlyRate)}。措施撤回和待回复的不计入。`,
    },
    {
      type: 'chart',
      id: `${idPrefix}-outcome-chart`,
      chart: {
        kind: 'bar',
        title: '评议意见采纳情况',
        categories: OUTCOME_ROWS.map(([o]) => COMMENT_OUTCOME_ZH[o]),
        keys: OUTCOME_ROWS.map(([o]) => o),
        series: [{ name: '评议意见', values: OUTCOME_ROWS.map(([, field]) => tally[field]) }],
        unit: '件',
      },
    },
  ];
}

/** The comments as a table: measure, members, title, submitted on, points, outcome. */
export function commentListTable(id: string, comments: readonly ReportComment[], names: CountryNames): ReportBlock {
  return {
    type: 'table',
    id,
    title: '已提交的评议意见',
    columns: [
      { key: 'symbol', header: '通报号', kind: 'text', width: 1.6 },
      { key: 'members', header: '成员', kind: 'text' },
      { key: 'title', header: '评议意见', kind: 'text', width: 3 },
      { key: 'submitted', header: '提交日期', kind: 'date', width: 1.2 },
      { key: 'points', header: '意见条数', kind: 'number', width: 0.8 },
      { key: 'outcome', header: '结果', kind: 'text' },
    ],
    rows: comments.map((c) => [c.symbols.join(', '), c.memberCodes.map(names.zh).join('、'), c.title, c.submissionDate, c.points.length, COMMENT_OUTCOME_ZH[c.outcome]]),
  };
}

/**
 * The 评议工作 section: the figures (as the comment statistics give them; null when the member
 * had no comment in the period), the table and chart of outcomes, the comments listed.
 */
export function commentOutcomeBlocks(tally: OutcomeTally | null, comments: readonly ReportComment[], period: string, names: CountryNames): ReportBlock[] {
  if (tally === null || tally.submitted === 0) return [{ type: 'paragraph', text: `${period}未提交评议意见。` }];
  return [
    { type: 'paragraph', text: outcomeSentence(tally, period) },
    ...outcomeTallyBlocks(tally, 'comment'),
    commentListTable('comments', comments, names),
  ];
}
