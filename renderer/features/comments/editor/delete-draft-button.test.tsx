import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../../shared/contract';
import { createFakeBackend } from '../../../testing/fake-backend';
import { commentsOf, makeComment } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';
import { ACTING_AS_KEY } from '../acting-as';

function openComment(comment: Comment) {
  const backend = createFakeBackend();
  commentsOf(backend).comments.push(comment);
  window.sessionStorage.setItem(ACTING_AS_KEY, '李强');
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
    expect(backend.callsTo('commentsDelete')).toEqual([{ id: 1, actor: '李强' }]);
    expect(commentsOf(backend).comments).toEqual([]);
    await waitFor(() => expect(store.getState().route).toEqual({ section: 'comments', id: null }));
  });

  it('offers no delete once the draft has been in review', async () => {
    const returned = makeComment({ id: 2 });
    returned.events.push(
      { id: 2, at: returned.createdAt, actor: '张敏', fromStatus: 'draft', toStatus: 'in_review', note: '', version: 1 },
      { id: 3, at: returned.createdAt, actor: '李强', fromStatus: 'in_review', toStatus: 'draft', note: '请补充依据', version: 1 },
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
