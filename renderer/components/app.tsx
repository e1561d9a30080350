import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscribe } from '../api/api-context';
import { useAppStore, useAppStoreApi } from '../stores/app-store-context';
import { parseRoute } from '../stores/route';
import { AppFrame } from './app-frame';
import { LoadingScreen, StartupErrorScreen } from './startup-screen';

/** Start-up, address-bar and backend-event wiring around the frame. */
export function App() {
  const store = useAppStoreApi();
  const subscribe = useSubscribe();
  const { i18n } = useTranslation();
  const status = useAppStore((s) => s.status);
  const startupError = useAppStore((s) => s.startupError);
  const locale = useAppStore((s) => s.locale);

  useEffect(() => {
    void store.getState().start();
  }, [store]);

  useEffect(() => {
    const onHash = (): void => store.getState().syncRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);

  useEffect(
    () =>
subscribe('dataChanged', (change) => store.getState().noteDataChanged(change)),
    [store, subscribe],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    void i18n.changeLanguage(locale).then(() => {
      document.title = i18n.t('app.name');
    });
  }, [i18n, locale]);

  if (status === 'failed' && startupError) {
    return <StartupErrorScreen error={startupError} onRetry={() => void store.getState().start()} />;
  }
  if (status !== 'ready') return <LoadingScreen />;
  return <AppFrame />;
}
