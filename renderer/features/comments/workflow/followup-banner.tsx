import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../../shared/contract';
import { formatDate } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { formatRoute } from '../../../stores/route';

/**
 * Later addenda or revisions of the commented measure that nobody has checked yet: each may
 * show whether the comment was taken up, so it stays flagged until an analyst has looked.
 */
export function FollowupBanner({ comment, busy, onChecked }: { comment: Comment; busy: boolean; onChecked: (notificationId: number) => void }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const open = comment.followups.filter((f) => f.acknowledgedAt === null);
  if (open.length === 0) return null;
  const go = (event: MouseEvent, id: number): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate({ section: 'notifications', id });
  };
  return (
    <section className="banner banner-followup" aria-label={t('commenting.followups.title', { count: open.length })}>
      <div className="banner-text">
        <h3 className="banner-title">{t('commenting.followups.title', { count: open.length })}</h3>
        <p>{t('commenting.followups.body')}</p>
        <ul className="followup-list">
          {open.map((f) => (
            <li key={f.notificationId}>
              <a className="symbol" href={formatRoute({ section: 'notifications', id: f.notificationId })} onClick={(e) => go(e, f.notificationId)}>
                {f.symbol}
              </a>
              <span className="badge">{t(`notifications.docType.${f.docType}`)}</span>
              <span className="muted">{formatDate(f.distributionDate, locale)}</span>
              <span className="followup-title">{f.title}</span>
              <button type="button" className="button" disabled={busy} onClick={() => onChecked(f.notificationId)} aria-label={t('commenting.followups.checkedFor', { symbol: f.symbol })}>
                {t('commenting.followups.checked')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
