import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store-context';

/** The first-run offer: shown until the analyst loads the demo set or declines it. */
export function DemoBanner({ onLoaded }: { onLoaded: (result: { notifications: number; alreadyLoaded: boolean }) => void }) {
  const { t } = useTranslation();
  const loadDemo = useAppStore((s) => s.loadDemo);
  const dismissDemo = useAppStore((s) => s.dismissDemo);
  const [busy, setBusy] = useState(false);

  const load = async (): Promise<void> => {
    setBusy(true);
    const result = await loadDemo();
    setBusy(false);
    if (result) onLoaded(result);
  };

  return (
    <section className="banner banner-offer" aria-labelledby="demo-offer-title">
      <div className="banner-text">
        <h2 id="demo-offer-title" className="banner-title">
          {t('dashboard.demo.title')}
        </h2>
        <p>{t('dashboard.demo.body')}</p>
      </div>
      <div className="banner-actions">
        <button type="button" className="button button-primary" onClick={() => void load()} disabled={busy}>
          {busy ? t('dashboard.demo.loading') : t('dashboard.demo.load')}
        </button>
        <button type="button" className="button" onClick={() => void dismissDemo()} disabled={busy}>
          {t('dashboard.demo.dismiss')}
        </button>
      </div>
    </section>
  );
}
