import type { MeasureNature, ResponseKind, WarningFactorKey, WarningLevel } from '../../../../shared/contract/warnings';

/**
 * The Chinese words a warning letter prints. A letter goes to an enterprise in China and is
 * always written in Chinese, whatever language the window shows, so these live with the letter
 * rather than in the window's locale files.
 */
export const LEVEL_ZH: Record<WarningLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };

/** What the measure does to the product, in words an exporter reads without the MAST codes. */
export const NATURE_ZH: Record<MeasureNature, string> = {
  ban: '禁止或限制进口（禁令）',
  emergency: 'SPS 紧急措施',
  residueLimit: '设定最大残留限量或有害物质限量',
  conformity: '强制性合格评定或认证',
  regulation: '技术法规（强制性技术要求）',
  labelling: '标签、标识要求',
  standard: '自愿性标准',
  none: '未能从通报文本判定',
};

export const FACTOR_ZH: Record<WarningFactorKey, string> = {
  exposure: '涉及出口额',
  match: '产品匹配',
  nature: '措施性质',
  deviation: '偏离国际标准',
  commentWindow: '评议期限',
  entryIntoForce: '生效时间',
  shortInterval: '过渡期不足六个月',
  focusIndustry: '重点产业',
  laterDocuments: '后续文件',
};

export const RESPONSE_ZH: Record<ResponseKind, string> = {
  comment: '提交评议意见',
  adapt: '调整产品',
  certify: '检测或认证',
  monitor: '持续跟踪',
};

/** The recommendation a letter gives for each kind of response, when no analyst planned one. */
export const RESPONSE_ADVICE_ZH: Record<ResponseKind, string> = {
  comment: '建议贵单位抓住评议期，尽快梳理该措施对产品和出口的具体影响，将意见和证据材料反馈我方，由我方汇总后通过世贸组织咨询点提交评议意见。',
  certify: '建议贵单位及早了解目标市场的合格评定程序和认可的检测、认证机构，提前安排产品检测和认证，避免措施实施后货物受阻。',
  adapt: '建议贵单位对照措施要求核查产品配方、工艺、限量指标和标签标识，及早调整产品和包装，并与进口商沟通过渡安排。',
  monitor: '建议贵单位关注该措施的后续进展，留意目标市场的正式文本和实施安排，如发现对出口的实际影响，请及时告知我方。',
};
