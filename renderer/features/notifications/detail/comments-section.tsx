import { useCallback, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentListItem, NotificationDetail } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { ErrorText } from '../../../components/error-banner';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { formatRoute, type Route } from '../../../stores/route';
import { ActingAsProvider, useActingAs } from '../../comments/acting-as';
import { inLocale, joinSymbols } from '../../comments/comment-format';
import { StatusBadge } from '../../comments/list/risk-badge';

/** Comments on the measure (this notification, its follow-ups, a family comment) and on the family's other members. */
function useMeasureComments(n: NotificationDetail): { items: CommentListItem[] | undefined; error: ErrorInfo | null } {
  const api = useApi();
  const dataVersion = useDataVersion(['comments', 'outcomes']);
  const familyId = n.family?.id ?? null;
  const load = useCallback(async () => {
    const [own, family] = await Promise.all([
      api.commentsList({ notificationId: n.id, limit: 500 }),
      familyId === null ? Promise.resolve({ total: 0, items: [] }) : api.commentsList({ familyId, limit: 500 }),
    ]);
    const seen = new Set<number>();
    return [...own.items, ...family.items].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  }, [api, n.id, familyId]);
  const { data, error } = useLoad(load, dataVersion);
  return { items: data, error };
}

function CommentsBody({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const { actor } = useActingAs();
  const { items, error } = useMeasureComments(n);
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<ErrorInfo | null>(null);
  const k = 'commentChecks.detail';

  const open = (event: MouseEvent, route: Route): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(route);
  };

  const draft = async (): Promise<void> => {
    // Nobody chosen to act yet: the new-comment dialog asks, with this notification filled in.
    if (actor === '') {
      navigate({ section: 'comments', id: null, view: 'new', query: `notification=${n.id}` });
      return;
    }
    setBusy(true);
    setCreateError(null);
    try {
      const created = await api.commentsCreate({ target: { kind: 'notification', notificationId: n.id } });
      navigate({ section: 'comments', id: created.id });
    } catch (e) {
      setCreateError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="detail-comments-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void draft()}>
          {t(`${k}.draft`)}
        </button>
        {actor ? <span className="muted">{t(`${k}.as`, { name: actor })}</span> : null}
      </div>
      {createError ? (
        <div className="inline-error" role="alert">
          <ErrorText error={createError} />
        </div>
      ) : null}
      {error ? (
        <div className="inline-error" role="alert">
          <ErrorText error={error} />
        </div>
      ) : items === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t(`${k}.none`)}</p>
      ) : (
        <ul className="detail-comments">
          {items.map((c) => {
            const route: Route = { section: 'comments', id: c.id };
            const onFamily = c.target.kind === 'family' || c.target.notificationId !== n.id;
            return (
              <li key={c.id}>
                <StatusBadge status={c.status} />
                <a href={formatRoute(route)} onClick={(e) => open(e, route)}>
                  {inLocale(locale, c.titleZh, c.titleEn) || t(`${k}.untitled`, { id: c.id })}
                </a>
                <span className="symbol muted">{joinSymbols(c.target.symbols, locale)}</span>
                {onFamily ? <span className="badge">{t(c.target.kind === 'family' ? `${k}.onFamily` : `${k}.onMember`)}</span> : null}
                <span className="muted">{c.author}</span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** The comments on this notification and its family, and a way to start one. */
export function CommentsSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const title = t('commentChecks.detail.title');
  return (
    <section className="detail-section" aria-label={title}>
      <h3 className="detail-section-title">{title}</h3>
      <ActingAsProvider>
        <CommentsBody n={n} />
      </ActingAsProvider>
    </section>
  );
}
