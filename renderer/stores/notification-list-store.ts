import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, NotificationListItem, NotificationsListInput, SavedSearchQuery, SortKey } from '../../shared/contract';
import { toErrorInfo, type ErrorInfo } from './error-info';

/** Rows fetched per request as the analyst scrolls. */
export const PAGE_SIZE = 200;

/** The list's filters: the contract's list input without the query, the sort and the paging. */
export type ListFilters = Omit<NotificationsListInput, 'query' | 'sort' | 'direction' | 'offset' | 'limit' | 'today'>;
export type FilterKey = keyof ListFilters;
export type Direction = 'asc' | 'desc';

/** What the analyst asked for; kept while they look at a record, so "back" finds it unchanged. */
export interface ListView {
  query: string;
  filters: ListFilters;
  /** null: the backend's default (best match while searching, newest first otherwise). */
  sort: SortKey | null;
  direction: Direction;
}

export interface ListData {
  /** The request the pages belong to; a different view starts a new cache. */
  key: string;
  /** Bumped when the backend reports changes: loaded pages stay on screen until refetched. */
  generation: number;
  /** Matching rows as far as known; null before the first answer. */
  total: number | null;
  /** False while the backend only said "at least `total`" (it stops counting at a cap). */
  exact: boolean;
  /**
   * Rows the table has room for. Past a capped count it runs one page ahead of the rows loaded,
   * so scrolling there fetches more, until a short page shows where the list really ends.
   */
  rowCount: number;
  pages: Record<number, NotificationListItem[]>;
  error: ErrorInfo | null;
}

export interface NotificationListState extends ListView {
  data: ListData;
  scrollTop: number;
  /** Row index of the keyboard selection, -1 for none. */
  selected: number;
  /** Notifications ticked for a batch change (their ids); a new query, filter or sort clears them. */
  checked: ReadonlySet<number>;

  setQuery(query: string): void;
  setFilter<K extends FilterKey>(key: K, value: ListFilters[K] | undefined): void;
  clearFilters(): void;
  /** A click on a column header: the same column flips direction, another one starts fresh. */
  sortBy(key: SortKey): void;
  applySearch(query: SavedSearchQuery): void;
  setScrollTop(top: number): void;
  select(index: number): void;
  toggleChecked(id: number): void;
  clearChecked(): void;
  /** Tick every match of the list as it stands, when one batch may change them all. */
  checkAll(): Promise<CheckAllResult>;
  /** Fetch the pages not loaded (or loaded before the last change) yet. */
  ensurePages(pages: number[]): void;
  invalidate(): void;
}

export type NotificationListStore = StoreApi<NotificationListState>;

/** What ticking every match did: how many were ticked, or how many match (more than a batch may take). */
export type CheckAllResult = { ticked: number } | { tooMany: number; atLeast: boolean };

const NONE_CHECKED: ReadonlySet<number> = new Set();

/** Dates read newest first; names and symbols read A to Z. */
const DEFAULT_DIRECTION: Record<SortKey, Direction> = {
  distributionDate: 'desc',
  commentDeadline: 'asc',
  symbol: 'asc',
  memberCode: 'asc',
  title: 'asc',
  status: 'asc',
  relevance: 'asc',
  rank: 'desc',
};

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The filters actually in force: empty strings and lists are no filter at all. */
export function activeFilters(filters: ListFilters): ListFilters {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) if (!isEmpty(value)) out[key] = value;
  return out as ListFilters;
}

/** The sort the list shows: the chosen one, else the backend's default for this query. */
export function effectiveSort(view: Pick<ListView, 'query' | 'sort'>): SortKey {
  if (view.sort) return view.sort;
  return view.query.trim() ? 'rank' : 'distributionDate';
}

/** The list request of a view, without paging; also what a saved search keeps. */
export function listRequest(view: ListView): Omit<NotificationsListInput, 'offset' | 'limit'> {
  const query = view.query.trim();
  return {
    ...(query ? { query } : {}),
    ...activeFilters(view.filters),
    ...(view.sort ? { sort: view.sort } : {}),
    direction: view.direction,
  };
}

const emptyData = (key: string, generation = 0): ListData => ({
  key,
  generation,
  total: null,
  exact: true,
  rowCount: 0,
  pages: {},
  error: null,
});

const INITIAL_VIEW: ListView = { query: '', filters: {}, sort: null, direction: 'desc' };

/**
 * The notification list: what was asked (query, filters, sort), where the analyst was (scroll
 * position and selection), and a cache of the pages fetched so far.
 */
export function createNotificationListStore(api: Api): NotificationListStore {
  // Pages fetched since the last change, and the requests on their way: neither drives rendering.
  let fresh = new Set<number>();
  const inFlight = new Set<string>();

  return createStore<NotificationListState>()((set, get) => {
    /** Apply a new view: a different request starts an empty cache at the top of the list. */
    const changeView = (patch: Partial<ListView>): void => {
      const next: ListView = { ...viewOf(get()), ...patch };
      const key = JSON.stringify(listRequest(next));
      if (key === get().data.key) {
        set(patch);
        return;
      }
      fresh = new Set();
      set({ ...patch, data: emptyData(key, get().data.generation + 1), scrollTop: 0, selected: -1, checked: NONE_CHECKED });
    };

    return {
      ...INITIAL_VIEW,
      data: emptyData(JSON.stringify(listRequest(INITIAL_VIEW))),
      scrollTop: 0,
      selected: -1,
      checked: NONE_CHECKED,

      setQuery: (query) => changeView({ query }),
      setFilter: (key, value) => {
        const filters: ListFilters = { ...get().filters };
        if (isEmpty(value)) delete filters[key];
        else filters[key] = value;
        changeView({ filters });
      },
      clearFilters: () => changeView({ filters: {} }),
      sortBy: (key) => {
        const state = get();
        if (effectiveSort(state) === key) changeView({ sort: key, direction: state.direction === 'asc' ? 'desc' : 'asc' });
        else changeView({ sort: key, direction: DEFAULT_DIRECTION[key] });
      },
      applySearch: (saved) => {
        const { query, sort, direction, ...filters } = saved;
        changeView({ query: query ?? '', sort: sort ?? null, direction: direction ?? 'desc', filters });
      },
      setScrollTop: (scrollTop) => set({ scrollTop }),
      select: (selected) => set({ selected }),
      toggleChecked: (id) => {
        const checked = new Set(get().checked);
        if (!checked.delete(id)) checked.add(id);
        set({ checked });
      },
      clearChecked: () => set({ checked: NONE_CHECKED }),
      checkAll: async () => {
        const key = get().data.key;
        const out = await api.notificationsMatchingIds(listRequest(viewOf(get())));
        // A new query, filter or sort while the ids were on their way: they no longer apply.
        if (get().data.key !== key) return { ticked: 0 };
        if (out.ids.length < out.total) return { tooMany: out.total, atLeast: out.totalCapped };
        set({ checked: new Set(out.ids) });
        return { ticked: out.ids.length };
      },

      ensurePages(pages) {
        const { data } = get();
        const request = listRequest(viewOf(get()));
        for (const page of pages) {
          const ticket = `${data.key}#${data.generation}#${page}`;
          if (page < 0 || fresh.has(page) || inFlight.has(ticket)) continue;
          if (data.total !== null && page * PAGE_SIZE >= Math.max(data.rowCount, 1)) continue;
          inFlight.add(ticket);
          api.notificationsList({ ...request, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
            (out) => {
              inFlight.delete(ticket);
              const now = get().data;
              if (now.key !== data.key) return;
              if (now.generation === data.generation) fresh.add(page);
              set({ data: { ...now, ...countAfter(now, page, out), pages: { ...now.pages, [page]: out.items }, error: null } });
            },
            (e: unknown) => {
              inFlight.delete(ticket);
              if (get().data.key === data.key) set({ data: { ...get().data, error: toErrorInfo(e) } });
            },
          );
        }
      },

      invalidate() {
        fresh = new Set();
        set({ data: { ...get().data, generation: get().data.generation + 1 } });
      },
    };
  });
}

/** The row count after one page arrived; see ListData.rowCount. */
function countAfter(
  data: ListData,
  page: number,
  out: { total: number; totalCapped: boolean; items: NotificationListItem[] },
): Pick<ListData, 'total' | 'exact' | 'rowCount'> {
  if (!out.totalCapped) return { total: out.total, exact: true, rowCount: out.total };
  const end = page * PAGE_SIZE + out.items.length;
  if (out.items.length < PAGE_SIZE && (out.items.length > 0 || page > 0)) return { total: end, exact: true, rowCount: end };
  const known = Math.max(out.total, end, data.exact ? 0 : (data.total ?? 0));
  return { total: known, exact: false, rowCount: Math.max(known, data.rowCount, end + PAGE_SIZE) };
}

function viewOf(state: ListView): ListView {
  return { query: state.query, filters: state.filters, sort: state.sort, direction: state.direction };
}

/** The row at `index`, when its page has been fetched. */
export function rowAt(data: ListData, index: number): NotificationListItem | undefined {
  return data.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
