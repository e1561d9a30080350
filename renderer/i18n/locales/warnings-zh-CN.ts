/** Risk warnings: the inbox, the explanation of a score, response plans and letters. */
export const warningsZhCN = {
  warningWords: {
    levels: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
    levelsShort: { red: '红', orange: '橙', yellow: '黄', blue: '蓝' },
    states: { new: '新预警', acknowledged: '已确认', planned: '已制定应对', closed: '已关闭' },
    match: { direct: '直接匹配', broad: '宽泛匹配', text: '文本匹配' },
    responses: { comment: '提交评议意见', adapt: '调整产品', certify: '检测或认证', monitor: '持续跟踪' },
    factors: {
      exposure: '涉及出口额',
      match: '产品匹配',
      nature: '措施性质',
      deviation: '偏离国际标准',
      commentWindow: '评议期限',
      entryIntoForce: '生效时间',
      shortInterval: '过渡期不足六个月',
      focusIndustry: '重点产业',
      laterDocuments: '后续文件',
    },
    factorHelp: {
      exposure: '企业对措施所涉成员、所涉 HS 编码的年出口额；企业未填报时用海关出口统计',
      match: '同一 HS 子目为直接匹配，同一品目或章为宽泛匹配，仅文字或关键词相符为文本匹配',
      nature: '从通报的标题、描述、关键词和目标读出：禁令、残留限量、强制认证、技术法规、标签、自愿性标准；SPS 紧急措施同禁令',
      deviation: '通报声明与国际标准（Codex、WOAH、IPPC、ISO、IEC）不一致',
      commentWindow: '距评议截止日越近，分值越高；评议期已过为零',
      entryIntoForce: '距生效日越近，分值越高',
      shortInterval: '批准到生效不足六个月（TBT 协定第 2.12 条）',
      focusIndustry: '措施涉及的产品属于重点产业',
      laterDocuments: '补遗表明措施已批准或已生效时提高紧迫性；撤回则关闭预警',
    },
  },
};
