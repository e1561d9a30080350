import type { Database } from 'better-sqlite3';
import type { ReportBlock, ReportParams } from '../../../../shared/contract/reports';
import { chineseDate } from '../../../../shared/domain/date-words';
import { outcomeSentence, outcomeTallyBlocks, scopedCommentFigures } from './comment-figures';
import { periodComments, type ReportComment, type ReportPoint } from './report-comments';
import { countryNames, resolveMemberScope } from './report-scope';
import { COMMENT_OUTCOME_ZH, POINT_OUTCOME_ZH, percentZh, periodZh, sectionHeading } from './report-words';

export interface OutcomesContent {
  subtitle: string;
  blocks: ReportBlock[];
}

function pointOutcomeWords(p: ReportPoint): string {
  return POINT_OUTCOME_ZH[p.outcome ?? 'awaiting'];
}

/** "依据：G/TBT/N/SAU/1201/Add.1（2026年10月1日）" as stored; nothing when none was recorded. */
function evidenceWords(p: ReportPoint): string {
  if (p.evidence === '') return '';
  const dated = p.evidenceDate !== null && p.evidenceDate !== p.outcomeDate;
  return `；依据：${p.evidence}${dated ? `（${chineseDate(p.evidenceDate!)}）` : ''}`;
}

function commentBlocks(c: ReportComment, index: number, memberZh: (code: string) => string): ReportBlock[] {
  return [
    { type: 'heading', level: 2, text: `（${index}）${c.symbols.join('，')}` },
    {
      type: 'paragraph',
      text:
        `${c.title}。成员：${c.memberCodes.map(memberZh).join('、')}；提交日期：${chineseDate(c.submissionDate)}` +
        `${c.reference ? `；提交编号：${c.reference}` : ''}；共${c.points.length}条意见，结果：${COMMENT_OUTCOME_ZH[c.outcome]}。`,
    },
    c.points.length === 0
      ? { type: 'paragraph', text: '该评议意见没有具体条目。' }
      : {
          type: 'list',
          items: c.points.map(
            (p) =>
              `${p.number}. ${p.summary || '（无摘要）'}——${pointOutcomeWords(p)}${p.outcomeDate ? `（${chineseDate(p.outcomeDate)}）` : ''}${evidenceWords(p)}${p.note ? `；${p.note}` : ''}`,
          ),
        },
  ];
}

function pointsAnnex(comments: readonly ReportComment[]): ReportBlock {
  return {
    type: 'table',
    id: 'points',
    title: '评议意见逐条结果',
    annexOnly: true,
    columns: [
      { key: 'symbol', header: '通报号', kind: 'text' },
      { key: 'comment', header: '评议意见', kind: 'text', width: 2 },
      { key: 'submitted', header: '提交日期', kind: 'date' },
      { key: 'number', header: '序号', kind: 'number' },
      { key: 'summary', header: '意见要点', kind: 'text', width: 3 },
      { key: 'outcome', header: '结果', kind: 'text' },
      { key: 'outcomeDate', header: '结果日期', kind: 'date' },
      { key: 'evidence', header: '依据', kind: 'text', width: 2 },
      { key: 'evidenceDate', header: '依据日期', kind: 'date' },
      { key: 'cost', header: '估算节约成本（元）', kind: 'money' },
      { key: 'note', header: '备注', kind: 'text', width: 2 },
    ],
    rows: comments.flatMap((c) =>
      c.points.map((p) => [c.symbols.join(', '), c.title, c.submissionDate, p.number, p.summary, pointOutcomeWords(p), p.outcomeDate, p.evidence || null, p.evidenceDate, p.costSparedCny, p.note || null]),
    ),
  };
}

/**
 * Every comment submitted in the period (of one member, optionally): the totals and rates as
 * the comment statistics compute them, then each comment with its points, their outcomes and
 * the evidence recorded.
 */
export function buildOutcomesReport(db: Database, params: ReportParams): OutcomesContent {
  const names = countryNames(db);
  const period = periodZh(params.from, params.to);
  const scope = params.member === null ? null : resolveMemberScope(db, params.member, names);
  const comments = periodComments(db, params.from, params.to, scope?.members ?? null);
  const figures = scopedCommentFigures(db, params.from, params.to, scope, comments);
  const subtitle = scope === null ? period : `${period}｜${scope.nameZh}`;
  const blocks: ReportBlock[] = [{ type: 'heading', level: 1, text: sectionHeading(1, '总体情况') }];
  if (comments.length === 0) {
    blocks.push({ type: 'paragraph', text: `${period}${scope === null ? '' : `，就${scope.nameZh}的措施`}未提交评议意见。` });
    return { subtitle, blocks };
  }
  const cost = figures.costSparedCny === null ? '' : `；估算为出口企业节约成本${figures.costSparedCny.toLocaleString('zh-CN')}元`;
  const pointLine = `共${figures.points}条意见，已采纳（含部分采纳）${figures.pointsAdopted}条，逐条采纳率${percentZh(figures.pointAdoptionRate)}${cost}。`;
  blocks.push(
    { type: 'paragraph', text: `${outcomeSentence(figures.tally, period)}${pointLine}` },
    ...outcomeTallyBlocks(figures.tally, 'comment'),
    { type: 'heading', level: 1, text: sectionHeading(2, '逐条采纳情况') },
    ...comments.flatMap((c, i) => commentBlocks(c, i + 1, names.zh)),
    pointsAnnex(comments),
  );
  return { subtitle, blocks };
}
