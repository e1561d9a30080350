import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_ENTITIES } from '../../../shared/contract';
import { APP_INFO_ENTITIES } from '../../stores/app-store';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { CommentsDashboardPanel } from '../comments/dashboard/comments-panel';
import { DemoBanner } from './demo-banner';

function StatCard({ label, value }: { label: string; value: number }) {
  const id = useId();
  return (
    <div className="stat" role="group" aria-labelledby={id}>
      <span className="stat-value">{value.toLocaleString()}</span>
      <span className="stat-label" id={id}>
        {label}
      </span>
    </div>
  );
}

/** The store reads appInfo again on these itself; the audit entries count moves with the others too. */
const AUDITED_ENTITIES = DATA_ENTITIES.filter((e) => !APP_INFO_ENTITIES.includes(e));

export function DashboardPage() {
  const { t } = useTranslation();
  const appInfo = useAppStore((s) => s.appInfo);
  const settings = useAppStore((s) => s.settings);
  const navigate = useAppStore((s) => s.navigate);
  const [notice, setNotice] = useState<string | null>(null);
  const refreshAppInfo = useAppStore((s) => s.refreshAppInfo);
  // The counts as they are when the dashboard opens, and as writes move them while it is open.
  const audited = useDataVersion(AUDITED_ENTITIES);
  useEffect(() => {
    void refreshAppInfo();
  }, [audited, refreshAppInfo]);

  if (!appInfo || !settings) return null;
  const offerDemo = !settings.demoOffered && appInfo.counts.notifications === 0;

  return (
    <div className="page">
      {offerDemo ? (
        <DemoBanner
          onLoaded={(result) =>
            setNotice(result.alreadyLoaded ? t('dashboard.demo.already') : t('dashboard.demo.loaded', { count: result.notifications }))
          }
        />
      ) : null}
      {notice ? (
        <div className="banner banner-success" role="status">
          <span className="banner-text">{notice}</span>
          <button type="button" className="button button-primary" onClick={() => navigate({ section: 'notifications', id: null })}>
            {t('dashboard.demo.view')}
          </button>
        </div>
      ) : null}
      <h2 className="section-heading">{t('dashboard.intro')}</h2>
      <div className="stats">
        <StatCard label={t('dashboard.counts.notifications')} value={appInfo.counts.notifications} />
        <StatCard label={t('dashboard.counts.countries')} value={appInfo.counts.countries} />
        <StatCard label={t('dashboard.counts.auditEntries')} value={appInfo.counts.auditEntries} />
      </div>
      {appInfo.demoLoaded ? <p className="muted">{t('dashboard.demoIncluded')}</p> : null}
      <CommentsDashboardPanel />
    </div>
  );
}
