import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommentOutcome } from '../../../../shared/contract';
import { createFakeBackend } from '../../../testing/fake-backend';
import { commentsOf, makeComment } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

const figure = (label: string): string | null | undefined => screen.getByRole('group', { name: label }).querySelector('.stat-value')?.textContent;

describe('comments on the dashboard', () => {
  it('counts a partly adopted comment as at least partly adopted, not as adopted, and shows those awaiting an outcome', async () => {
    const backend = createFakeBackend();
    const outcomes: CommentOutcome[] = ['adopted', 'partly_adopted', 'not_adopted', 'awaiting'];
    outcomes.forEach((outcome, i) => commentsOf(backend).comments.push(makeComment({ id: i + 1, status: 'submitted', outcome })));
    renderApp({ backend });
    await screen.findByRole('group', { name: '全部采纳率' });
    expect(figure('已提交评议意见')).toBe('4');
    // 1 of the 3 with an outcome fully adopted; 2 of 3 at least partly; 1 still open.
    expect(figure('全部采纳率')).toBe('33.3%');
    expect(figure('至少部分采纳率')).toBe('66.7%');
    expect(figure('待结果')).toBe('1');
    expect(screen.getByRole('group', { name: '至少部分采纳率' }).getAttribute('title')).toBe(
      '至少部分采纳率 =（全部采纳 + 部分采纳）÷ 已有结果的意见 =（1 + 1）÷ 3。至少一个要点被采纳或部分采纳即算部分采纳。',
    );
  });
});
