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
  adoption: {
    submitted: 'Comments submitted',
    fullyRate: 'Fully adopted',
    partlyRate: 'At least partly adopted',
    awaiting: 'Awaiting an outcome',
    decided: '{{decided}} with an outcome: {{adopted}} fully adopted, {{partly}} partly, {{not}} not adopted',
    fullyFormula: 'Fully adopted = comments with every point adopted ÷ comments with an outcome = {{adopted}} ÷ {{decided}}. Partly adopted, not adopted and unanswered comments have an outcome; comments with a point still open are left out.',
    partlyFormula: 'At least partly adopted = (fully + partly adopted) ÷ comments with an outcome = ({{adopted}} + {{partly}}) ÷ {{decided}}. A comment is partly adopted when at least one point was adopted in whole or in part.',
    awaitingFormula: 'Comments submitted with at least one point whose outcome is not recorded yet; they are left out of the rates.',
    withdrawn: '{{count}} more left out of the rates: the measure was withdrawn',
    columns: {
      decided: 'With an outcome',
      adopted: 'Fully adopted',
      partlyAdopted: 'Partly adopted',
      awaiting: 'Awaiting',
    },
    outcome: {
      adopted: 'Fully adopted',
      partly_adopted: 'Partly adopted',
      not_adopted: 'Not adopted',
      withdrawn: 'Measure withdrawn',
      awaiting: 'Awaiting outcome',
    },
  },
  returned: {
    title: 'Returned for changes',
    heading: '{{name}} returned this comment for changes on {{at}}:',
    noNote: '(no note on what to change)',
  },
  steps: {
    title: 'Workflow history',
    created: 'Draft created',
    returned: 'Returned for changes',
    moved: 'Moved to “{{status}}”',
  },
};
