import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store-context';

/**
 * A lasting banner while the store is damaged: not dismissable, because every save will fail
 * until the analyst restores a backup. Known from the app info at start, and asked again
 * whenever a call comes back DB_CORRUPT (the damage may be found by any query).
 */
export function StoreHealthBanner() {
  const { t } = useTranslation();
  const health = useAppStore((s) => s.appInfo?.storeHealth ?? null);
  const errorCode = useAppStore((s) => s.error?.code ?? null);
  const refreshAppInfo = useAppStore((s) => s.refreshAppInfo);
  const navigate = useAppStore((s) => s.navigate);

  // The app info is the one record of the store's health: asked again when a call meets damage,
  // and after every change of data (a restore among them), so the banner goes when the damage does.
  useEffect(() => {
    if (errorCode === 'DB_CORRUPT') void refreshAppInfo();
  }, [errorCode, refreshAppInfo]);

  if (health?.status !== 'damaged') return null;
  return (
    <div className="banner banner-damaged" role="alert" aria-labelledby="store-damaged-title">
      <div className="banner-text">
        <p className="banner-title" id="store-damaged-title">
          {t('faults.banner.title')}
        </p>
        <p>{t('faults.banner.body')}</p>
      </div>
      <div className="banner-actions">
        <button type="button" className="button" onClick={() => navigate({ section: 'settings', id: null })}>
          {t('faults.banner.openSettings')}
        </button>
      </div>
    </div>
  );
}
