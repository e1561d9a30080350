import { useTranslation } from 'react-i18next';
import type { Comment, CommentEvent } from '../../../../shared/contract';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';

/** The return for changes that put the comment back in draft, while it is still there. */
function currentReturn(comment: Pick<Comment, 'status' | 'events'>): CommentEvent | null {
  const last = comment.events[comment.events.length - 1];
  return comment.status === 'draft' && last?.fromStatus === 'in_review' && last.toStatus === 'draft' ? last : null;
}

/** What the reviewer asked to change, at the top of the comment until it goes for review again. */
export function ReturnNotice({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const returned = currentReturn(comment);
  if (!returned) return null;
  return (
    <section className="return-notice" role="note" aria-label={t('commentChecks.returned.title')}>
      <strong>{t('commentChecks.returned.heading', { name: returned.actor, at: formatDateTime(returned.at, locale) })}</strong>
      <p className="return-note-text">{returned.note || t('commentChecks.returned.noNote')}</p>
    </section>
  );
}

/** Every step of the workflow with who, when and the note given: returns, submissions, closing. */
export function StepHistory({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const title = t('commentChecks.steps.title');
  return (
    <section className="detail-section step-history" aria-label={title}>
      <h3 className="detail-section-title">{title}</h3>
      <ol className="step-history-list">
        {comment.events.map((e) => {
          const step =
            e.fromStatus === null
              ? t('commentChecks.steps.created')
              : e.fromStatus === 'in_review' && e.toStatus === 'draft'
                ? t('commentChecks.steps.returned')
                : t('commentChecks.steps.moved', { status: t(`commenting.status.${e.toStatus}`) });
          return (
            <li key={e.id}>
              <span className="cell-date">{formatDateTime(e.at, locale)}</span> <span>{e.actor}</span> <strong>{step}</strong>{' '}
              <span className="muted">{t('commenting.history.version', { version: e.version })}</span>
              {e.note ? <p className="step-note">{e.note}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
