/** What keeps a comment from going out wrong: unfinished text, return notes, adoption figures. */
export const commentChecksZhCN = {
  unfinished: {
    field: '待补充：{{markers}}',
    where: '第 {{n}} 点 {{field}}',
    blocked: {
      in_review: '以下内容仍待补充，补全后才能送审：',
      approved: '以下内容仍待补充，补全后才能批准：',
    },
    fields: {
      titleZh: '标题（中文）',
      titleEn: '标题（英文）',
      clauseZh: '相关条款（中文）',
      clauseEn: '相关条款（英文）',
      concernZh: '关注问题（中文）',
      concernEn: '关注问题（英文）',
      proposalZh: '修改建议（中文）',
      proposalEn: '修改建议（英文）',
      rationaleZh: '理由和依据（中文）',
      rationaleEn: '理由和依据（英文）',
    },
  },
  adoption: {
    submitted: '已提交评议意见',
    fullyRate: '全部采纳率',
    partlyRate: '至少部分采纳率',
    awaiting: '待结果',
    decided: '已有结果 {{decided}} 份：全部采纳 {{adopted}}，部分采纳 {{partly}}，未采纳 {{not}}',
    fullyFormula: '全部采纳率 = 全部要点均被采纳的意见 ÷ 已有结果的意见 = {{adopted}} ÷ {{decided}}。部分采纳、未采纳、未答复也算已有结果；仍有要点未记录结果的意见不计入。',
    partlyFormula: '至少部分采纳率 =（全部采纳 + 部分采纳）÷ 已有结果的意见 =（{{adopted}} + {{partly}}）÷ {{decided}}。至少一个要点被采纳或部分采纳即算部分采纳。',
    awaitingFormula: '已提交、但仍有要点没有记录结果的评议意见，不计入采纳率。',
    withdrawn: '另有 {{count}} 份因措施撤回不计入采纳率',
    columns: {
      decided: '已有结果',
      adopted: '全部采纳',
      partlyAdopted: '部分采纳',
      awaiting: '待结果',
    },
    outcome: {
      adopted: '全部采纳',
      partly_adopted: '部分采纳',
      not_adopted: '未采纳',
      withdrawn: '措施撤回',
      awaiting: '待结果',
    },
  },
  returned: {
    title: '退回意见',
    heading: '{{name}} 于 {{at}} 退回修改：',
    noNote: '（未写明需要修改的地方）',
  },
  steps: {
    title: '流程记录',
    created: '创建草稿',
    returned: '退回修改',
    moved: '转为“{{status}}”',
  },
};
