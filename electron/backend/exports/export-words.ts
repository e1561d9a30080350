import type { Locale } from '../../../shared/contract';
import type { ExportList } from '../../../shared/contract/exports';

/** The words of one language for the exported spreadsheets: file names, headers and coded values. */
export interface ExportWords {
  fileNames: Record<ExportList, string>;
  headers: {
    notifications: Record<
      | 'symbol'
      | 'area'
      | 'memberCode'
      | 'member'
      | 'docType'
      | 'title'
      | 'titleZh'
      | 'distributed'
      | 'deadline'
      | 'status'
      | 'relevance'
      | 'assignee'
      | 'industries'
      | 'hsCodes',
      string
    >;
    comments: Record<
      | 'symbols'
      | 'members'
      | 'title'
      | 'status'
      | 'author'
      | 'version'
      | 'points'
      | 'finalDate'
      | 'internalDeadline'
      | 'risk'
      | 'submitted'
      | 'outcome'
      | 'adopted'
      | 'partlyAdopted'
      | 'notAdopted'
      | 'updated',
      string
    >;
    warnings: Record<
      | 'level'
      | 'score'
      | 'symbols'
      | 'measure'
      | 'members'
      | 'target'
      | 'targetKind'
      | 'match'
      | 'valueUsd'
      | 'state'
      | 'nextDeadline'
      | 'commentDeadline'
      | 'entryIntoForce'
      | 'overridden'
      | 'created',
      string
    >;
    enterprises: Record<
      'name' | 'creditCode' | 'province' | 'city' | 'industry' | 'hsCodes' | 'markets' | 'exportUsd' | 'red' | 'orange' | 'yellow' | 'blue' | 'updated',
      string
    >;
    stats: Record<
      | 'group'
      | 'submitted'
      | 'adopted'
      | 'partlyAdopted'
      | 'notAdopted'
      | 'withdrawn'
      | 'awaiting'
      | 'fullyRate'
      | 'partlyRate'
      | 'points'
      | 'pointsAdopted'
      | 'template'
      | 'pointsTotal'
      | 'pointRate',
      string
    >;
  };
  /** Sheet names (XLSX) or table titles (CSV) of the statistics export. */
  statsTables: Record<'byMember' | 'byIndustry' | 'byYear' | 'byTemplate', string>;
  statsFirstColumn: Record<'byMember' | 'byIndustry' | 'byYear', string>;
  yes: string;
  no: string;
  docTypes: Record<string, string>;
  triageStatuses: Record<string, string>;
  relevances: Record<string, string>;
  commentStatuses: Record<string, string>;
  commentRisks: Record<string, string>;
  commentOutcomes: Record<string, string>;
  warningLevels: Record<string, string>;
  warningStates: Record<string, string>;
  matches: Record<string, string>;
  targetKinds: Record<string, string>;
}

const zh: ExportWords = {
  fileNames: { notifications: '通报列表', comments: '评议意见列表', warnings: '风险预警列表', enterprises: '企业列表', commentStats: '评议统计' },
  headers: {
    notifications: {
      symbol: '通报号',
      area: '领域',
      memberCode: '成员代码',
      member: '通报成员',
      docType: '文件类型',
      title: '标题',
      titleZh: '中文标题',
      distributed: '分发日期',
      deadline: '评议截止日期',
      status: '处理状态',
      relevance: '相关程度',
      assignee: '负责人',
      industries: '相关产业',
      hsCodes: 'HS 编码',
    },
    comments: {
      symbols: '通报号',
      members: '通报成员',
      title: '评议对象',
      status: '流程状态',
      author: '起草人',
      version: '版本',
      points: '意见点数',
      finalDate: '评议截止日期',
      internalDeadline: '内部截止日期',
      risk: '期限状态',
      submitted: '提交日期',
      outcome: '采纳结果',
      adopted: '采纳点数',
      partlyAdopted: '部分采纳点数',
      notAdopted: '未采纳点数',
      updated: '最后更新',
    },
    warnings: {
      level: '预警级别',
      score: '分值',
      symbols: '通报号',
      measure: '措施',
      members: '通报成员',
      target: '预警对象',
      targetKind: '对象类型',
      match: '匹配方式',
      valueUsd: '涉及出口额（美元）',
      state: '处理状态',
      nextDeadline: '最近期限',
      commentDeadline: '评议截止日期',
      entryIntoForce: '生效日期',
      overridden: '人工调整级别',
      created: '创建日期',
    },
    enterprises: {
      name: '企业名称',
      creditCode: '统一社会信用代码',
      province: '省份',
      city: '城市',
      industry: '行业',
      hsCodes: 'HS 编码',
      markets: '出口市场',
      exportUsd: '年出口额（美元）',
      red: '红色预警',
      orange: '橙色预警',
      yellow: '黄色预警',
      blue: '蓝色预警',
      updated: '最后更新',
    },
    stats: {
      group: '分组',
      submitted: '已提交',
      adopted: '全部采纳',
      partlyAdopted: '部分采纳',
      notAdopted: '未采纳',
      withdrawn: '措施撤回',
      awaiting: '待定',
      fullyRate: '全部采纳率',
      partlyRate: '至少部分采纳率',
      points: '意见点数',
      pointsAdopted: '采纳点数',
      template: '意见模板',
      pointsTotal: '意见点数',
      pointRate: '点采纳率',
    },
  },
  statsTables: { byMember: '按成员', byIndustry: '按产业', byYear: '按年份', byTemplate: '按意见模板' },
  statsFirstColumn: { byMember: '成员', byIndustry: '产业', byYear: '年份' },
  yes: '是',
  no: '否',
  docTypes: { regular: '常规通报', addendum: '增补', corrigendum: '勘误', revision: '修订', supplement: '补遗', emergency: '紧急通报' },
  triageStatuses: { new: '新通报', screening: '初筛中', assessing: '评估中', commented: '已提交意见', closed: '已结束' },
  relevances: { high: '高', medium: '中', low: '低', none: '无关' },
  commentStatuses: { draft: '草稿', in_review: '审核中', approved: '已批准', submitted: '已提交', reply_received: '已收到答复', closed: '已结束' },
  commentRisks: { ok: '正常', 'due-soon': '临近内部截止', 'at-risk': '有逾期风险', missed: '已错过截止' },
  commentOutcomes: { adopted: '全部采纳', partly_adopted: '部分采纳', not_adopted: '未采纳', withdrawn: '措施撤回', awaiting: '待定' },
  warningLevels: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
  warningStates: { new: '新预警', acknowledged: '已确认', planned: '已制定应对', closed: '已关闭' },
  matches: { direct: '直接匹配', broad: '宽泛匹配', text: '文本匹配' },
  targetKinds: { enterprise: '企业', industry: '重点产业' },
};

const en: ExportWords = {
  fileNames: { notifications: 'notifications', comments: 'comments', warnings: 'warnings', enterprises: 'enterprises', commentStats: 'comment-statistics' },
  headers: {
    notifications: {
      symbol: 'Symbol',
      area: 'Area',
      memberCode: 'Member code',
      member: 'Notifying member',
      docType: 'Document type',
      title: 'Title',
      titleZh: 'Chinese title',
      distributed: 'Distributed',
      deadline: 'Final date for comments',
      status: 'Status',
      relevance: 'Relevance',
      assignee: 'Assignee',
      industries: 'Industries',
      hsCodes: 'HS codes',
    },
    comments: {
      symbols: 'Symbols',
      members: 'Notifying members',
      title: 'Subject',
      status: 'Status',
      author: 'Author',
      version: 'Version',
      points: 'Points',
      finalDate: 'Final date for comments',
      internalDeadline: 'Internal deadline',
      risk: 'Deadline risk',
      submitted: 'Submitted',
      outcome: 'Outcome',
      adopted: 'Points adopted',
      partlyAdopted: 'Points partly adopted',
      notAdopted: 'Points not adopted',
      updated: 'Last updated',
    },
    warnings: {
      level: 'Level',
      score: 'Score',
      symbols: 'Symbols',
      measure: 'Measure',
      members: 'Notifying members',
      target: 'Target',
      targetKind: 'Target kind',
      match: 'Match',
      valueUsd: 'Exports at stake (USD)',
      state: 'State',
      nextDeadline: 'Next deadline',
      commentDeadline: 'Final date for comments',
      entryIntoForce: 'Entry into force',
      overridden: 'Level overridden',
      created: 'Created',
    },
    enterprises: {
      name: 'Enterprise',
      creditCode: 'Credit code',
      province: 'Province',
      city: 'City',
      industry: 'Industry',
      hsCodes: 'HS codes',
      markets: 'Markets',
      exportUsd: 'Annual exports (USD)',
      red: 'Red warnings',
      orange: 'Orange warnings',
      yellow: 'Yellow warnings',
      blue: 'Blue warnings',
      updated: 'Last updated',
    },
    stats: {
      group: 'Group',
      submitted: 'Submitted',
      adopted: 'Fully adopted',
      partlyAdopted: 'Partly adopted',
      notAdopted: 'Not adopted',
      withdrawn: 'Withdrawn',
      awaiting: 'Awaiting',
      fullyRate: 'Fully adopted rate',
      partlyRate: 'At least partly adopted rate',
      points: 'Points',
      pointsAdopted: 'Points adopted',
      template: 'Template',
      pointsTotal: 'Points',
      pointRate: 'Point adoption rate',
    },
  },
  statsTables: { byMember: 'By member', byIndustry: 'By industry', byYear: 'By year', byTemplate: 'By template' },
  statsFirstColumn: { byMember: 'Member', byIndustry: 'Industry', byYear: 'Year' },
  yes: 'Yes',
  no: 'No',
  docTypes: { regular: 'Regular', addendum: 'Addendum', corrigendum: 'Corrigendum', revision: 'Revision', supplement: 'Supplement', emergency: 'Emergency' },
  triageStatuses: { new: 'New', screening: 'Screening', assessing: 'Assessing', commented: 'Commented', closed: 'Closed' },
  relevances: { high: 'High', medium: 'Medium', low: 'Low', none: 'Not relevant' },
  commentStatuses: { draft: 'Draft', in_review: 'In review', approved: 'Approved', submitted: 'Submitted', reply_received: 'Reply received', closed: 'Closed' },
  commentRisks: { ok: 'On track', 'due-soon': 'Due soon', 'at-risk': 'At risk', missed: 'Missed' },
  commentOutcomes: { adopted: 'Fully adopted', partly_adopted: 'Partly adopted', not_adopted: 'Not adopted', withdrawn: 'Withdrawn', awaiting: 'Awaiting' },
  warningLevels: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
  warningStates: { new: 'New', acknowledged: 'Acknowledged', planned: 'Response planned', closed: 'Closed' },
  matches: { direct: 'Direct', broad: 'Broad', text: 'Text' },
  targetKinds: { enterprise: 'Enterprise', industry: 'Focus industry' },
};

/** The export words of a language. */
export function exportWords(language: Locale): ExportWords {
  return language === 'en' ? en : zh;
}

/** A coded value in words, or the code itself when the words have none (a newer code). */
export const word = (table: Record<string, string>, code: string | null | undefined): string | null =>
  code === null || code === undefined ? null : (table[code] ?? code);
