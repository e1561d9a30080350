import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, todayOf } from '../../../../shared/domain/clock';
import { createFakeBackend, FAKE_NOW, type FakeBackend } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';
import { AUTOSAVE_DELAY_MS } from './use-comment-editor';

const CONCERN_ZH = '第 1 点 关注问题（中文）';

function setUp(): FakeBackend {
  const backend = createFakeBackend();
  commentsOf(backend).comments.push(makeComment({ id: 1 }));
  actAs(backend, '张敏');
  renderApp({ backend, route: { section: 'comments', id: 1 } });
  return backend;
}

/** Type, then let the autosave pause run out on a fake clock. */
async function typeAndPause(label: string, value: string, ms = AUTOSAVE_DELAY_MS): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  vi.useRealTimers();
}

const saveState = (): string => screen.getByTestId('save-state').textContent ?? '';

describe('comment editor', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves by itself two seconds after typing stops, each time from the version it has', async () => {
    const backend = setUp();
    await screen.findByLabelText(CONCERN_ZH);

    await typeAndPause(CONCERN_ZH, '试验方法与IEC标准不一致', AUTOSAVE_DELAY_MS - 100);
    expect(backend.callsTo('commentsSave')).toEqual([]);
    expect(saveState()).toContain('未保存');

    await typeAndPause(CONCERN_ZH, '试验方法与IEC 62552标准不一致');
    await waitFor(() => expect(saveState()).toContain('已保存'));
    expect(backend.callsTo('commentsSave')).toEqual([
      expect.objectContaining({ id: 1, baseVersion: 1, autosave: true }),
    ]);
    expect(commentsOf(backend).comments[0]?.content.points[0]?.concernZh).toBe('试验方法与IEC 62552标准不一致');
    expect(screen.getByText('第 2 版')).toBeTruthy();

    await typeAndPause(CONCERN_ZH, '试验方法与IEC 62552系列标准不一致');
    await waitFor(() => expect(backend.callsTo('commentsSave')).toHaveLength(2));
    expect(backend.callsTo('commentsSave')[1]).toEqual(expect.objectContaining({ baseVersion: 2 }));
  });

  it('saves at once on Ctrl+S as a kept version, and new points get their keys', async () => {
    const backend = setUp();
    await screen.findByLabelText(CONCERN_ZH);
    fireEvent.click(screen.getByRole('button', { name: '添加空白要点' }));
    fireEvent.change(screen.getByLabelText('第 2 点 修改建议（英文）'), { target: { value: 'Allow twelve months.' } });
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(saveState()).toContain('已保存'));
    const [input] = backend.callsTo('commentsSave') as Array<{ autosave: boolean; points: Array<{ key?: string }> }>;
    expect(input?.autosave).toBe(false);
    expect(input?.points.map((p) => p.key)).toEqual(['p1', undefined]);
    expect(commentsOf(backend).comments[0]?.content.points.map((p) => p.key)).toEqual(['p1', 'p2']);
  });

  it('stops saving when someone else saved meanwhile and offers the newest version', async () => {
    const backend = setUp();
    await screen.findByLabelText(CONCERN_ZH);
    commentsOf(backend).saveElsewhere(1);

    await typeAndPause(CONCERN_ZH, '我的修改');
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('这份评议意见已在别处被修改');
    expect(banner.textContent).toContain('你是在第 1 版的基础上编辑的，但其间已有人保存了第 2 版');
    expect(saveState()).toContain('版本冲突');

    // Autosave stays off: more typing sends nothing.
    await typeAndPause(CONCERN_ZH, '我的修改，再改一次');
    expect(backend.callsTo('commentsSave')).toHaveLength(1);

    fireEvent.click(within(banner).getByRole('button', { name: '重新加载最新版本' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((screen.getByLabelText(CONCERN_ZH) as HTMLTextAreaElement).value).toBe('试验方法与国际标准不一致。');
    expect(screen.getByText('第 2 版')).toBeTruthy();
    expect(saveState()).toContain('已保存');
  });

  it('keeps edits unsaved until someone is chosen to act', async () => {
    const backend = createFakeBackend();
    commentsOf(backend).comments.push(makeComment({ id: 1 }));
    actAs(backend, null);
    renderApp({ backend, route: { section: 'comments', id: 1 } });
    await screen.findByLabelText(CONCERN_ZH);
    await typeAndPause(CONCERN_ZH, '修改');
    expect(saveState()).toContain('请先选择当前身份');
    expect(backend.callsTo('commentsSave')).toEqual([]);

    // Choosing who acts saves what was waiting, after the same pause.
    const li = commentsOf(backend).analysts.find((a) => a.name === '李强')!;
    const picker = screen.getByLabelText<HTMLSelectElement>('当前身份');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.change(picker, { target: { value: li.uid } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(picker.value).toBe(li.uid);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    });
    vi.useRealTimers();
    // The choice is the workstation's: the backend records 李强 on the save.
    expect(backend.callsTo('analystsSetActing')).toEqual([{ uid: li.uid }]);
    await waitFor(() => expect(backend.callsTo('commentsSave')).toHaveLength(1));
    expect(commentsOf(backend).acting).toBe(li.uid);
  });

  it('saves unsaved edits before leaving the comment', async () => {
    const backend = setUp();
    await screen.findByLabelText(CONCERN_ZH);
    fireEvent.change(screen.getByLabelText(CONCERN_ZH), { target: { value: '离开前的修改' } });
    fireEvent.click(screen.getByRole('link', { name: /返回评议意见列表/ }));
    await screen.findByRole('table', { name: '评议意见列表' });
    expect(backend.callsTo('commentsSave')).toEqual([expect.objectContaining({ autosave: false, baseVersion: 1 })]);
    expect(commentsOf(backend).comments[0]?.content.points[0]?.concernZh).toBe('离开前的修改');
  });

  it('shows the days left to the WTO final date, in the header and in the list', async () => {
    const [y, m, d] = todayOf(fixedClock(FAKE_NOW)).split('-').map(Number) as [number, number, number];
    const inDays = (n: number): string => new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
    const backend = createFakeBackend();
    const base = makeComment({ id: 1 });
    commentsOf(backend).comments.push(makeComment({ id: 1, deadlines: { ...base.deadlines, finalDate: inDays(6), internalDeadline: inDays(1) } }));
    actAs(backend, '张敏');
    renderApp({ backend, route: { section: 'comments', id: 1 } });
    await screen.findByLabelText(CONCERN_ZH);
    expect(document.querySelector('.comment-facts .deadline-badge')?.textContent).toBe('剩 6 天');
    fireEvent.click(screen.getByRole('link', { name: /返回评议意见列表/ }));
    const table = await screen.findByRole('table', { name: '评议意见列表' });
    expect(table.querySelector('.deadline-badge')?.textContent).toBe('剩 6 天');
  });

  it('goes back to the list with Esc from outside a field, saving the edits first', async () => {
    const backend = setUp();
    const concern = await screen.findByLabelText(CONCERN_ZH);
    concern.focus();
    fireEvent.change(concern, { target: { value: 'Esc 前的修改' } });
    fireEvent.keyDown(concern, { key: 'Escape' });
    expect(screen.queryByRole('table', { name: '评议意见列表' })).toBeNull();
    concern.blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await screen.findByRole('table', { name: '评议意见列表' });
    expect(commentsOf(backend).comments[0]?.content.points[0]?.concernZh).toBe('Esc 前的修改');
  });
});
