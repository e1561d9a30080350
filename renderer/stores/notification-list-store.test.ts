import { describe, expect, it, vi } from 'vitest';
import type { Api, NotificationListItem, NotificationsListInput, NotificationsListOutput } from '../../shared/contract';
import { createNotificationListStore, listRequest, PAGE_SIZE, rowAt } from './notification-list-store';

function item(id: number): NotificationListItem {
  return {
    id,
    symbol: `G/TBT/N/KAZ/${id}`,
    area: 'TBT',
    memberCode: 'KAZ',
    docType: 'regular',
    title: `t${id}`,
    titleZh: null,
    distributionDate: null,
    commentDeadline: null,
    source: 'eping',
    memberName: '哈萨克斯坦',
    memberNameEn: 'Kazakhstan',
    status: 'new',
    relevance: null,
    assignee: null,
    industries: [],
    familyId: null,
  };
}

/** A backend of `rows` notifications that stops counting at `cap`, as the real one does. */
function fakeApi(rows: number, cap = Infinity) {
  const list = vi.fn(async (input: NotificationsListInput): Promise<NotificationsListOutput> => {
    const offset = input.offset ?? 0;
    const count = Math.max(0, Math.min(input.limit ?? 100, rows - offset));
    const items = Array.from({ length: count }, (_, i) => item(offset + i + 1));
    return { total: Math.min(rows, cap), totalCapped: rows > cap, items };
  });
  return { api: { notificationsList: list } as unknown as Api, list };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('notification list store', () => {
  it('asks for the query, the filters in force and the sort, without empty ones', () => {
    expect(
      listRequest({ query: '  电池 ', filters: { memberCodes: [], hsCode: '', area: 'TBT', assignee: null }, sort: null, direction: 'desc' }),
    ).toEqual({ query: '电池', area: 'TBT', assignee: null, direction: 'desc' });
  });

  it('sorts dates newest first and names A to Z, and flips on the second click', () => {
    const store = createNotificationListStore(fakeApi(0).api);
    store.getState().sortBy('symbol');
    expect(store.getState()).toMatchObject({ sort: 'symbol', direction: 'asc' });
    store.getState().sortBy('symbol');
    expect(store.getState()).toMatchObject({ sort: 'symbol', direction: 'desc' });
    store.getState().sortBy('distributionDate');
    expect(store.getState()).toMatchObject({ sort: 'distributionDate', direction: 'desc' });
  });

  it('starts at the top with a fresh cache when the view changes, and keeps it otherwise', async () => {
    const { api } = fakeApi(500);
    const store = createNotificationListStore(api);
    store.getState().ensurePages([0, 1]);
    await settle();
    store.getState().setScrollTop(4000);
    store.getState().select(70);
    store.getState().setQuery('');
    expect(store.getState()).toMatchObject({ scrollTop: 4000, selected: 70 });
    store.getState().setQuery('batteries');
    expect(store.getState()).toMatchObject({ scrollTop: 0, selected: -1 });
    expect(store.getState().data.pages).toEqual({});
  });

  it('fetches each page once, and again after the backend reports a change', async () => {
    const { api, list } = fakeApi(450);
    const store = createNotificationListStore(api);
    store.getState().ensurePages([0]);
    store.getState().ensurePages([0, 1]);
    await settle();
    expect(list.mock.calls.map(([input]) => [input.offset, input.limit])).toEqual([
      [0, PAGE_SIZE],
      [PAGE_SIZE, PAGE_SIZE],
    ]);
    expect(rowAt(store.getState().data, 201)?.id).toBe(202);
    store.getState().ensurePages([3]);
    expect(list).toHaveBeenCalledTimes(2);
    store.getState().invalidate();
    store.getState().ensurePages([1]);
    await settle();
    expect(list).toHaveBeenCalledTimes(3);
    // Loaded rows stay on screen until their page is fetched again.
    expect(rowAt(store.getState().data, 0)?.id).toBe(1);
  });

  it('grows past a capped total a page at a time, until a short page ends the list', async () => {
    const { api } = fakeApi(10_450, 10_000);
    const store = createNotificationListStore(api);
    store.getState().ensurePages([0]);
    await settle();
    expect(store.getState().data).toMatchObject({ total: 10_000, exact: false, rowCount: 10_000 });
    store.getState().ensurePages([49]);
    await settle();
    expect(store.getState().data).toMatchObject({ exact: false, rowCount: 10_200 });
    // Nothing past the page of room: the table asks as the analyst scrolls on.
    store.getState().ensurePages([51]);
    await settle();
    expect(store.getState().data.rowCount).toBe(10_200);
    for (const page of [50, 51, 52]) {
      store.getState().ensurePages([page]);
      await settle();
    }
    expect(store.getState().data).toMatchObject({ total: 10_450, exact: true, rowCount: 10_450 });
  });

  it('drops an answer that belongs to a view no longer shown', async () => {
    const { api } = fakeApi(30);
    const store = createNotificationListStore(api);
    store.getState().ensurePages([0]);
    store.getState().setQuery('fridge');
    await settle();
    expect(store.getState().data.pages).toEqual({});
  });
});
