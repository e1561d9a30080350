import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../../shared/contract';
import { createFakeBackend } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment, makeEvent } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

function openComment(comment: Comment) {
  const backend = createFakeBackend();
  commentsOf(backend).comments.push(comment);
  actAs(backend, '李强');
  return renderApp({ backend, route: { section: 'comments', id: comment.id } });
}

describe('deleting a draft comment', () => {
  it('asks first, deletes as the acting analyst and goes back to the list', async () => {
    const { backend, store } = openComment(makeComment({ id: 1 }));
    fireEvent.click(await screen.findByRole('button', { name: '删除草稿' }));

    // Cancelling leaves the draft alone.
    const question = screen.getByRole('dialog', { name: '删除这份草稿？' });
    fireEvent.click(within(question).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(backend.callsTo('commentsDelete')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '删除草稿' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: '删除这份草稿？' })).getByRole('button', { name: '删除草稿' }));

    expect(await screen.findByText('草稿已删除')).toBeTruthy();
    expect(backend.callsTo('commentsDelete')).toEqual([{ id: 1 }]);
    expect(commentsOf(backend).comments).toEqual([]);
    await waitFor(() => expect(store.getState().route).toEqual({ section: 'comments', id: null }));
  });

  it('offers no delete once the draft has been in review', async () => {
    const returned = makeComment({ id: 2 });
    returned.events.push(
      makeEvent(2, '张敏', 'draft', 'in_review'),
      makeEvent(3, '李强', 'in_review', 'draft', '请补充依据'),
    );
    openComment(returned);
    await screen.findByRole('heading', { level: 2 });
    expect(screen.queryByRole('button', { name: '删除草稿' })).toBeNull();
  });

  it('shows the refusal when the backend finds it cannot be deleted', async () => {
    const { backend } = openComment(makeComment({ id: 3 }));
    backend.failures.commentsDelete = { code: 'CONFLICT', message: 'comment 3 has been in review; only drafts never sent for review can be deleted' };
    fireEvent.click(await screen.findByRole('button', { name: '删除草稿' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: '删除这份草稿？' })).getByRole('button', { name: '删除草稿' }));
    const alert = await screen.findByText(/only drafts never sent for review can be deleted/);
    expect(alert).toBeTruthy();
  });
});
