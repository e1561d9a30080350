import { describe, expect, it } from 'vitest';
import { COMMENT_STATUSES, canTransition, isEditableStatus, isSentStatus, transitionProblem } from './comment-workflow';

describe('comment workflow', () => {
  it('moves forward one step at a time', () => {
    const path = ['draft', 'in_review', 'approved', 'submitted', 'reply_received', 'closed'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true);
    expect(canTransition('in_review', 'draft')).toBe(true);
  });

  it('allows nothing else', () => {
    const allowed = new Set(['draft>in_review', 'in_review>approved', 'in_review>draft', 'approved>submitted', 'submitted>reply_received', 'reply_received>closed']);
    for (const from of COMMENT_STATUSES) {
      for (const to of COMMENT_STATUSES) expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
    }
  });

  it('explains skipped steps and self-approval', () => {
    expect(transitionProblem('draft', 'approved', '李强', '张敏')).toBe(
      'a comment cannot go from draft to approved: steps cannot be skipped, and from draft it can only go to in review',
    );
    expect(transitionProblem('closed', 'draft', '李强', '张敏')).toMatch(/closed comment does not move/);
    expect(transitionProblem('in_review', 'approved', '张敏', '张敏')).toBe(
      '张敏 wrote this comment and cannot approve it; approval needs a second analyst',
    );
    expect(transitionProblem('in_review', 'approved', '李强', '张敏')).toBeNull();
    expect(transitionProblem('draft', 'draft', '张敏', '张敏')).toBe('the comment is already draft');
  });

  it('lets the text change only before approval and outcomes only once sent', () => {
    expect(COMMENT_STATUSES.filter(isEditableStatus)).toEqual(['draft', 'in_review']);
    expect(COMMENT_STATUSES.filter(isSentStatus)).toEqual(['submitted', 'reply_received', 'closed']);
  });
});
