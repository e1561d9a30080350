import { render, type RenderResult } from '@testing-library/react';
import type { i18n } from 'i18next';
import { AppRoot } from '../components/app-root';
import { createI18n } from '../i18n/i18n';
import { createAppStore, type AppStore } from '../stores/app-store';
import { DEFAULT_ROUTE, formatRoute, type Route } from '../stores/route';
import { fixedClock, type Clock } from '../../shared/domain/clock';
import { createFakeBackend, type FakeBackend } from './fake-backend';

export interface RenderedApp extends RenderResult {
  backend: FakeBackend;
  store: AppStore;
  i18n: i18n;
}

/**
 * The whole app over the in-memory backend, starting at `route`. Its clock stands still at the
 * backend's `now` (FAKE_NOW unless the backend was given another), so day counts never depend
 * on the date the suite runs.
 */
export function renderApp({
  backend = createFakeBackend(),
  route = DEFAULT_ROUTE,
  clock = fixedClock(backend.now),
}: { backend?: FakeBackend; route?: Route; clock?: Clock } = {}): RenderedApp {
  window.location.hash = formatRoute(route);
  const i18n = createI18n();
  const store = createAppStore({ api: backend.client.api, initialRoute: route });
  const result = render(<AppRoot client={backend.client} i18n={i18n} store={store} clock={clock} />);
  return { ...result, backend, store, i18n };
}
