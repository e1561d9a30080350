/** What keeps a comment from going out wrong: unfinished text, return notes, adoption figures. */
export const commentChecksEn = {
  unfinished: {
    field: 'Still to be completed: {{markers}}',
    where: 'point {{n}}, {{field}}',
    blocked: {
      in_review: 'Complete this text before sending the comment for review:',
      approved: 'Complete this text before approving the comment:',
    },
    fields: {
      titleZh: 'title (Chinese)',
      titleEn: 'title (English)',
      clauseZh: 'clause (Chinese)',
      clauseEn: 'clause (English)',
      concernZh: 'concern (Chinese)',
      concernEn: 'concern (English)',
      proposalZh: 'proposed change (Chinese)',
      proposalEn: 'proposed change (English)',
      rationaleZh: 'rationale (Chinese)',
      rationaleEn: 'rationale (English)',
    },
  },
};
