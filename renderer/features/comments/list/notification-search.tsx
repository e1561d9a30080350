import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationListItem, NotificationsListInput } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { DeadlineBadge } from '../../../components/deadline-badge';
import { InlineError } from '../../../components/error-banner';
import { formatDate } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';

/** Wait for a pause in typing before asking the backend. */
const SEARCH_DELAY_MS = 250;

interface Props {
  label: string;
  /** Rows already chosen are marked rather than offered again. */
  chosenIds: readonly number[];
  onPick: (item: NotificationListItem) => void;
  pickLabel: string;
}

/**
 * Find a notification by symbol, title or product, in Chinese or English. With nothing typed it
 * offers the notifications still open for comments, nearest final date first.
 */
export function NotificationSearch({ label, chosenIds, onPick, pickLabel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const id = useId();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<NotificationListItem[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    const input: NotificationsListInput =
      query.trim() === ''
        ? { openForComments: true, sort: 'commentDeadline', direction: 'asc', limit: 20 }
        : { query: query.trim(), limit: 20 };
    const timer = setTimeout(() => {
      api.notificationsList(input).then(
        (result) => {
          if (!live) return;
          setItems(result.items);
          setError(null);
        },
        (e: unknown) => {
          if (live) setError(toErrorInfo(e));
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  return (
    <div className="notification-search">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="search-input"
        value={query}
        placeholder={t('commenting.create.searchPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
        data-autofocus
      />
      <InlineError error={error} />
      {items === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('commenting.create.noResults')}</p>
      ) : (
        <ul className="pick-list" aria-label={t('commenting.create.results')}>
          {items.map((item) => {
            const chosen = chosenIds.includes(item.id);
            return (
              <li key={item.id} className={chosen ? 'pick-item pick-item-chosen' : 'pick-item'}>
                <span className="pick-text">
                  <span className="symbol">{item.symbol}</span>
                  <span className="pick-title">{item.titleZh ?? item.title}</span>
                  <span className="muted pick-meta">
                    {locale === 'zh-CN' ? item.memberName : item.memberNameEn}
                    {item.commentDeadline ? ` · ${t('commenting.create.deadline', { date: formatDate(item.commentDeadline, locale) })} ` : ''}
                    <DeadlineBadge deadline={item.commentDeadline} />
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={chosen}
                  aria-label={`${pickLabel} ${item.symbol}`}
                  onClick={() => onPick(item)}
                >
                  {chosen ? t('commenting.create.picked') : pickLabel}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
