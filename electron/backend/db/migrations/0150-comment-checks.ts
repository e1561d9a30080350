import type { Migration } from '../migration';

/** The texts 0110 seeded for the "extend the comment period" template, as shipped. */
const SHIPPED = {
  concern_zh: '《{title}》（{symbol}）的评议截止日期为{finalDate}，留给各成员研究草案、征求业界意见的时间不足。',
  concern_en:
    'The final date for comments on {title} ({symbol}) is {finalDate}, which leaves Members too little time to study the draft and consult their industries.',
  proposal_zh: '建议{member}将评议期延长至自通报分发之日起至少60天，并在最终通过前充分考虑各方意见。',
  proposal_en:
    'China suggests that {member} extend the comment period to at least 60 days from the distribution of the notification and take the comments received into account before adoption.',
};

/** The new texts name the present period and ask for a longer one with its date. */
export const COMMENT_PERIOD_TEXTS = {
  concern_zh: '《{title}》（{symbol}）的评议截止日期为{finalDate}，自通报分发之日起仅{currentPeriod}，留给各成员研究草案、征求业界意见的时间不足。',
  concern_en:
    'The final date for comments on {title} ({symbol}) is {finalDate}, only {currentPeriod} after the distribution of the notification, which leaves Members too little time to study the draft and consult their industries.',
  proposal_zh: '建议{member}将评议期延长至自通报分发之日起{requestedPeriod}（即延长至{requestedFinalDate}），并在最终通过前充分考虑各方意见。',
  proposal_en:
    'China suggests that {member} extend the comment period to {requestedPeriod} from the distribution of the notification, that is until {requestedFinalDate}, and take the comments received into account before adoption.',
};

/**
 * Comments that cannot go out wrong:
 * - The comment-period template asked for "at least 60 days", even of a notification that
 *   already gave 60 or 90: a request the member had met before it was made. The new text asks
 *   for a period longer than the present one, filled from the notification. A text the team has
 *   edited is theirs and stays as it is; only the shipped wording is replaced.
 * - comment_language_marks: which side of a point's Chinese/English pair may be out of date
 *   after the other side was rewritten (shared/domain/language-sync.ts). One row per point
 *   part; confirming or updating the marked side deletes it. Marks go with their comment.
 */
export const migration0150: Migration = {
  version: 150,
  name: 'comment-checks',
  up(db) {
    db.exec(`
      CREATE TABLE comment_language_marks (
        comment_id  INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        point_key   TEXT NOT NULL,
        part        TEXT NOT NULL CHECK (part IN ('clause', 'concern', 'proposal', 'rationale')),
        stale       TEXT NOT NULL CHECK (stale IN ('zh', 'en')),
        marked_at   TEXT NOT NULL,
        marked_by   TEXT NOT NULL,
        PRIMARY KEY (comment_id, point_key, part)
      ) STRICT;
    `);
    db.prepare(
      `UPDATE comment_templates
         SET concern_zh = @new_concern_zh, concern_en = @new_concern_en, proposal_zh = @new_proposal_zh, proposal_en = @new_proposal_en
       WHERE code = 'comment-period' AND built_in = 1
         AND concern_zh = @concern_zh AND concern_en = @concern_en AND proposal_zh = @proposal_zh AND proposal_en = @proposal_en`,
    ).run({
      ...SHIPPED,
      new_concern_zh: COMMENT_PERIOD_TEXTS.concern_zh,
      new_concern_en: COMMENT_PERIOD_TEXTS.concern_en,
      new_proposal_zh: COMMENT_PERIOD_TEXTS.proposal_zh,
      new_proposal_en: COMMENT_PERIOD_TEXTS.proposal_en,
    });
  },
};
