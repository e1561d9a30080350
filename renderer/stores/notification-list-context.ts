import { useStore } from 'zustand';
import { useApi } from '../api/api-context';
import type { AppStore } from './app-store';
import { useAppStoreApi } from './app-store-context';
import { NOTIFICATION_RECORD, versionOf } from './data-versions';
import { createNotificationListStore, type NotificationListState, type NotificationListStore } from './notification-list-store';

/**
 * One list store per app store, kept outside React so it outlives the list view: opening a
 * record and coming back finds the same query, filters, sort, pages and scroll position. Keyed
 * by the app store, every window (and every component test) gets its own.
 */
const listStores = new WeakMap<AppStore, NotificationListStore>();

/** What the list's rows show and its search matches: the records, and the countries' names. */
const LIST_ENTITIES = [...NOTIFICATION_RECORD, 'countries'] as const;

export function useListStoreApi(): NotificationListStore {
  const appStore = useAppStoreApi();
  const api = useApi();
  let store = listStores.get(appStore);
  if (!store) {
    const created = createNotificationListStore(api);
    appStore.subscribe((state, previous) => {
      if (versionOf(state.dataVersions, LIST_ENTITIES) !== versionOf(previous.dataVersions, LIST_ENTITIES)) created.getState().invalidate();
    });
    listStores.set(appStore, created);
    store = created;
  }
  return store;
}

export function useListStore<T>(selector: (state: NotificationListState) => T): T {
  return useStore(useListStoreApi(), selector);
}
