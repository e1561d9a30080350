import { useTranslation } from 'react-i18next';
import { describeDeadline, type DeadlineState } from '../../shared/domain/deadline';
import { todayOf } from '../../shared/domain/clock';
import { useClock } from '../clock/clock-context';

/**
 * Days left to the final date for comments, the same mark wherever a notification appears:
 * red while overdue, orange while closing soon, quiet while there is time and once the comment
 * period has long closed (the days since then in the tooltip).
 */
export function DeadlineBadge({ deadline, today }: { deadline: string | null; today?: string }) {
  const { t } = useTranslation();
  // The clock, not useToday: a list hands its rows one `today`, and a timer per badge would be waste.
  const clock = useClock();
  const { daysLeft, state } = describeDeadline(deadline, today ?? todayOf(clock));
  if (daysLeft === null) return null;
  let text: string;
  if (state === 'closed') text = t('deadline.short.closed');
  else if (daysLeft > 0) text = t('deadline.short.left', { count: daysLeft });
  else if (daysLeft === 0) text = t('deadline.short.today');
  else text = t('deadline.short.overdue', { count: -daysLeft });
  const title = state === 'closed' ? t('deadline.long.overdue', { count: -daysLeft }) : undefined;
  return (
    <span className={`badge deadline-badge deadline-badge-${state}`} title={title}>
      {text}
    </span>
  );
}

/** The long form for a record's header: "距评议截止还有 12 天". */
export function DeadlineNote({ daysLeft, state }: { daysLeft: number | null; state: DeadlineState }) {
  const { t } = useTranslation();
  let text: string;
  if (daysLeft === null || state === 'none') text = t('deadline.long.none');
  else if (daysLeft > 0) text = t('deadline.long.left', { count: daysLeft });
  else if (daysLeft === 0) text = t('deadline.long.today');
  else text = t('deadline.long.overdue', { count: -daysLeft });
  return <span className={`deadline deadline-${state}`}>{text}</span>;
}
