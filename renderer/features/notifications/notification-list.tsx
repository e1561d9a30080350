import { useCallback, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationListItem } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { EmptyState } from '../../components/empty-state';
import { ErrorText } from '../../components/error-banner';
import { formatDate } from '../../i18n/format-date';
import { useAppStore } from '../../stores/app-store-context';
import { formatRoute } from '../../stores/route';
import { useMemberLabel } from './member-label';

const PAGE_SIZE = 200;


function NotificationRow({ item, onOpen }: { item: NotificationListItem; onOpen: (event: MouseEvent, id: number) => void }) {
  const locale = useAppStore((s) => s.locale);
  const memberLabel = useMemberLabel();
  const showZh = locale === 'zh-CN' && item.titleZh;
  return (
    <tr>
      <td className="cell-symbol">
        <a href={formatRoute({ section: 'notifications', id: item.id })} onClick={(event) => onOpen(event, item.id)}>
          {item.symbol}
        </a>
        <span className={`badge badge-${item.area.toLowerCase()}`}>{item.area}</span>
      </td>
      <td className="cell-member">{memberLabel(item.memberCode, { zh: item.memberName, en: item.memberNameEn })}</td>
      <td className="cell-title">
        {showZh ? <span className="title-zh">{item.titleZh}</span> : null}
        <span className={showZh ? 'title-original' : undefined}>{item.title}</span>
      </td>
      <td className="cell-date">{formatDate(item.distributionDate, locale)}</td>
      <td className="cell-date">{formatDate(item.commentDeadline, locale)}</td>
    </tr>
  );
}

/** The notification list, newest first. A searchable, virtualised list replaces it later. */
export function NotificationList() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const load = useCallback(() => api.notificationsList({ limit: PAGE_SIZE, sort: 'distributionDate', direction: 'desc' }), [api]);
  const { data, error, loading } = useLoad(load, dataVersion);

  const open = (event: MouseEvent, id: number): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate({ section: 'notifications', id });
  };

  if (error && !data) {
    return (
      <div className="inline-error" role="alert">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!data) return <p role="status" className="muted">{t('common.loading')}</p>;
  if (data.total === 0) {
    return (
      <EmptyState
        title={t('notifications.empty.title')}
        action={
          <button type="button" className="button" onClick={() => navigate({ section: 'dashboard', id: null })}>
            {t('notifications.empty.action')}
          </button>
        }
      >
        {t('notifications.empty.body')}
      </EmptyState>
    );
  }
  return (
    <div className="page page-wide" aria-busy={loading}>
      <p className="muted list-summary">
        {data.total > data.items.length
          ? t('notifications.showingFirst', { shown: data.items.length, total: data.total })
          : t('notifications.total', { total: data.total })}
      </p>
      <div className="table-wrap">
        <table className="data-table" aria-label={t('notifications.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('notifications.columns.symbol')}</th>
              <th scope="col">{t('notifications.columns.member')}</th>
              <th scope="col">{t('notifications.columns.title')}</th>
              <th scope="col">{t('notifications.columns.distributed')}</th>
              <th scope="col">{t('notifications.columns.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <NotificationRow key={item.id} item={item} onOpen={open} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
