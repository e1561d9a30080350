import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '../api/api-context';
import type { ApiClient } from '../api/client';
import type { AppStore } from '../stores/app-store';
import { AppStoreProvider } from '../stores/app-store-context';
import { App } from './app';

/** Everything the app needs from outside, handed in so tests can supply their own. */
export function AppRoot({ client, i18n, store }: { client: ApiClient; i18n: i18n; store: AppStore }) {
  return (
    <ApiProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <AppStoreProvider store={store}>
          <App />
        </AppStoreProvider>
      </I18nextProvider>
    </ApiProvider>
  );
}
