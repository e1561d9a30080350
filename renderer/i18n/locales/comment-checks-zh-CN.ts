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
};
