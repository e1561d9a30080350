import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreHealthInfo } from '../../shared/contract';
import { useApi } from '../api/api-context';
import { useAppStore } from '../stores/app-store-context';

/**
 * A lasting banner while the store is damaged: not dismissable, because every save will fail
 * until the analyst restores a backup. Known from the app info at start, and asked again
 * whenever a call comes back DB_CORRUPT (the damage may be found by any query).
 */
export function StoreHealthBanner() {
  const { t } = useTranslation();
  const api = useApi();
  const fromStart = useAppStore((s) => s.appInfo?.storeHealth ?? null);
  const errorCode = useAppStore((s) => s.error?.code ?? null);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const navigate = useAppStore((s) => s.navigate);
  const [health, setHealth] = useState<StoreHealthInfo | null>(null);

  useEffect(() => {
    if (errorCode !== 'DB_CORRUPT') return;
    let live = true;
    api.storeHealth({}).then(
      (h) => live && setHealth(h),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, errorCode, dataVersion]);

  const current = health ?? fromStart;
  if (current?.status !== 'damaged') return null;
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
