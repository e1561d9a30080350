import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '../api/api-context';
import type { ApiClient } from '../api/client';
import type { Clock } from '../../shared/domain/clock';
import { BackendClockProvider } from '../clock/backend-clock';
import type { AppStore } from '../stores/app-store';
import { AppStoreProvider } from '../stores/app-store-context';
import { JobsProvider } from '../stores/jobs-context';
import { App } from './app';

/**
 * Everything the app needs from outside, handed in so tests can supply their own. Without a
 * `clock`, the app's clock follows the backend's (see BackendClockProvider).
 */
export function AppRoot({ client, i18n, store, clock }: { client: ApiClient; i18n: i18n; store: AppStore; clock?: Clock }) {
  return (
    <ApiProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <AppStoreProvider store={store}>
          <BackendClockProvider clock={clock}>
            <JobsProvider>
              <App />
            </JobsProvider>
          </BackendClockProvider>
        </AppStoreProvider>
      </I18nextProvider>
    </ApiProvider>
  );
}
