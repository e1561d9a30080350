import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommentStatus } from '../../../../shared/contract';
import { createFakeBackend } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment, makePoint } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

const UNFINISHED = 'HS codes ([to be completed: HS codes]) do not match.';

async function openUnfinished(status: CommentStatus, actor: string, titleEn = 'Title') {
  const backend = createFakeBackend();
  const points = [makePoint('p1'), makePoint('p2', { concernEn: UNFINISHED, proposalZh: '建议【待补充：通报成员】明确范围。' })];
  commentsOf(backend).comments.push(makeComment({ id: 1, status, content: { titleZh: '标题', titleEn, points } }));
  actAs(backend, actor);
  renderApp({ backend, route: { section: 'comments', id: 1 } });
  const bar = await screen.findByRole('region', { name: '审核流程' });
  return { backend, bar };
}

describe('unfinished template text in the editor', () => {
  it('marks each field that still holds a "to be completed" marker and names the marker under it', async () => {
    await openUnfinished('draft', '张敏');
    const concern = screen.getByLabelText('第 2 点 关注问题（英文）');
    expect(concern.getAttribute('aria-invalid')).toBe('true');
    expect(concern.closest('.point-cell')?.textContent).toContain('待补充：[to be completed: HS codes]');
    expect(screen.getByLabelText('第 2 点 修改建议（中文）').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('第 1 点 关注问题（英文）').getAttribute('aria-invalid')).toBeNull();
  });

  it('marks a title that still holds a marker the same way, and not the other title', async () => {
    await openUnfinished('draft', '张敏', 'Comments on [to be completed: notification symbol]');
    const titleEn = screen.getByLabelText('标题（英文）');
    expect(titleEn.getAttribute('aria-invalid')).toBe('true');
    expect(titleEn.closest('.form-row')?.textContent).toContain('[to be completed: notification symbol]');
    expect(screen.getByLabelText('标题（中文）').getAttribute('aria-invalid')).toBeNull();
  });

  it('does not send the comment for review, and lists point and field, until the text is completed', async () => {
    const { backend, bar } = await openUnfinished('draft', '张敏');
    fireEvent.click(within(bar).getByRole('button', { name: '送审' }));
    const notice = await within(bar).findByRole('alert');
    expect(notice.textContent).toContain('以下内容仍待补充，补全后才能送审');
    expect(notice.textContent).toContain('第 2 点 关注问题（英文）: [to be completed: HS codes]');
    expect(notice.textContent).toContain('第 2 点 修改建议（中文）: 【待补充：通报成员】');
    expect(backend.callsTo('commentsTransition')).toEqual([]);

    fireEvent.change(screen.getByLabelText('第 2 点 关注问题（英文）'), { target: { value: 'HS codes (8418.10) do not match.' } });
    fireEvent.change(screen.getByLabelText('第 2 点 修改建议（中文）'), { target: { value: '建议沙特阿拉伯明确范围。' } });
    expect(within(bar).queryByRole('alert')).toBeNull();
    fireEvent.click(within(bar).getByRole('button', { name: '送审' }));
    await waitFor(() => expect(commentsOf(backend).comments[0]?.status).toBe('in_review'));
  });

  it('does not approve a comment in review that still holds unfinished text', async () => {
    const { backend, bar } = await openUnfinished('in_review', '李强');
    fireEvent.click(within(bar).getByRole('button', { name: '批准' }));
    expect((await within(bar).findByRole('alert')).textContent).toContain('以下内容仍待补充，补全后才能批准');
    expect(backend.callsTo('commentsTransition')).toEqual([]);
  });
});
