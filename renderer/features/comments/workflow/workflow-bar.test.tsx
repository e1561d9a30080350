import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommentStatus } from '../../../../shared/contract';
import { createFakeBackend } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

const ACTIONS = ['送审', '退回修改', '批准', '记录提交', '记录答复', '结束'];

async function openComment(status: CommentStatus, actor = '张敏') {
  const backend = createFakeBackend();
  commentsOf(backend).comments.push(makeComment({ id: 1, status }));
  actAs(backend, actor);
  renderApp({ backend, route: { section: 'comments', id: 1 } });
  const bar = await screen.findByRole('region', { name: '审核流程' });
  return { backend, bar };
}

const offered = (bar: HTMLElement): string[] =>
  within(bar)
    .queryAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((text) => ACTIONS.includes(text));

describe('workflow bar', () => {
  it('offers only the next steps of each status', async () => {
    const expected: Array<[CommentStatus, string[]]> = [
      ['draft', ['送审']],
      ['in_review', ['批准', '退回修改']],
      ['approved', ['记录提交']],
      ['submitted', ['记录答复']],
      ['reply_received', ['结束']],
      ['closed', []],
    ];
    for (const [status, buttons] of expected) {
      const { bar } = await openComment(status);
      expect(offered(bar)).toEqual(buttons);
      const current = bar.querySelector('[aria-current="step"]');
      expect(current?.textContent).toContain(
        { draft: '草稿', in_review: '审核中', approved: '已批准', submitted: '已提交', reply_received: '已收到答复', closed: '已结束' }[status],
      );
      cleanup();
    }
  });

  it('refuses approval by the author with the reason, and lets a second analyst approve', async () => {
    const { backend, bar } = await openComment('in_review');
    fireEvent.click(within(bar).getByRole('button', { name: '批准' }));
    const refusal = await within(bar).findByRole('alert');
    expect(refusal.textContent).toContain('张敏 是这份评议意见的起草人，不能批准自己的意见');
    expect(refusal.textContent).toContain('CONFLICT');
    expect(commentsOf(backend).comments[0]?.status).toBe('in_review');

    const li = commentsOf(backend).analysts.find((a) => a.name === '李强')!;
    const picker = screen.getByLabelText<HTMLSelectElement>('当前身份');
    fireEvent.change(picker, { target: { value: li.uid } });
    await waitFor(() => expect(picker.value).toBe(li.uid));
    fireEvent.click(within(bar).getByRole('button', { name: '批准' }));
    await waitFor(() => expect(offered(bar)).toEqual(['记录提交']));
    expect(within(bar).queryByRole('alert')).toBeNull();
    expect(backend.callsTo('commentsTransition').at(-1)).toEqual({ id: 1, to: 'approved', baseVersion: 1 });
    expect(bar.textContent).toContain('审核人：李强');
  });

  it('asks for date, channel and reference before recording the submission', async () => {
    const { backend, bar } = await openComment('approved');
    fireEvent.click(within(bar).getByRole('button', { name: '记录提交' }));
    const dialog = await screen.findByRole('dialog', { name: '记录提交' });
    fireEvent.change(within(dialog).getByLabelText('提交日期'), { target: { value: '2026-11-20' } });
    fireEvent.change(within(dialog).getByLabelText('提交渠道'), { target: { value: 'email' } });
    fireEvent.change(within(dialog).getByLabelText('文号或参考编号（可选）'), { target: { value: 'CHN/TBT/2026/17' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '记录提交' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('commentsTransition')).toEqual([
      { id: 1, to: 'submitted', submission: { date: '2026-11-20', channel: 'email', reference: 'CHN/TBT/2026/17' } },
    ]);
  });

  it('records a submission date typed day first, and refuses one that is no date or lies ahead', async () => {
    const { backend, bar } = await openComment('approved');
    fireEvent.click(within(bar).getByRole('button', { name: '记录提交' }));
    const dialog = await screen.findByRole('dialog', { name: '记录提交' });
    const date = within(dialog).getByLabelText('提交日期');
    const submit = (): void => void fireEvent.click(within(dialog).getByRole('button', { name: '记录提交' }));
    fireEvent.change(date, { target: { value: '下周' } });
    submit();
    expect(within(dialog).getByText(/不是日期/)).toBeTruthy();
    fireEvent.change(date, { target: { value: '01/01/2999' } });
    submit();
    expect(within(dialog).getByText(/日期不能晚于/)).toBeTruthy();
    expect(backend.callsTo('commentsTransition')).toEqual([]);
    fireEvent.change(date, { target: { value: '20/11/2026' } });
    submit();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('commentsTransition')).toEqual([
      { id: 1, to: 'submitted', submission: { date: '2026-11-20', channel: 'enquiry-point', reference: '' } },
    ]);
  });

  it('needs a note to return a comment for changes', async () => {
    const { backend, bar } = await openComment('in_review', '李强');
    fireEvent.click(within(bar).getByRole('button', { name: '退回修改' }));
    const dialog = await screen.findByRole('dialog', { name: '退回修改' });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('请说明需要修改的地方。');
    expect(backend.callsTo('commentsTransition')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('退回意见'), { target: { value: '第 2 点请补充依据' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(() => expect(offered(bar)).toEqual(['送审']));
    expect(backend.callsTo('commentsTransition')).toEqual([{ id: 1, to: 'draft', note: '第 2 点请补充依据' }]);
  });
});
