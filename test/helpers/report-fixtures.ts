import type { ChartSpec } from '../../shared/contract/charts';
import { ReportParams, type ReportBlock, type ReportDocument, type ReportKind, type ReportTable } from '../../shared/contract/reports';

/**
 * Report documents built by hand, to lay out without the store: every block type, Chinese
 * text, tables of no row, one row and many, the five charts of a bulletin and an annex-only list.
 */

const MEMBERS = ['俄罗斯', '哈萨克斯坦', '吉尔吉斯斯坦', '沙特阿拉伯', '阿联酋', '土耳其', '印度', '巴基斯坦'];

/** Five charts, one of each kind a report uses. */
export function fixtureCharts(): Array<{ id: string; chart: ChartSpec }> {
  return [
    {
      id: 'monthly',
      chart: {
        kind: 'stackedBar',
        title: '各月通报数量（TBT/SPS）',
        categories: ['2026-09', '2026-10', '2026-11'],
        series: [
          { name: 'TBT', values: [31, 40, 28] },
          { name: 'SPS', values: [12, 19, 22] },
        ],
        unit: '件',
      },
    },
    { id: 'members', chart: { kind: 'horizontalBar', title: '各成员通报数量', categories: MEMBERS.slice(0, 6), series: [{ name: '通报', values: [24, 18, 9, 15, 12, 7] }], unit: '件' } },
    { id: 'area', chart: { kind: 'pie', title: 'TBT 与 SPS 占比', categories: ['TBT', 'SPS'], series: [{ name: '通报', values: [99, 53] }] } },
    {
      id: 'levels',
      chart: {
        kind: 'bar',
        title: '预警等级分布',
        categories: ['红色', '橙色', '黄色', '蓝色'],
        series: [{ name: '预警', values: [3, 7, 12, 20] }],
        categoryColors: ['#c62828', '#e65100', '#f9a825', '#1565c0'],
      },
    },
    { id: 'funnel', chart: { kind: 'funnel', title: '评议意见进展', categories: ['起草', '提交', '有结果', '采纳'], series: [{ name: '评议', values: [20, 14, 9, 4] }] } },
  ];
}

/** The many-row table: notifications of the period, with text, dates and numbers. */
export function notificationsTable(rows: number): ReportTable {
  return {
    type: 'table',
    id: 'notifications',
    title: '表2　本期新通报',
    columns: [
      { key: 'symbol', header: '通报号', kind: 'text', width: 1.6 },
      { key: 'member', header: '成员', kind: 'text', width: 1 },
      { key: 'title', header: '中文摘要', kind: 'text', width: 3 },
      { key: 'date', header: '通报日期', kind: 'date', width: 1.4 },
      { key: 'pages', header: '页数', kind: 'number', width: 0.7 },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      `G/TBT/N/RUS/${300 + i}`,
      MEMBERS[i % MEMBERS.length]!,
      `关于锂离子电池安全要求技术法规草案（第${i + 1}项），涉及电动汽车动力电池的检测方法`,
      `2026-${String(9 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      10 + i,
    ]),
    note: '资料来源：世贸组织 ePing 通报平台；摘要为分析人员翻译。',
  };
}

/** A document of `kind` with every block type; `rows` sets the long table's length. */
export function fixtureDocument(kind: ReportKind = 'bulletin', options: { rows?: number; date?: string } = {}): ReportDocument {
  const params = ReportParams.parse({
    kind,
    from: '2026-09-01',
    to: '2026-11-30',
    member: kind === 'country' ? 'RUS' : null,
    issue: kind === 'bulletin' ? 3 : null,
    compiler: '王晓明',
    recommendations: kind === 'country' ? '建议企业关注俄罗斯电池认证要求。\n建议加强与进口商沟通。' : '',
  });
  const charts: ReportBlock[] = fixtureCharts().map((c) => ({ type: 'chart', ...c }));
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: '一、本期概况' },
    { type: 'paragraph', text: '2026年9月1日至11月30日，上合组织成员国和伙伴国共发布TBT通报99件、SPS通报53件，合计152件。' },
    {
      type: 'table',
      id: 'overview',
      title: '表1　通报总体情况',
      columns: [
        { key: 'area', header: '类别', kind: 'text' },
        { key: 'count', header: '数量', kind: 'number' },
        { key: 'share', header: '占比', kind: 'percent' },
        { key: 'cost', header: '减少损失（万元）', kind: 'money' },
      ],
      rows: [['TBT', 99, 0.651, 12500.5]],
    },
    charts[0]!,
    charts[1]!,
    { type: 'heading', level: 2, text: '（一）重点成员' },
    { type: 'list', items: ['俄罗斯：电池安全要求', '沙特阿拉伯：冰箱能效标准', '土耳其：矿物肥料新规'] },
    { type: 'heading', level: 3, text: '1. 通报明细' },
    notificationsTable(options.rows ?? 40),
    charts[2]!,
    { type: 'heading', level: 1, text: '二、重点风险' },
    {
      type: 'table',
      id: 'risks',
      title: '表3　红色和橙色预警',
      columns: [
        { key: 'symbol', header: '通报号', kind: 'text' },
        { key: 'level', header: '等级', kind: 'text' },
        { key: 'deadline', header: '评议截止', kind: 'date' },
      ],
      rows: [],
    },
    charts[3]!,
    { type: 'heading', level: 1, text: '三、评议进展' },
    { type: 'paragraph', text: '本期提交评议意见14份，其中4份被通报成员采纳。' },
    charts[4]!,
    {
      type: 'table',
      id: 'all-notifications',
      title: '附表　全部通报',
      columns: [
        { key: 'symbol', header: '通报号', kind: 'text' },
        { key: 'date', header: '通报日期', kind: 'date' },
      ],
      rows: [
        ['G/SPS/N/KAZ/12', '2026-10-02'],
        ['G/TBT/N/SAU/1300', '2026-10-15'],
      ],
      annexOnly: true,
    },
    { type: 'heading', level: 1, text: '四、建议' },
    { type: 'recommendations', text: params.recommendations === '' ? '建议持续跟踪。' : params.recommendations },
  ];
  const titles: Record<ReportKind, string> = { bulletin: '上合技贸措施简讯', country: '俄罗斯技术性贸易措施影响分析', outcomes: '评议意见采纳情况报告' };
  return {
    kind,
    params,
    title: titles[kind],
    subtitle: kind === 'bulletin' ? '2026年第3期' : '2026年9月1日至2026年11月30日',
    organisation: '上合组织国家技术性贸易措施研究评议基地',
    compiler: '王晓明',
    date: options.date ?? '2026-11-20',
    blocks,
  };
}
