import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardData, DataEntity } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useToday } from '../../clock/clock-context';
import { EmptyState } from '../../components/empty-state';
import { InlineError } from '../../components/error-banner';
import { formatDate } from '../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { useListStoreApi } from '../../stores/notification-list-context';
import { filterOf, formatDashboardQuery, parseDashboardQuery, type DashboardView } from './dashboard-address';
import { DashboardCharts } from './dashboard-charts';
import { DashboardFilters } from './dashboard-filters';
import { targets as targetsOf, type DashboardTarget } from './dashboard-links';
import { CommentsDashboardPanel } from '../comments/dashboard/comments-panel';
import { DemoBanner } from './demo-banner';
import { UrgentList } from './urgent-list';

/** What the dashboard counts: it reloads when one of these changes, and not otherwise. */
const DASHBOARD_ENTITIES: readonly DataEntity[] = ['notifications', 'triage', 'translations', 'comments', 'outcomes', 'warnings', 'countries'];

function FigureCard({ label, value, onOpen, openLabel }: { label: string; value: string; onOpen?: () => void; openLabel: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="stat dashboard-card" role="group" aria-labelledby={id}>
      <span className="stat-value">{value}</span>
      <span className="stat-label" id={id}>
        {label}
      </span>
      {onOpen ? (
        <button type="button" className="link-button dashboard-card-open" onClick={onOpen} aria-label={t('dashboardView.filters.summary', { label, value: openLabel })}>
          {openLabel}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The dashboard: the morning's untriaged notifications, the figures of the period and their
 * charts, filtered by period, member and industry as the address says (#/dashboard?from=…), each
 * figure opening the list behind it with that list's filters set.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const api = useApi();
  const today = useToday();
  const appInfo = useAppStore((s) => s.appInfo);
  const settings = useAppStore((s) => s.settings);
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  const refreshAppInfo = useAppStore((s) => s.refreshAppInfo);
  const list = useListStoreApi();
  const [notice, setNotice] = useState<string | null>(null);

  const query = route.section === 'dashboard' ? (route.query ?? '') : '';
  const view = useMemo(() => parseDashboardQuery(query), [query]);
  const version = useDataVersion(DASHBOARD_ENTITIES);
  useEffect(() => {
    void refreshAppInfo();
  }, [version, refreshAppInfo]);
  const load = useCallback(() => api.dashboardGet(filterOf(parseDashboardQuery(query))), [api, query]);
  const { data, error, loading } = useLoad<DashboardData>(load, version);

  const setView = (next: DashboardView): void => {
    const q = formatDashboardQuery(next);
    navigate({ section: 'dashboard', id: null, ...(q ? { query: q } : {}) });
  };
  const open = (target: DashboardTarget): void => {
    if (target.kind === 'notifications') {
      list.getState().applySearch({ ...target.filters, direction: 'desc' });
      navigate({ section: 'notifications', id: null });
    } else if (target.kind === 'warnings') {
      navigate({ section: 'warnings', id: null, ...(target.query ? { query: target.query } : {}) });
    } else {
      navigate({ section: 'comments', id: null, view: 'stats' });
    }
  };

  if (!appInfo || !settings) return null;
  const offerDemo = !settings.demoOffered && appInfo.counts.notifications === 0;
  const targets = data ? targetsOf(view, data, countries) : null;
  const cost = data
    ? t('dashboardView.cards.costUnit', {
        value: (locale === 'zh-CN' ? data.costSparedCny / 10_000 : data.costSparedCny / 1_000_000).toLocaleString(locale, { maximumFractionDigits: 1 }),
      })
    : '';
  const openLabel = t('dashboardView.cards.open');

  return (
    <div className="page dashboard-page">
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
      <DashboardFilters view={view} today={data?.today ?? today} onChange={setView} />
      {data ? (
        <p className="muted dashboard-period-note">
          {t('dashboardView.period', { from: formatDate(data.from, locale), to: formatDate(data.to, locale) })}
          {appInfo.demoLoaded ? ` · ${t('dashboard.demoIncluded')}` : ''}
        </p>
      ) : null}
      <InlineError error={error} />
      {!data && loading ? <p className="muted" role="status">{t('dashboardView.loading')}</p> : null}
      {data && targets ? (
        appInfo.counts.notifications === 0 ? (
          <EmptyState title={t('dashboardView.empty.title')}>{t('dashboardView.empty.body')}</EmptyState>
        ) : (
          <div aria-busy={loading}>
            <UrgentList data={data} onShowAll={() => open(targets.untriaged())} />
            <div className="stats dashboard-cards">
              <FigureCard label={t('dashboardView.cards.total')} value={data.totals.notifications.toLocaleString()} onOpen={() => open(targets.period())} openLabel={openLabel} />
              <FigureCard label={t('dashboardView.cards.openNow')} value={data.openNow.toLocaleString()} onOpen={() => open(targets.openNow())} openLabel={openLabel} />
              <FigureCard
                label={t('dashboardView.cards.closingThisWeek')}
                value={data.closingThisWeek.toLocaleString()}
                onOpen={() => open(targets.closingThisWeek())}
                openLabel={openLabel}
              />
              <FigureCard label={t('dashboardView.cards.costSpared')} value={cost} onOpen={() => open(targets.comments())} openLabel={openLabel} />
            </div>
            <DashboardCharts data={data} targets={targets} onOpen={open} />
          </div>
        )
      ) : null}
      {/* The comments at risk and the addenda to check: the funnel above does not show those. */}
      <CommentsDashboardPanel />
    </div>
  );
}
