import type { Database } from 'better-sqlite3';
import type { ChartSpec } from '../../../../shared/contract/charts';
import type { ReportBlock, ReportParams } from '../../../../shared/contract/reports';
import type { WarningLevel } from '../../../../shared/contract/warnings';
import { WARNING_LEVEL_COLORS } from '../../../../shared/charts/chart-option';
import { addDays, daysLeft } from '../../../../shared/domain/deadline';
import { chineseDate } from '../../../../shared/domain/date-words';
import { commentOutcomeBlocks, scopedCommentFigures } from './comment-figures';
import { periodComments } from './report-comments';
import {
  closingNotifications,
  countBy,
  countryNames,
  industryNames,
  periodNotifications,
  pinyinOrder,
  resolveMemberScope,
  summaryLine,
  type CountryNames,
  type PeriodNotification,
} from './report-scope';
import { openWarnings, warningTable } from './report-warnings';
import { DOC_TYPE_ZH, LEVEL_ZH, dateOrNone, periodZh, sectionHeading } from './report-words';

/** How far ahead 近期截止 looks from the document's date. */
export const DEADLINE_WINDOW_DAYS = 30;
/** How many products the overview names. */
const PRODUCTS_NAMED = 8;
const UNCLASSIFIED = '未分类';

export interface BulletinContent {
  subtitle: string;
  blocks: ReportBlock[];
}

/** Member rows of the overview: most notifications first, then by pinyin. */
function memberCounts(items: readonly PeriodNotification[]): Array<{ code: string; name: string; tbt: number; sps: number }> {
  const rows = new Map<string, { code: string; name: string; tbt: number; sps: number }>();
  for (const n of items) {
    const row = rows.get(n.memberCode) ?? { code: n.memberCode, name: n.memberZh, tbt: 0, sps: 0 };
    if (n.area === 'TBT') row.tbt += 1;
    else row.sps += 1;
    rows.set(n.memberCode, row);
  }
  return [...rows.values()].sort((a, b) => b.tbt + b.sps - (a.tbt + a.sps) || pinyinOrder.compare(a.name, b.name));
}

function overview(items: readonly PeriodNotification[], period: string, industries: Map<string, string>, scope: string): ReportBlock[] {
  const tbt = items.filter((n) => n.area === 'TBT').length;
  const sps = items.length - tbt;
  if (items.length === 0) return [{ type: 'paragraph', text: `${period}，${scope}未发布TBT或SPS通报。` }];
  const members = memberCounts(items);
  const perMember = members.map((m) => `${m.name}${m.tbt + m.sps}件`).join('、');
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: `${period}，${scope}共通报${items.length}件，其中TBT通报${tbt}件、SPS通报${sps}件。按成员分：${perMember}。`,
    },
  ];
  // The products line: the industries the analysts filed the notifications under, most first;
  // HS chapters stand in while nothing is triaged.
  const byIndustry = countBy(items.flatMap((n) => n.industries), (c) => c);
  const products = [...byIndustry].sort((a, b) => b[1] - a[1]).slice(0, PRODUCTS_NAMED).map(([c, k]) => `${industries.get(c) ?? c}（${k}件）`);
  if (products.length > 0) {
    blocks.push({ type: 'paragraph', text: `涉及产品主要包括：${products.join('、')}。` });
  } else {
    const chapters = countBy(items.flatMap((n) => [...new Set(n.hsCodes.map((h) => h.slice(0, 2)))]), (c) => c);
    const named = [...chapters].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, PRODUCTS_NAMED).map(([c, k]) => `HS第${c}章（${k}件）`);
    if (named.length > 0) blocks.push({ type: 'paragraph', text: `涉及产品主要包括：${named.join('、')}。` });
  }
  blocks.push({
    type: 'table',
    id: 'members',
    title: '各成员通报数量',
    columns: [
      { key: 'member', header: '成员', kind: 'text', width: 2 },
      { key: 'tbt', header: 'TBT', kind: 'number' },
      { key: 'sps', header: 'SPS', kind: 'number' },
      { key: 'total', header: '合计', kind: 'number' },
    ],
    rows: [...members.map((m) => [m.name, m.tbt, m.sps, m.tbt + m.sps]), ['合计', tbt, sps, items.length]],
  });
  blocks.push(chartBlock('by-member', { kind: 'bar', title: '各成员通报数量', categories: members.map((m) => m.name), keys: members.map((m) => m.code), series: [{ name: '通报', values: members.map((m) => m.tbt + m.sps) }], unit: '件' }));
  blocks.push(chartBlock('by-area', { kind: 'pie', title: 'TBT与SPS通报构成', categories: ['TBT', 'SPS'], keys: ['TBT', 'SPS'], series: [{ name: '通报', values: [tbt, sps] }], unit: '件' }));
  const industryRows = [...countBy(items.flatMap((n) => (n.industries.length > 0 ? n.industries : [''])), (c) => c)].sort((a, b) => b[1] - a[1]);
  blocks.push(
    chartBlock('by-industry', {
      kind: 'horizontalBar',
      title: '通报涉及行业',
      categories: industryRows.map(([c]) => (c === '' ? UNCLASSIFIED : industries.get(c) ?? c)),
      keys: industryRows.map(([c]) => c),
      series: [{ name: '通报', values: industryRows.map(([, k]) => k) }],
      unit: '件',
    }),
  );
  return blocks;
}

function chartBlock(id: string, chart: ChartSpec): ReportBlock {
  return { type: 'chart', id, chart };
}

/** One line per notification: symbol, Chinese title (or the English), final date. */
function notificationLine(n: PeriodNotification, industries: Map<string, string>): string {
  const kind = n.docType === 'regular' ? '' : `【${DOC_TYPE_ZH[n.docType] ?? n.docType}】`;
  const others = n.industries.slice(1).map((c) => industries.get(c) ?? c);
  const also = others.length > 0 ? `；另涉及${others.join('、')}` : '';
  return `${n.symbol}\u3000${kind}${summaryLine(n)}（评议截止：${dateOrNone(n.finalDate)}${also}）`;
}

/** Grouped by member (pinyin), then by each notification's first industry (the industries' order; 未分类 last). */
function newNotifications(items: readonly PeriodNotification[], industries: Map<string, string>): ReportBlock[] {
  if (items.length === 0) return [{ type: 'paragraph', text: '本期无新通报。' }];
  const blocks: ReportBlock[] = [];
  const order = [...industries.keys()];
  const byMember = new Map<string, PeriodNotification[]>();
  for (const n of items) byMember.set(n.memberZh, [...(byMember.get(n.memberZh) ?? []), n]);
  for (const [member, list] of [...byMember].sort((a, b) => pinyinOrder.compare(a[0], b[0]))) {
    blocks.push({ type: 'heading', level: 2, text: `${member}（${list.length}件）` });
    const byIndustry = new Map<string, PeriodNotification[]>();
    for (const n of list) byIndustry.set(n.industries[0] ?? '', [...(byIndustry.get(n.industries[0] ?? '') ?? []), n]);
    const groups = [...byIndustry].sort((a, b) => rank(a[0]) - rank(b[0]));
    for (const [industry, group] of groups) {
      blocks.push({ type: 'heading', level: 3, text: industry === '' ? UNCLASSIFIED : industries.get(industry) ?? industry });
      blocks.push({ type: 'list', items: group.map((n) => notificationLine(n, industries)) });
    }
  }
  return blocks;

  function rank(code: string): number {
    const i = order.indexOf(code);
    return code === '' ? Number.MAX_SAFE_INTEGER : i < 0 ? order.length : i;
  }
}

function keyRisks(db: Database, members: readonly string[] | null, today: string, names: CountryNames): ReportBlock[] {
  const { counts, listed, total } = openWarnings(db, ['red', 'orange'], members);
  const blocks: ReportBlock[] = [];
  if (total === 0) {
    blocks.push({ type: 'paragraph', text: '目前没有未关闭的红色或橙色预警。' });
  } else {
    blocks.push({
      type: 'paragraph',
      text: `截至${chineseDate(today)}，未关闭的红色预警${counts.red}条、橙色预警${counts.orange}条${total > listed.length ? `，以下列出分值最高的${listed.length}条` : '，列表如下'}。`,
    });
    blocks.push(warningTable('key-risks', '红色和橙色预警', listed, total, names.zh));
  }
  const shown = (['red', 'orange', 'yellow', 'blue'] as const).filter((l: WarningLevel) => counts[l] > 0);
  if (shown.length > 0) {
    blocks.push(
      chartBlock('warning-levels', {
        kind: 'pie',
        title: '未关闭预警等级分布',
        categories: shown.map((l) => `${LEVEL_ZH[l]}预警`),
        keys: [...shown],
        series: [{ name: '预警', values: shown.map((l) => counts[l]) }],
        categoryColors: shown.map((l) => WARNING_LEVEL_COLORS[l]),
        unit: '条',
      }),
    );
  }
  return blocks;
}

function deadlines(db: Database, members: readonly string[], today: string, names: CountryNames): ReportBlock[] {
  const until = addDays(today, DEADLINE_WINDOW_DAYS);
  const items = closingNotifications(db, today, until, members, names);
  if (items.length === 0) return [{ type: 'paragraph', text: `${DEADLINE_WINDOW_DAYS}日内（至${chineseDate(until)}）没有评议截止的通报。` }];
  return [
    { type: 'paragraph', text: `${DEADLINE_WINDOW_DAYS}日内（至${chineseDate(until)}）评议截止的通报共${items.length}件，按截止日期排列如下。` },
    {
      type: 'table',
      id: 'deadlines',
      title: '近期评议截止的通报',
      columns: [
        { key: 'finalDate', header: '评议截止日期', kind: 'date', width: 1.2 },
        { key: 'daysLeft', header: '剩余天数', kind: 'number', width: 0.8 },
        { key: 'symbol', header: '通报号', kind: 'text', width: 1.6 },
        { key: 'member', header: '成员', kind: 'text' },
        { key: 'title', header: '标题', kind: 'text', width: 3 },
      ],
      rows: items.map((n) => [n.finalDate, daysLeft(n.finalDate, today), n.symbol, n.memberZh, summaryLine(n)]),
    },
  ];
}

/** Every notification of the period, for the Excel annex. */
function annex(items: readonly PeriodNotification[], industries: Map<string, string>): ReportBlock {
  return {
    type: 'table',
    id: 'notifications',
    title: '本期通报一览',
    annexOnly: true,
    columns: [
      { key: 'symbol', header: '通报号', kind: 'text' },
      { key: 'member', header: '成员', kind: 'text' },
      { key: 'area', header: '领域', kind: 'text' },
      { key: 'docType', header: '文件类型', kind: 'text' },
      { key: 'title', header: '标题', kind: 'text', width: 3 },
      { key: 'titleZh', header: '中文标题', kind: 'text', width: 3 },
      { key: 'distributed', header: '分发日期', kind: 'date' },
      { key: 'finalDate', header: '评议截止日期', kind: 'date' },
      { key: 'hs', header: 'HS编码', kind: 'text' },
      { key: 'industries', header: '行业', kind: 'text' },
    ],
    rows: items.map((n) => [
      n.symbol,
      n.memberZh,
      n.area,
      DOC_TYPE_ZH[n.docType] ?? n.docType,
      n.title,
      n.titleZh,
      n.distributionDate,
      n.finalDate,
      n.hsCodes.join(', '),
      n.industries.map((c) => industries.get(c) ?? c).join('、'),
    ]),
  };
}

/**
 * 《上合技贸措施简讯》: the notifications of SCO members and partners distributed in the period
 * (or of one member), in the manner of the national daily digest, then the key risks, the
 * deadlines ahead of the document's date, the comments submitted and what became of them.
 */
export function buildBulletin(db: Database, params: ReportParams, today: string): BulletinContent {
  const names = countryNames(db);
  const industries = industryNames(db);
  const member = params.member === null ? null : resolveMemberScope(db, params.member, names);
  const members = member?.members ?? null;
  // The notifications are those of SCO members and partners (or of the member asked for); the
  // warnings and comments are the base's own work on any member's measures.
  const notifying = members ?? names.scoCodes();
  const items = periodNotifications(db, params.from, params.to, notifying, names);
  const period = periodZh(params.from, params.to);
  const scope = member?.nameZh ?? '上合组织成员国和伙伴国';
  const comments = periodComments(db, params.from, params.to, members);
  const figures = scopedCommentFigures(db, params.from, params.to, member, comments);

  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: sectionHeading(1, '概况') },
    ...overview(items, period, industries, scope),
    { type: 'heading', level: 1, text: sectionHeading(2, '新通报') },
    ...newNotifications(items, industries),
    { type: 'heading', level: 1, text: sectionHeading(3, '重点风险') },
    ...keyRisks(db, members, today, names),
    { type: 'heading', level: 1, text: sectionHeading(4, '近期截止') },
    ...deadlines(db, notifying, today, names),
    { type: 'heading', level: 1, text: sectionHeading(5, '评议工作') },
    ...commentOutcomeBlocks(figures.tally, comments, period, names),
    annex(items, industries),
  ];
  return { subtitle: params.issue === null ? period : `${params.to.slice(0, 4)}年第${params.issue}期`, blocks };
}
