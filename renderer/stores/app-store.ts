import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, AppInfo, Country, DataEntity, Locale, Settings } from '../../shared/contract';
import { DEFAULT_LOCALE } from '../i18n/i18n';
import { countChange, NO_CHANGES, type DataChange, type DataVersions } from './data-versions';
import { toErrorInfo, type ErrorInfo } from './error-info';
import { DEFAULT_ROUTE, formatRoute, sameRoute, type Route } from './route';

export type StartupStatus = 'loading' | 'ready' | 'failed';

/**
 * Asked before the route changes. Returning true lets the change happen; returning false keeps
 * the current view, and the guard then calls `leave` itself once the analyst agrees (after an
 * unsaved-changes question, say).
 */
export type LeaveGuard = (leave: () => void) => boolean;

/** A short confirmation that fades by itself ("已保存"). */
export interface Toast {
  id: number;
  text: string;
}

/** How long a toast stays, in ms. */
export const TOAST_MS = 3500;

export interface AppState {
  status: StartupStatus;
  startupError: ErrorInfo | null;
  route: Route;
  appInfo: AppInfo | null;
  settings: Settings | null;
  locale: Locale;
  countries: Country[];
  /** The dismissable banner: the last failed call the user has not closed yet. */
  error: ErrorInfo | null;
  /** The changes the backend has reported, counted by entity and record: see useDataVersion. */
  dataVersions: DataVersions;
  leaveGuard: LeaveGuard | null;
  toasts: Toast[];

  start(): Promise<void>;
  navigate(route: Route): void;
  /** Follow the address bar (hashchange), without writing it back. */
  syncRoute(route: Route): void;
  refreshAppInfo(): Promise<void>;
  /** Read the settings again (after a restore put another store in place). */
  refreshSettings(): Promise<void>;
  refreshCountries(): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<Settings | null>;
  setLocale(locale: Locale): Promise<void>;
  loadDemo(): Promise<{ notifications: number; alreadyLoaded: boolean } | null>;
  dismissDemo(): Promise<void>;
  reportError(error: unknown): void;
  dismissError(): void;
  /** Count a change the backend reported, and read again what the store itself keeps of it. */
  noteDataChanged(change: DataChange): void;
  /** One guard at a time: the view with unsaved edits installs it and removes it on unmount. */
  setLeaveGuard(guard: LeaveGuard | null): void;
  notify(text: string): void;
  dismissToast(id: number): void;
}

export interface AppStoreOptions {
  api: Api;
  initialRoute?: Route;
  /** Writes the route to the address bar; the default sets location.hash. */
  writeRoute?: (hash: string) => void;
}

export type AppStore = StoreApi<AppState>;

/**
 * The entities whose changes move what the frame shows of appInfo (the notifications count and
 * whether the demo set is loaded). The audit entries count moves with every write; the
 * dashboard, which shows it, reads appInfo again on the others while it is open.
 */
export const APP_INFO_ENTITIES: readonly DataEntity[] = ['notifications', 'countries'];

function writeHash(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

/** The app-wide state: one store per window (and per component test). */
export function createAppStore({ api, initialRoute = DEFAULT_ROUTE, writeRoute = writeHash }: AppStoreOptions): AppStore {
  let nextToastId = 1;
  return createStore<AppState>()((set, get) => ({
    status: 'loading',
    startupError: null,
    route: initialRoute,
    appInfo: null,
    settings: null,
    locale: DEFAULT_LOCALE,
    countries: [],
    error: null,
    dataVersions: NO_CHANGES,
    leaveGuard: null,
    toasts: [],

    async start() {
      set({ status: 'loading', startupError: null });
      try {
        // appInfo first: it is the call that fails when the database cannot be opened.
        const appInfo = await api.appInfo({});
        const [settings, countries] = await Promise.all([api.settingsGet({}), api.referenceCountries({})]);
        set({ status: 'ready', appInfo, settings, countries, locale: settings.locale });
      } catch (e) {
        set({ status: 'failed', startupError: toErrorInfo(e) });
      }
    },

    navigate(route) {
      const go = (): void => {
        if (!sameRoute(route, get().route)) set({ route });
        writeRoute(formatRoute(route));
      };
      const guard = get().leaveGuard;
      if (guard && !sameRoute(route, get().route) && !guard(go)) return;
      go();
    },

    syncRoute(route) {
      if (sameRoute(route, get().route)) return;
      const guard = get().leaveGuard;
      const go = (): void => {
        set({ route });
        writeRoute(formatRoute(route));
      };
      if (guard && !guard(go)) {
        // The address bar already shows the new address: put the one still on screen back.
        writeRoute(formatRoute(get().route));
        return;
      }
      set({ route });
    },

    async refreshAppInfo() {
      try {
        set({ appInfo: await api.appInfo({}) });
      } catch (e) {
        get().reportError(e);
      }
    },

    async refreshSettings() {
      try {
        const settings = await api.settingsGet({});
        set({ settings, locale: settings.locale });
      } catch (e) {
        get().reportError(e);
      }
    },

    async refreshCountries() {
      try {
        set({ countries: await api.referenceCountries({}) });
      } catch (e) {
        get().reportError(e);
      }
    },

    async updateSettings(patch) {
      try {
        const settings = await api.settingsUpdate(patch);
        set({ settings, locale: settings.locale });
        return settings;
      } catch (e) {
        get().reportError(e);
        return null;
      }
    },

    async setLocale(locale) {
      const previous = get().locale;
      // Switch at once; the stored setting follows, and a failed save switches back.
      set({ locale });
      const saved = await get().updateSettings({ locale });
      if (!saved) set({ locale: previous });
    },

    async loadDemo() {
      try {
        const result = await api.demoLoad({});
        const [appInfo, settings] = await Promise.all([api.appInfo({}), api.settingsGet({})]);
        set({ appInfo, settings });
        if (!settings.demoOffered) await get().updateSettings({ demoOffered: true });
        return result;
      } catch (e) {
        get().reportError(e);
        return null;
      }
    },

    async dismissDemo() {
      await get().updateSettings({ demoOffered: true });
    },

    reportError(error) {
      set({ error: toErrorInfo(error) });
    },

    dismissError() {
      set({ error: null });
    },

    noteDataChanged(change) {
      set({ dataVersions: countChange(get().dataVersions, change) });
      // '*': everything changed (a restore, or events missed while disconnected).
      const { entity } = change;
      if (entity === '*' || APP_INFO_ENTITIES.includes(entity)) void get().refreshAppInfo();
      if (entity === '*' || entity === 'settings') void get().refreshSettings();
      if (entity === '*' || entity === 'countries') void get().refreshCountries();
    },

    setLeaveGuard(guard) {
      set({ leaveGuard: guard });
    },

    notify(text) {
      const id = nextToastId++;
      set({ toasts: [...get().toasts, { id, text }] });
      setTimeout(() => get().dismissToast(id), TOAST_MS);
    },

    dismissToast(id) {
      if (get().toasts.some((t) => t.id === id)) set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
  }));
}
