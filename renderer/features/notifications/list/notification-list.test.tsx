import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationDetail } from '../../../../shared/contract';
import { fixedClock, todayOf } from '../../../../shared/domain/clock';
import { createFakeBackend, FAKE_NOW, makeNotification } from '../../../testing/fake-backend';
import { fakeLayout } from '../../../testing/layout';
import { renderApp } from '../../../testing/render-app';

const LIST = { section: 'notifications', id: null } as const;
const ZHANG = '019a9f3c-2a00-7000-8000-000000000001';

function inDays(n: number): string {
  const [y, m, d] = todayOf(fixedClock(FAKE_NOW)).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return date.toISOString().slice(0, 10);
}

const FRIDGE = makeNotification({
  id: 1,
  symbol: 'G/TBT/N/SAU/9002',
  title: 'Draft technical regulation on energy efficiency of household refrigerators',
  titleZh: '沙特冰箱能效技术法规草案',
  distributionDate: '2026-09-01',
  commentDeadline: inDays(5),
});
const BATTERY = makeNotification({
  id: 2,
  symbol: 'G/TBT/N/ARE/9001',
  memberCode: 'ARE',
  memberName: '阿联酋',
  title: 'Electric vehicle batteries: safety requirements',
  distributionDate: '2026-10-01',
  commentDeadline: inDays(-3),
  triage: { status: 'assessing', relevance: 'high', assignee: '王评议', assigneeId: null, notes: '', industries: ['ev'], updatedAt: null, updatedBy: null, updatedById: null },
});
const FERTILIZER = makeNotification({
  id: 3,
  symbol: 'G/TBT/N/KAZ/9003',
  memberCode: 'KAZ',
  title: 'Mineral fertilizers',
  distributionDate: '2026-08-01',
  commentDeadline: inDays(40),
});

function rows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: '通报列表' }))
    .getAllByRole('row')
    .filter((r) => r.classList.contains('list-row') && !r.classList.contains('list-row-loading'));
}

const symbols = (): string[] => rows().map((r) => r.querySelector('.cell-symbol a')?.textContent ?? '');

async function renderList(notifications: NotificationDetail[] = [FRIDGE, BATTERY, FERTILIZER]) {
  const app = renderApp({ backend: createFakeBackend({ notifications }), route: LIST });
  await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  return app;
}

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

describe('notification list', () => {
  it("leads with the notification's own title in English, the Chinese translation below it", async () => {
    renderApp({ backend: createFakeBackend({ settings: { locale: 'en' }, notifications: [FRIDGE] }), route: LIST });
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('tr.list-row:not(.list-row-loading)');
      expect(found).not.toBeNull();
      return found!;
    });
    const lines = [...row.querySelectorAll('.cell-title > span')].map((span) => [span.className, span.textContent]);
    expect(lines).toEqual([
      ['title-main', 'Draft technical regulation on energy efficiency of household refrigerators'],
      ['title-translation', '沙特冰箱能效技术法规草案'],
    ]);
  });

  it('shows member, Chinese title above the original, dates, days left, status and relevance', async () => {
    await renderList();
    // Newest distribution first by default.
    expect(symbols()).toEqual(['G/TBT/N/ARE/9001', 'G/TBT/N/SAU/9002', 'G/TBT/N/KAZ/9003']);
    const fridge = rows()[1] as HTMLElement;
    expect(fridge.querySelector('.cell-member')?.textContent).toBe('沙特阿拉伯 SAU');
    expect(fridge.querySelector('.title-zh')?.textContent).toBe('沙特冰箱能效技术法规草案');
    expect(fridge.querySelector('.title-original')?.textContent).toContain('household refrigerators');
    expect(fridge.querySelector('.cell-date')?.textContent).toBe('2026年9月1日');
    expect(within(fridge).getByText('剩 5 天').className).toContain('deadline-badge-closing-soon');
    const battery = rows()[0] as HTMLElement;
    expect(within(battery).getByText('已过 3 天').className).toContain('deadline-badge-overdue');
    expect(battery.querySelector('.cell-status')?.textContent).toBe('评估中');
    expect(battery.querySelector('.cell-relevance')?.textContent).toBe('高');
    expect(within(rows()[2] as HTMLElement).getByText('剩 40 天').className).toContain('deadline-badge-open');
    expect(screen.getByText('共 3 条')).toBeTruthy();
  });

  it('fetches pages of 200 rows as they come into view, not the whole list', async () => {
    const many = Array.from({ length: 450 }, (_, i) => makeNotification({ id: i + 1, symbol: `G/TBT/N/KAZ/${1000 + i}` }));
    const { backend } = await renderList(many);
    expect(screen.getByText('共 450 条')).toBeTruthy();
    const calls = backend.callsTo('notificationsList') as Array<{ offset: number; limit: number }>;
    expect(calls.map((c) => [c.offset, c.limit])).toEqual([[0, 200]]);
    // Only the rows in view (and a few more) exist in the page.
    expect(rows().length).toBeLessThan(40);
  });

  it('sorts by a column when its header is clicked and reverses on the second click', async () => {
    const { backend } = await renderList();
    const header = screen.getByRole('button', { name: '通报编号' });
    fireEvent.click(header);
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/ARE/9001', 'G/TBT/N/KAZ/9003', 'G/TBT/N/SAU/9002']));
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(header);
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002', 'G/TBT/N/KAZ/9003', 'G/TBT/N/ARE/9001']));
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ sort: 'symbol', direction: 'desc', offset: 0, limit: 200 });
  });

  it('moves the selection with the arrow keys and opens it with Enter', async () => {
    const { store } = await renderList();
    const list = screen.getByRole('region', { name: /通报列表/ });
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(rows()[1]?.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(rows()[0]?.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(list, { key: 'End' });
    expect(rows()[2]?.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(store.getState().route).toEqual({ section: 'notifications', id: 3 });
  });

  it('searches after a pause and marks the matches in the titles', async () => {
    const { backend } = await renderList();
    const box = screen.getByRole('searchbox', { name: '搜索通报' });
    fireEvent.change(box, { target: { value: '冰' } });
    fireEvent.change(box, { target: { value: '冰箱' } });
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002']));
    const queries = (backend.callsTo('notificationsList') as Array<{ query?: string }>).map((c) => c.query).filter(Boolean);
    expect(queries).toEqual(['冰箱']);
    const marks = (rows()[0] as HTMLElement).querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['冰箱']);
    expect(screen.getByText('共 1 条')).toBeTruthy();
  });

  it('marks English matches too, and Esc in the box clears the search', async () => {
    await renderList();
    const box = screen.getByRole('searchbox', { name: '搜索通报' });
    fireEvent.change(box, { target: { value: 'batter' } });
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/ARE/9001']));
    // English words match as prefixes; the whole word is marked.
    expect((rows()[0] as HTMLElement).querySelector('mark')?.textContent).toBe('batteries');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('takes the arrow keys at once when opened with nothing focused, and from a toolbar button', async () => {
    const { store } = await renderList();
    const list = screen.getByRole('region', { name: /通报列表/ });
    // Opened with Ctrl+2: the list has the focus, so ↓ ↓ Enter opens the second row.
    expect(document.activeElement).toBe(list);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(rows()[1]?.getAttribute('aria-current')).toBe('true');
    // Focus on a toolbar button: the arrows still move the selection and bring the focus back.
    const filters = screen.getByRole('button', { name: '筛选' });
    filters.focus();
    fireEvent.keyDown(filters, { key: 'ArrowDown' });
    expect(rows()[2]?.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(list);
    // Nothing focused (a click on empty space): Enter opens the selected row.
    list.blur();
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(store.getState().route).toEqual({ section: 'notifications', id: 3 });
  });

  it('leaves Enter on a toolbar button to the button', async () => {
    const { store } = await renderList();
    const list = screen.getByRole('region', { name: /通报列表/ });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const filters = screen.getByRole('button', { name: '筛选' });
    filters.focus();
    fireEvent.keyDown(filters, { key: 'Enter' });
    expect(store.getState().route).toEqual(LIST);
  });

  it('ticks rows with the box or Space and changes their status and relevance in one batch, after a question', async () => {
    const { backend, store } = await renderList();
    // The box ticks without opening the record, and the arrows still move through the list.
    const box = screen.getByRole('checkbox', { name: '选中 G/TBT/N/ARE/9001' });
    box.focus();
    fireEvent.click(box);
    expect(store.getState().route).toEqual(LIST);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(rows()[0]?.getAttribute('aria-current')).toBe('true');
    const list = screen.getByRole('region', { name: /通报列表/ });
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: ' ' });
    const bar = screen.getByRole('region', { name: '批量处理' });
    expect(within(bar).getByRole('status').textContent).toBe('已选 2 条');
    const apply = within(bar).getByRole('button', { name: '应用' });
    expect(apply).toHaveProperty('disabled', true);

    fireEvent.change(within(bar).getByLabelText('处理状态'), { target: { value: 'closed' } });
    fireEvent.change(within(bar).getByLabelText('相关程度'), { target: { value: 'none' } });
    fireEvent.click(apply);
    const question = screen.getByRole('dialog', { name: '批量修改 2 条通报？' });
    expect(question.textContent).toContain('处理状态改为“已结束”，相关程度改为“无关”');
    fireEvent.click(within(question).getByRole('button', { name: '修改 2 条' }));

    expect(await screen.findByText('已修改 2 条通报，0 条原已如此')).toBeTruthy();
    expect(backend.callsTo('notificationsTriageBatch')).toEqual([{ ids: [2, 3], status: 'closed', relevance: 'none' }]);
    expect(backend.notifications.find((n) => n.id === 3)?.triage).toMatchObject({ status: 'closed', relevance: 'none' });
    expect(screen.queryByRole('region', { name: '批量处理' })).toBeNull();
  });

  it('ticks every match from the header box or Ctrl+A, and unticks them all from the box', async () => {
    const { backend } = await renderList();
    const all = screen.getByRole('checkbox', { name: '选中全部符合条件的通报（一次最多 1000 条）' });
    fireEvent.click(all);
    const bar = await screen.findByRole('region', { name: '批量处理' });
    expect(within(bar).getByRole('status').textContent).toBe('已选 3 条');
    const box = screen.getByRole('checkbox', { name: '取消选择' });
    expect(box).toHaveProperty('checked', true);

    // One row unticked: the header box shows "some"; a click then unticks every row.
    fireEvent.click(screen.getByRole('checkbox', { name: '选中 G/TBT/N/KAZ/9003' }));
    expect(box).toHaveProperty('indeterminate', true);
    expect(box).toHaveProperty('checked', false);
    fireEvent.click(box);
    expect(screen.queryByRole('region', { name: '批量处理' })).toBeNull();

    // Ctrl+A ticks what the search finds, not only the rows in view; in the search box it is the box's own.
    const search = screen.getByRole('searchbox', { name: '搜索通报' });
    fireEvent.change(search, { target: { value: 'fertilizers' } });
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/KAZ/9003']));
    search.focus();
    fireEvent.keyDown(search, { key: 'a', code: 'KeyA', ctrlKey: true });
    expect(screen.queryByRole('region', { name: '批量处理' })).toBeNull();
    const list = screen.getByRole('region', { name: /通报列表/ });
    list.focus();
    fireEvent.keyDown(list, { key: 'a', code: 'KeyA', ctrlKey: true });
    expect(within(await screen.findByRole('region', { name: '批量处理' })).getByRole('status').textContent).toBe('已选 1 条');
    expect(backend.callsTo('notificationsMatchingIds')).toEqual([{ direction: 'desc' }, { query: 'fertilizers', direction: 'desc' }]);
  });

  it('ticks nothing and says how many match when more than one batch may change', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => makeNotification({ id: i + 1, symbol: `G/TBT/N/RUS/${i + 1}`, distributionDate: '2026-01-01' }));
    const { backend } = await renderList(many);
    fireEvent.click(screen.getByRole('checkbox', { name: '选中全部符合条件的通报（一次最多 1000 条）' }));
    expect(await screen.findByText('有 1001 条通报符合条件，一次最多批量修改 1000 条：请先缩小搜索或筛选范围。')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '批量处理' })).toBeNull();
    expect(backend.callsTo('notificationsMatchingIds')).toHaveLength(1);
  });

  it('asks before a batch and does nothing when the analyst says no; a new search clears the ticks', async () => {
    const { backend, store } = await renderList();
    fireEvent.click(screen.getByRole('checkbox', { name: '选中 G/TBT/N/SAU/9002' }));
    const bar = screen.getByRole('region', { name: '批量处理' });
    fireEvent.change(within(bar).getByLabelText('负责人'), { target: { value: '李娜' } });
    fireEvent.click(within(bar).getByRole('button', { name: '应用' }));
    const question = screen.getByRole('dialog', { name: '批量修改 1 条通报？' });
    expect(question.textContent).toContain('负责人改为“李娜”');
    fireEvent.click(within(question).getByRole('button', { name: '取消' }));
    expect(backend.callsTo('notificationsTriageBatch')).toEqual([]);
    expect(store.getState().route).toEqual(LIST);

    // A tick box outside the table does not keep the arrows: they go on moving through the list.
    const clear = within(bar).getByRole('checkbox', { name: '清除负责人' });
    clear.focus();
    fireEvent.keyDown(clear, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('region', { name: /通报列表/ }));
    expect(rows()[0]?.getAttribute('aria-current')).toBe('true');

    fireEvent.change(screen.getByRole('searchbox', { name: '搜索通报' }), { target: { value: 'fertilizers' } });
    await waitFor(() => expect(screen.queryByRole('region', { name: '批量处理' })).toBeNull());
  });

  it('/ jumps to the search box, arrows from the box move through the results', async () => {
    const { store } = await renderList();
    fireEvent.keyDown(document.body, { key: '/' });
    const box = screen.getByRole('searchbox', { name: '搜索通报' });
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().route).toEqual({ section: 'notifications', id: 2 });
  });

  it('keeps the query, sort and selection when coming back from a record', async () => {
    const { store } = await renderList();
    fireEvent.click(screen.getByRole('button', { name: '通报成员' }));
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索通报' }), { target: { value: 'regulation' } });
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002']));
    fireEvent.click(rows()[0] as HTMLElement);
    expect(await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/SAU/9002' })).toBeTruthy();
    act(() => store.getState().navigate(LIST));
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002']));
    expect((screen.getByRole('searchbox', { name: '搜索通报' }) as HTMLInputElement).value).toBe('regulation');
    expect(screen.getByRole('button', { name: '通报成员' }).closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(rows()[0]?.getAttribute('aria-current')).toBe('true');
  });

  it('filters by member and triage status, counts the filters and clears them', async () => {
    const { backend } = await renderList();
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    const panel = screen.getByRole('region', { name: '筛选条件' });
    fireEvent.click(within(panel).getByLabelText('沙特阿拉伯 SAU'));
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002']));
    fireEvent.click(within(panel).getByLabelText('哈萨克斯坦 KAZ'));
    fireEvent.click(within(panel).getByLabelText('新通报'));
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002', 'G/TBT/N/KAZ/9003']));
    expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ memberCodes: ['KAZ', 'SAU'], triageStatuses: ['new'] });
    expect(screen.getByRole('button', { name: '筛选（2）' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '清除筛选（2）' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('filters by members outside the SCO list, typed as codes, together with the checked ones', async () => {
    const { backend } = await renderList();
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    const panel = screen.getByRole('region', { name: '筛选条件' });
    fireEvent.click(within(panel).getByLabelText('沙特阿拉伯 SAU'));
    const others = within(panel).getByLabelText('其他通报成员（代码，逗号分隔）');
    fireEvent.change(others, { target: { value: 'u5a' } });
    expect(others.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(others, { target: { value: 'usa，jpn usa' } });
    await waitFor(() => expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ memberCodes: ['SAU', 'USA', 'JPN'] }));
    expect(symbols()).toEqual(['G/TBT/N/SAU/9002']);
    // Unchecking a country keeps the typed codes; the box shows them as sent.
    fireEvent.click(within(panel).getByLabelText('沙特阿拉伯 SAU'));
    await waitFor(() => expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ memberCodes: ['USA', 'JPN'] }));
    expect((others as HTMLInputElement).value).toBe('USA, JPN');
    expect(backend.callsTo('notificationsList').some((c) => JSON.stringify(c).includes('U5A'))).toBe(false);
  });

  it('refuses an HS code the contract would refuse instead of sending it', async () => {
    const { backend } = await renderList();
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    const hs = screen.getByLabelText('HS 编码前缀');
    fireEvent.change(hs, { target: { value: '84a' } });
    expect(hs.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('HS 编码只含数字、点和空格，如 8507.60')).toBeTruthy();
    fireEvent.change(hs, { target: { value: '8418' } });
    await waitFor(() => expect(backend.callsTo('notificationsList').at(-1)).toMatchObject({ hsCode: '8418' }));
  });

  it('saves the current search, applies it later and deletes it after confirmation', async () => {
    const { backend } = await renderList();
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索通报' }), { target: { value: '冰箱' } });
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002']));
    fireEvent.click(screen.getByRole('button', { name: '保存搜索' }));
    const dialog = screen.getByRole('dialog', { name: '保存当前搜索' });
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '冰箱能效' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存搜索“冰箱能效”')).toBeTruthy();
    expect(backend.savedSearches[0]).toMatchObject({ name: '冰箱能效', query: { query: '冰箱', direction: 'desc' } });

    fireEvent.keyDown(screen.getByRole('searchbox', { name: '搜索通报' }), { key: 'Escape' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: '已保存的搜索' }));
    fireEvent.click(await screen.findByRole('button', { name: '冰箱能效' }));
    await waitFor(() => expect(symbols()).toEqual(['G/TBT/N/SAU/9002']));

    fireEvent.click(screen.getByRole('button', { name: '已保存的搜索' }));
    fireEvent.click(await screen.findByRole('button', { name: '删除已保存的搜索“冰箱能效”' }));
    const confirm = screen.getByRole('dialog', { name: '删除已保存的搜索？' });
    fireEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(backend.savedSearches).toEqual([]));
    expect(await screen.findByText('还没有保存的搜索。')).toBeTruthy();
  });

  it('renames a saved search, refusing a name another search has', async () => {
    const { backend } = await renderList();
    const query = { query: '冰箱', sort: 'distributionDate', direction: 'desc' } as const;
    backend.savedSearches = [
      { id: 1, name: '冰箱', query, createdAt: '2026-11-01T00:00:00Z', createdBy: '张敏', createdById: ZHANG },
      { id: 2, name: '电池', query: { ...query, query: '电池' }, createdAt: '2026-11-01T00:00:00Z', createdBy: '张敏', createdById: ZHANG },
    ];
    fireEvent.click(screen.getByRole('button', { name: '已保存的搜索' }));
    fireEvent.click(await screen.findByRole('button', { name: '重命名已保存的搜索“冰箱”' }));
    const dialog = screen.getByRole('dialog', { name: '重命名已保存的搜索' });
    const name = within(dialog).getByLabelText('名称');
    expect((name as HTMLInputElement).value).toBe('冰箱');

    fireEvent.change(name, { target: { value: '电池' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText(/already exists/)).toBeTruthy();
    expect(backend.savedSearches.map((s) => s.name)).toEqual(['冰箱', '电池']);

    fireEvent.change(name, { target: { value: '冰箱能效' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已重命名为“冰箱能效”')).toBeTruthy();
    expect(backend.savedSearches.map((s) => s.name)).toEqual(['冰箱能效', '电池']);
    expect(backend.savedSearches[0]!.query).toEqual(query);
    expect(await screen.findByRole('button', { name: '冰箱能效' })).toBeTruthy();
  });
});
