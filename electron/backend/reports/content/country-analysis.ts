import type { Database } from 'better-sqlite3';
import type { ReportBlock, ReportParams } from '../../../../shared/contract/reports';
import { WARNING_LEVEL_COLORS } from '../../../../shared/charts/chart-option';
import { chineseDate } from '../../../../shared/domain/date-words';
import { commentListTable, outcomeSentence, outcomeTallyBlocks, scopedCommentFigures } from './comment-figures';
import { exposureFigures, type ExposureFigures } from './exposure-figures';
import { periodComments } from './report-comments';
import { countBy, countryNames, industryNames, periodNotifications, pinyinOrder, resolveMemberScope, summaryLine, type CountryNames, type MemberScope, type PeriodNotification } from './report-scope';
import { openWarnings, warningTable } from './report-warnings';
import { DOC_TYPE_ZH, LEVEL_ZH, percentZh, periodZh, sectionHeading } from './report-words';

const UNCLASSIFIED = '未分类';

export interface CountryContent {
  title: string;
  subtitle: string;
  blocks: ReportBlock[];
}

/** USD in the unit Chinese trade briefings use: 亿美元, 万美元, or 美元 for small sums. */
function usdZh(usd: number): string {
  const fixed = (v: number): string => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (usd >= 1e8) return `${fixed(usd / 1e8)}亿美元`;
  if (usd >= 1e4) return `${fixed(usd / 1e4)}万美元`;
  return `${usd.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}美元`;
}

function measuresSection(items: readonly PeriodNotification[], scope: MemberScope, period: string, industries: Map<string, string>, names: CountryNames): ReportBlock[] {
  if (items.length === 0) return [{ type: 'paragraph', text: `${period}，${scope.nameZh}未发布TBT或SPS通报。` }];
  const tbt = items.filter((n) => n.area === 'TBT').length;
  const perMember = scope.bloc
    ? `按成员分：${[...countBy(items, (n) => n.memberCode)]
        .sort((a, b) => b[1] - a[1] || pinyinOrder.compare(names.zh(a[0]), names.zh(b[0])))
        .map(([c, k]) => `${names.zh(c)}${k}件`)
        .join('、')}。`
    : '';
  const rows = new Map<string, { tbt: number; sps: number }>();
  for (const n of items) {
    for (const code of n.industries.length > 0 ? n.industries : ['']) {
      const row = rows.get(code) ?? { tbt: 0, sps: 0 };
      if (n.area === 'TBT') row.tbt += 1;
      else row.sps += 1;
      rows.set(code, row);
    }
  }
  const sorted = [...rows].sort((a, b) => b[1].tbt + b[1].sps - (a[1].tbt + a[1].sps) || (a[0] === '' ? 1 : b[0] === '' ? -1 : 0));
  const label = (code: string): string => (code === '' ? UNCLASSIFIED : industries.get(code) ?? code);
  return [
    { type: 'paragraph', text: `${period}，${scope.nameZh}共通报${items.length}件，其中TBT通报${tbt}件、SPS通报${items.length - tbt}件。${perMember}` },
    {
      type: 'table',
      id: 'by-industry',
      title: '各行业措施数量',
      columns: [
        { key: 'industry', header: '行业', kind: 'text', width: 2 },
        { key: 'tbt', header: 'TBT', kind: 'number' },
        { key: 'sps', header: 'SPS', kind: 'number' },
        { key: 'total', header: '合计', kind: 'number' },
      ],
      rows: sorted.map(([code, r]) => [label(code), r.tbt, r.sps, r.tbt + r.sps]),
      note: '一项通报涉及多个行业的，在每个行业各计一次。',
    },
    {
      type: 'chart',
      id: 'by-industry-chart',
      chart: {
        kind: 'horizontalBar',
        title: '各行业措施数量',
        categories: sorted.map(([code]) => label(code)),
        keys: sorted.map(([code]) => code),
        // One bar per industry: side-by-side TBT and SPS bars left gaps where a member notifies one kind only; the table splits them.
        series: [{ name: '措施', values: sorted.map(([, r]) => r.tbt + r.sps) }],
        unit: '件',
      },
    },
    {
      type: 'table',
      id: 'measures',
      title: '本期措施',
      // The member column only where a bloc's members share the table: for one country it would
      // repeat the report's subject in every row and starve the title of width.
      columns: [
        { key: 'symbol', header: '通报号', kind: 'text', width: 1.8 },
        ...(scope.bloc ? [{ key: 'member', header: '成员', kind: 'text' as const, width: 1.2 }] : []),
        { key: 'docType', header: '类型', kind: 'text', width: 1 },
        { key: 'title', header: '标题', kind: 'text', width: 3 },
        { key: 'distributed', header: '分发日期', kind: 'date', width: 1.2 },
        { key: 'finalDate', header: '评议截止日期', kind: 'date', width: 1.2 },
        { key: 'hs', header: 'HS编码', kind: 'text', width: 1.1 },
      ],
      rows: items.map((n) => [
        n.symbol,
        ...(scope.bloc ? [n.memberZh] : []),
        DOC_TYPE_ZH[n.docType] ?? n.docType,
        summaryLine(n),
        n.distributionDate,
        n.finalDate,
        n.hsCodes.join(', '),
      ]),
    },
  ];
}

function exposureSection(figures: ExposureFigures | null, scope: MemberScope, names: CountryNames): ReportBlock[] {
  if (figures === null) {
    return [
      {
        type: 'paragraph',
        text: `尚未导入我国对${scope.nameZh}出口的海关统计数据（贸易敞口数据），无法计算覆盖率、频率指数和流行分数。请在“企业”页面导入海关统计后重新生成本报告。`,
      },
    ];
  }
  const f = figures;
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text:
        `据${f.year}年海关统计，我国对${scope.nameZh}出口涉及HS税目${f.lines}个，出口额${usdZh(f.totalUsd)}。` +
        `本期通报措施涉及其中${f.covered.length}个税目，出口额${usdZh(f.coveredUsd)}：` +
        `覆盖率（CR）${percentZh(f.coverageRatio)}，频率指数（FI）${percentZh(f.frequencyIndex)}，流行分数（PS）${f.prevalenceScore.toFixed(2)}。`,
    },
    {
      type: 'list',
      items: [
        '覆盖率CR = Σ(Dᵢ·Mᵢ) ÷ ΣMᵢ：受本期措施影响的出口额占对该成员出口总额的比重；',
        '频率指数FI = ΣDᵢ ÷ 出口税目数：受影响税目占出口税目的比重；',
        '流行分数PS = ΣNᵢ ÷ 出口税目数：平均每个出口税目涉及的措施数。',
        '其中Dᵢ表示税目i是否受本期措施影响，Mᵢ为该税目出口额，Nᵢ为涉及该税目的措施数；措施的HS编码与税目前缀相同即视为涉及（如8507涵盖850760）。',
      ],
    },
  ];
  if (f.covered.length === 0) {
    blocks.push({ type: 'paragraph', text: '本期通报措施的HS编码未涉及我国对该成员的出口税目。' });
    return blocks;
  }
  blocks.push({
    type: 'table',
    id: 'exposure',
    title: '受影响的出口税目',
    columns: [
      { key: 'hs', header: 'HS税目', kind: 'text' },
      { key: 'destination', header: '出口目的地', kind: 'text' },
      { key: 'value', header: `${f.year}年出口额（美元）`, kind: 'money', width: 1.5 },
      { key: 'count', header: '涉及措施数', kind: 'number' },
      { key: 'measures', header: '措施', kind: 'text', width: 2.5 },
    ],
    rows: f.covered.map((l) => [l.hsCode, names.zh(l.destination), l.valueUsd, l.measures.length, l.measures.join(', ')]),
    note: `数据来源：海关统计（${f.year}年）。`,
  });
  return blocks;
}

function warningSection(db: Database, scope: MemberScope, today: string, names: CountryNames): ReportBlock[] {
  const { counts: levels, listed, total } = openWarnings(db, ['red', 'orange', 'yellow', 'blue'], scope.members);
  if (total === 0) return [{ type: 'paragraph', text: `目前没有涉及${scope.nameZh}措施的未关闭预警。` }];
  const shown = (['red', 'orange', 'yellow', 'blue'] as const).filter((l) => levels[l] > 0);
  return [
    {
      type: 'paragraph',
      text: `截至${chineseDate(today)}，涉及${scope.nameZh}措施的未关闭预警共${total}条，其中${(['red', 'orange', 'yellow', 'blue'] as const).map((l) => `${LEVEL_ZH[l]}${levels[l]}条`).join('、')}。`,
    },
    warningTable('warnings', '未关闭的预警', listed, total, names.zh),
    {
      type: 'chart',
      id: 'warning-levels',
      chart: {
        kind: 'pie',
        title: '预警等级分布',
        categories: shown.map((l) => `${LEVEL_ZH[l]}预警`),
        keys: [...shown],
        series: [{ name: '预警', values: shown.map((l) => levels[l]) }],
        categoryColors: shown.map((l) => WARNING_LEVEL_COLORS[l]),
        unit: '条',
      },
    },
  ];
}

/**
 * The impact analysis of one member's (or bloc's) measures on Chinese exports: its measures of
 * the period by industry, the incidence indicators over China's exports to it, the open
 * warnings, the comments on its measures and their outcomes, and the analyst's recommendations.
 */
export function buildCountryAnalysis(db: Database, params: ReportParams, today: string): CountryContent {
  const names = countryNames(db);
  const industries = industryNames(db);
  const scope = resolveMemberScope(db, params.member ?? '', names);
  const period = periodZh(params.from, params.to);
  const items = periodNotifications(db, params.from, params.to, scope.members, names);
  const comments = periodComments(db, params.from, params.to, scope.members);
  const tally = scopedCommentFigures(db, params.from, params.to, scope, comments).tally;
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: sectionHeading(1, '措施概况') },
    ...measuresSection(items, scope, period, industries, names),
    { type: 'heading', level: 1, text: sectionHeading(2, '对我国出口的影响') },
    ...exposureSection(exposureFigures(db, scope.members, items), scope, names),
    { type: 'heading', level: 1, text: sectionHeading(3, '风险预警') },
    ...warningSection(db, scope, today, names),
    { type: 'heading', level: 1, text: sectionHeading(4, '评议及采纳情况') },
    ...(comments.length === 0
      ? [{ type: 'paragraph' as const, text: `${period}未就${scope.nameZh}的措施提交评议意见。` }]
      : [{ type: 'paragraph' as const, text: outcomeSentence(tally, period, `就${scope.nameZh}的措施提交评议意见`) }, ...outcomeTallyBlocks(tally, 'comment'), commentListTable('comments', comments, names)]),
    { type: 'heading', level: 1, text: sectionHeading(5, '对策建议') },
    { type: 'recommendations', text: params.recommendations },
  ];
  if (scope.bloc) blocks.unshift({ type: 'paragraph', text: `本报告所称${scope.nameZh}包括：${scope.members.map(names.zh).join('、')}。` });
  return { title: `${scope.nameZh}技术性贸易措施对我国出口影响分析`, subtitle: period, blocks };
}
