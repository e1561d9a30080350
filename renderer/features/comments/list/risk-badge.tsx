import { useTranslation } from 'react-i18next';
import type { CommentDeadlines, CommentListItem } from '../../../../shared/contract';
import { DeadlineBadge } from '../../../components/deadline-badge';
import { formatDate } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';

/** Orange when the internal deadline is near, red when it is at risk, dark red once missed. */
export function RiskBadge({ risk }: { risk: CommentDeadlines['risk'] }) {
  const { t } = useTranslation();
  if (risk === 'ok') return null;
  return <span className={`badge risk-badge risk-${risk}`}>{t(`commenting.risk.${risk}`)}</span>;
}

/** The internal deadline (when the enquiry point wants the text) and the WTO final date. */
export function DeadlineDates({ deadlines }: { deadlines: CommentDeadlines }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  if (deadlines.finalDate === null) return <span className="muted">{t('commenting.list.noDeadline')}</span>;
  return (
    <span className="deadline-dates">
      <span className="deadline-date">{t('commenting.list.internal', { date: formatDate(deadlines.internalDeadline, locale) })}</span>
      <span className="muted">
        <span className="deadline-date">{t('commenting.list.final', { date: formatDate(deadlines.finalDate, locale) })}</span>{' '}
        <DeadlineBadge deadline={deadlines.finalDate} />
      </span>
    </span>
  );
}

export function StatusBadge({ status }: { status: CommentListItem['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge comment-status comment-status-${status}`}>{t(`commenting.status.${status}`)}</span>;
}

/** Outcome and follow-up marks, shown wherever a comment is listed. */
export function CommentMarks({ item }: { item: Pick<CommentListItem, 'outcome' | 'openFollowups'> }) {
  const { t } = useTranslation();
  // "Adopted" only when every point was: one point taken up in part reads "partly adopted".
  const shown = item.outcome === 'adopted' || item.outcome === 'partly_adopted';
  return (
    <>
      {shown ? <span className="badge mark-adopted">{t(`commentChecks.adoption.outcome.${item.outcome}`)}</span> : null}
      {item.openFollowups > 0 ? (
        <span className="badge mark-followup">{t('commenting.list.followups', { count: item.openFollowups })}</span>
      ) : null}
    </>
  );
}
