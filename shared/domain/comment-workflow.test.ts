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

  it('explains skipped steps and self-approval, comparing analysts by uid', () => {
    const zhang = { uid: '0190a000-0000-7000-8000-000000000001', name: '张敏' };
    const li = { uid: '0190a000-0000-7000-8000-000000000002', name: '李强' };
    // Another analyst who happens to share the name is a second pair of eyes.
    const otherZhang = { uid: '0190a000-0000-7000-8000-000000000003', name: '张敏' };
    expect(transitionProblem('draft', 'approved', li, zhang)).toBe(
      'a comment cannot go from draft to approved: steps cannot be skipped, and from draft it can only go to in review',
    );
    expect(transitionProblem('closed', 'draft', li, zhang)).toMatch(/closed comment does not move/);
    expect(transitionProblem('in_review', 'approved', zhang, zhang)).toBe(
      '张敏 wrote this comment and cannot approve it; approval needs a second analyst',
    );
    expect(transitionProblem('in_review', 'approved', li, zhang)).toBeNull();
    expect(transitionProblem('in_review', 'approved', otherZhang, zhang)).toBeNull();
    expect(transitionProblem('draft', 'draft', zhang, zhang)).toBe('the comment is already draft');
  });

  it('lets the text change only before approval and outcomes only once sent', () => {
    expect(COMMENT_STATUSES.filter(isEditableStatus)).toEqual(['draft', 'in_review']);
    expect(COMMENT_STATUSES.filter(isSentStatus)).toEqual(['submitted', 'reply_received', 'closed']);
  });
});
