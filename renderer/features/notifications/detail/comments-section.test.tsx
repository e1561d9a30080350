import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeasureFamily } from '../../../../shared/contract';
import { createFakeBackend, makeNotification } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

const FAMILY: MeasureFamily = {
  id: 4,
  kind: 'GCC',
  title: 'Electric vehicles',
  members: [
    { id: 7, symbol: 'G/TBT/N/SAU/9002', memberCode: 'SAU' },
    { id: 8, symbol: 'G/TBT/N/ARE/9002', memberCode: 'ARE' },
  ],
};

function setUp(actor: string | null) {
  const backend = createFakeBackend({ notifications: [makeNotification({ id: 7, symbol: 'G/TBT/N/SAU/9002', family: FAMILY })] });
  const comments = commentsOf(backend).comments;
  comments.push(makeComment({ id: 1, status: 'in_review', titleZh: '关于沙特冰箱能效法规的评议意见' }));
  comments[0]!.target = { ...comments[0]!.target, notificationId: 7 };
  const onFamily = makeComment({ id: 2, status: 'submitted', titleZh: '关于海湾电动汽车法规的评议意见' });
  onFamily.target = { ...onFamily.target, kind: 'family', notificationId: null, familyId: 4, symbols: ['G/TBT/N/ARE/9001', 'G/TBT/N/SAU/9001'] };
  comments.push(onFamily, makeComment({ id: 3, titleZh: '别的通报的意见' }));
  actAs(backend, actor);
  const app = renderApp({ backend, route: { section: 'notifications', id: 7 } });
  return { backend, app };
}

describe('comments on the notification detail', () => {
  it('lists the comments on the notification and on its family with status, title and a link to open each', async () => {
    setUp('张敏');
    const section = await screen.findByRole('region', { name: '评议意见' });
    const items = await within(section).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^审核中关于沙特冰箱能效法规的评议意见G\/TBT\/N\/SAU\/9002/),
      expect.stringMatching(/^已提交关于海湾电动汽车法规的评议意见.*针对整个措施族/),
    ]);
    expect(within(section).getByRole('link', { name: '关于沙特冰箱能效法规的评议意见' }).getAttribute('href')).toBe('#/comments/1');
    expect(within(section).queryByText('别的通报的意见')).toBeNull();
  });

  it('drafts a comment on the notification as the acting analyst and opens it in the editor', async () => {
    const { backend } = setUp('张敏');
    const section = await screen.findByRole('region', { name: '评议意见' });
    fireEvent.click(await within(section).findByRole('button', { name: '起草评议意见' }));
    await waitFor(() => expect(backend.callsTo('commentsCreate')).toEqual([{ target: { kind: 'notification', notificationId: 7 } }]));
    expect(await screen.findByRole('region', { name: '审核流程' })).toBeTruthy();
    expect(window.location.hash).toBe('#/comments/4');
  });

  it('asks who is acting in the new-comment dialog when nobody is chosen yet', async () => {
    const { backend } = setUp(null);
    const section = await screen.findByRole('region', { name: '评议意见' });
    fireEvent.click(await within(section).findByRole('button', { name: '起草评议意见' }));
    await waitFor(() => expect(window.location.hash).toBe('#/comments/new?notification=7'));
    expect(backend.callsTo('commentsCreate')).toEqual([]);
  });
});
