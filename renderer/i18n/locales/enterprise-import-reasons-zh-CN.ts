/**
 * Words for the rows an enterprise or customs-statistics import rejects or notes, by the report's
 * `code` (a dotted key: t(`enterpriseImportReasons.${code}`, params)).
 */
export const enterpriseImportReasonsZhCN = {
  enterpriseImportReasons: {
    creditCode: {
      length: '统一社会信用代码应为 18 位，“{{value}}”有 {{length}} 位',
      character: '统一社会信用代码第 {{position}} 位“{{character}}”不允许使用（只能是数字和除 I、O、S、V、Z 以外的大写字母）',
      check: '统一社会信用代码校验位错误：应为 {{expected}}，而不是 {{found}}（GB 32100）',
    },
    name: {
      empty: '企业名称为空',
      differs: '同一信用代码在第 {{firstRow}} 行名为“{{firstName}}”，本行的“{{value}}”未采用，以先出现的名称为准',
    },
    hsCode: {
      invalid: '“{{value}}”不是产品的 HS 编码（应为 6 至 10 位数字）',
      leadingZero: 'HS 编码 {{value}} 被存成数字而丢失了开头的 0，已按 0{{value}} 读取',
      customs: '“{{value}}”不是海关统计的 HS 编码（应为 2、4、6、8 或 10 位数字）',
    },
    market: {
      unknown: '无法识别出口市场“{{value}}”：请填写 ISO3 代码（SAU）、中文或英文国名（沙特阿拉伯、Saudi Arabia），或区域组织（GCC、EAEU）',
      blocShared: '{{bloc}} 包括 {{members}}；{{value}} 美元是对整个组织的出口额，已平均分到每个成员，每个 {{share}} 美元',
    },
    line: {
      repeated: 'HS {{hsCode}} 出口到 {{market}} 已在第 {{firstRow}} 行给出，以先出现的数值为准',
    },
    value: {
      invalid: '“{{value}}”不是有效的出口额（美元）：应为不小于 0 的数字',
    },
    email: {
      invalid: '“{{value}}”不是电子邮件地址',
    },
    destination: {
      bloc: '{{value}} 是区域组织；海关统计按国家填写目的地',
      unknown: '无法识别目的地“{{value}}”：请填写 ISO3 代码或国名',
    },
    year: {
      invalid: '“{{value}}”不是有效年份（1990 至 {{max}} 年）',
    },
  },
};
