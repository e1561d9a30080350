import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

describe("the reviewer's return note", () => {
  it('is shown to the author on the comment while it is back in draft, and stays in the workflow history', async () => {
    const backend = createFakeBackend();
    commentsOf(backend).comments.push(makeComment({ id: 1, status: 'in_review' }));
    actAs(backend, '李强');
    renderApp({ backend, route: { section: 'comments', id: 1 } });
    const bar = await screen.findByRole('region', { name: '审核流程' });
    expect(screen.queryByRole('note', { name: '退回意见' })).toBeNull();

    fireEvent.click(within(bar).getByRole('button', { name: '退回修改' }));
    const dialog = await screen.findByRole('dialog', { name: '退回修改' });
    fireEvent.change(within(dialog).getByLabelText('退回意见'), { target: { value: '第 2 点请补充IEC 62552-1的依据' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));

    const notice = await screen.findByRole('note', { name: '退回意见' });
    expect(notice.textContent).toContain('李强 于');
    expect(notice.textContent).toContain('退回修改：');
    expect(notice.textContent).toContain('第 2 点请补充IEC 62552-1的依据');
    const history = screen.getByRole('region', { name: '流程记录' });
    const steps = within(history).getAllByRole('listitem');
    expect(steps.at(-1)?.textContent).toContain('李强');
    expect(steps.at(-1)?.textContent).toContain('退回修改');
    expect(steps.at(-1)?.textContent).toContain('第 2 点请补充IEC 62552-1的依据');

    // Once the author sends it for review again, the notice has done its work; the history keeps it.
    fireEvent.change(screen.getByLabelText('当前身份'), { target: { value: '张敏' } });
    fireEvent.click(within(bar).getByRole('button', { name: '送审' }));
    await waitFor(() => expect(screen.queryByRole('note', { name: '退回意见' })).toBeNull());
    expect(within(screen.getByRole('region', { name: '流程记录' })).getByText('第 2 点请补充IEC 62552-1的依据')).toBeTruthy();
  });
});
