import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommentStatus, LanguageMark } from '../../../../shared/contract';
import { createFakeBackend } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

const MARK: LanguageMark = { pointKey: 'p1', part: 'concern', stale: 'en', markedAt: '2026-11-21T06:00:00.000Z', markedBy: '李强',
  markedByUid: '019a9f3c-2a00-7000-8000-000000000002',
};

async function open(status: CommentStatus, actor: string, marks: LanguageMark[]) {
  const backend = createFakeBackend();
  commentsOf(backend).comments.push(makeComment({ id: 1, status, languageMarks: marks }));
  actAs(backend, actor);
  renderApp({ backend, route: { section: 'comments', id: 1 } });
  const bar = await screen.findByRole('region', { name: '审核流程' });
  return { backend, bar };
}

const cellOf = (label: string): HTMLElement => screen.getByLabelText(label).closest('.point-cell') as HTMLElement;

describe('Chinese and English kept in step', () => {
  it('marks a side as possibly out of date and lets the author confirm it still matches', async () => {
    const { backend } = await open('draft', '张敏', [MARK]);
    const cell = cellOf('第 1 点 关注问题（英文）');
    expect(within(cell).getByRole('status').textContent).toContain('可能未同步更新：中文已由 李强 修改');
    expect(cellOf('第 1 点 关注问题（中文）').querySelector('.field-stale')).toBeNull();

    fireEvent.click(within(cell).getByRole('button', { name: '已核对，内容一致' }));
    await waitFor(() => expect(backend.callsTo('commentsConfirmLanguage')).toEqual([{ id: 1, pointKey: 'p1', part: 'concern' }]));
    await waitFor(() => expect(cellOf('第 1 点 关注问题（英文）').querySelector('.field-stale')).toBeNull());
  });

  it('marks the English once a rewritten Chinese text is saved', async () => {
    await open('draft', '张敏', []);
    fireEvent.change(screen.getByLabelText('第 1 点 修改建议（中文）'), { target: { value: '建议接受IEC 62552系列标准的试验方法。' } });
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(cellOf('第 1 点 修改建议（英文）').textContent).toContain('可能未同步更新：中文已由 张敏 修改'));
  });

  it('asks before approving while a mark remains, naming the point and field', async () => {
    const { backend, bar } = await open('in_review', '李强', [MARK]);
    fireEvent.click(within(bar).getByRole('button', { name: '批准' }));
    let dialog = await screen.findByRole('dialog', { name: '有译文可能未同步更新' });
    expect(dialog.textContent).toContain('以下内容在另一语言修改后尚未核对：第 1 点 关注问题（英文）。仍要批准吗？');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('commentsTransition')).toEqual([]);

    fireEvent.click(within(bar).getByRole('button', { name: '批准' }));
    dialog = await screen.findByRole('dialog', { name: '有译文可能未同步更新' });
    fireEvent.click(within(dialog).getByRole('button', { name: '仍然批准' }));
    await waitFor(() => expect(commentsOf(backend).comments[0]?.status).toBe('approved'));
  });
});
