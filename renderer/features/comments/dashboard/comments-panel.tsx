import { useCallback, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentListItem } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { ErrorText } from '../../../components/error-banner';
import { formatDate } from '../../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { formatRoute, type Route } from '../../../stores/route';
import { joinSymbols } from '../comment-format';
import { CommentMarks, RiskBadge } from '../list/risk-badge';
import { AdoptionFigures, Figure } from '../stats/adoption-figures';

/** How many of each list the dashboard shows; the rest are one click away. */
const SHOWN = 5;

function CommentLinks({ items, empty }: { items: CommentListItem[]; empty: string }) {
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation();
  const go = (event: MouseEvent, route: Route): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(route);
  };
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="dashboard-comments">
      {items.slice(0, SHOWN).map((item) => {
        const route: Route = { section: 'comments', id: item.id };
        return (
          <li key={item.id}>
            <a className="symbol" href={formatRoute(route)} onClick={(e) => go(e, route)}>
              {joinSymbols(item.target.symbols, locale)}
            </a>
            <span className="dashboard-comment-title">{item.target.titleZh ?? item.target.title}</span>
            <RiskBadge risk={item.deadlines.risk} />
            <CommentMarks item={item} />
            {item.deadlines.internalDeadline ? (
              <span className="muted">{t('commenting.list.internal', { date: formatDate(item.deadlines.internalDeadline, locale) })}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Comments on the dashboard: what is at risk of missing its deadline, what to check, how many were adopted. */
export function CommentsDashboardPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const dataVersion = useDataVersion(['comments', 'outcomes', 'notifications']);
  const navigate = useAppStore((s) => s.navigate);
  const load = useCallback(() => api.commentsDashboard({}), [api]);
  const { data, error } = useLoad(load, dataVersion);
  const k = 'commenting.dashboard';
  if (!data) {
    return error ? (
      <section className="dashboard-panel">
        <h2 className="section-heading">{t(`${k}.title`)}</h2>
        <div className="inline-error">
          <ErrorText error={error} />
        </div>
      </section>
    ) : null;
  }
  const flagged = data.flaggedCounts.dueSoon + data.flaggedCounts.atRisk + data.flaggedCounts.missed;
  return (
    <section className="dashboard-panel" aria-labelledby="dashboard-comments-title">
      <div className="dashboard-panel-head">
        <h2 className="section-heading" id="dashboard-comments-title">
          {t(`${k}.title`)}
        </h2>
        <button type="button" className="button button-link" onClick={() => navigate({ section: 'comments', id: null })}>
          {t(`${k}.openAll`)}
        </button>
      </div>
      <div className="stats">
        <AdoptionFigures tally={data.outcomes} />
        <Figure label={t(`${k}.flaggedCount`)} value={String(flagged)} />
        <Figure label={t(`${k}.followupCount`)} value={String(data.openFollowups)} />
      </div>
      <div className="dashboard-lists">
        <div>
          <h3 className="dashboard-list-title">{t(`${k}.flagged`)}</h3>
          <CommentLinks items={data.flagged} empty={t(`${k}.noFlagged`)} />
        </div>
        <div>
          <h3 className="dashboard-list-title">{t(`${k}.followups`)}</h3>
          <CommentLinks items={data.followups} empty={t(`${k}.noFollowups`)} />
        </div>
      </div>
    </section>
  );
}
