import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DataEntity } from '../../shared/contract';
import type { AppState, AppStore } from './app-store';
import { versionOf } from './data-versions';

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore() needs an <AppStoreProvider> above it');
  return store;
}

/** Select a slice of the app state; re-renders only when that slice changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/**
 * The version of the data a view shows: a number that changes when the backend reports a change
 * of one of `entities` (with `ids`, of one of those records, or of records it did not name).
 * Put it in the view's load dependencies, `useLoad(load, useDataVersion(['comments', 'outcomes']))`,
 * and the view reloads on its own entities' changes and on no other. The ids must be of the
 * entities' own kind: a notification's id for 'notifications', 'triage' and 'translations', a
 * comment's id for 'comments' and 'outcomes'. A restore ('*') changes every version.
 */
export function useDataVersion(entities: readonly DataEntity[], ids?: readonly (number | string)[]): number {
  return useAppStore((s) => versionOf(s.dataVersions, entities, ids));
}
