import type { Database } from 'better-sqlite3';
import type { ChannelOutput } from '../../../shared/contract';
import { WARNING_SELECT, warningListItem, type WarningRow } from './warning-read';
import { datePlusDays } from './warning-list';

/** How many warnings each alert list holds at most: the rest is in the inbox. */
export const ALERT_LIMIT = 50;
/** Open warnings with a deadline this many days ahead (today included) are "due soon". */
export const DUE_SOON_DAYS = 7;

const RANK = `CASE %s WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END`;
const rank = (expr: string): string => RANK.replace('%s', expr);

/**
 * What the alerts show:
 * - raised: open warnings now red or orange that were created since `since`, or whose computed
 *   level rose to red or orange since then (a 'computed' history row above the computed level
 *   before it, or the first one), highest level and score first;
 * - dueSoon: open warnings whose next deadline falls between today and DUE_SOON_DAYS later,
 *   nearest first.
 * At most ALERT_LIMIT of each.
 */
export function warningAlerts(db: Database, since: string, today: string): ChannelOutput<'warningAlerts'> {
  const raised = db
    .prepare(
      `${WARNING_SELECT}
       WHERE w.deleted_at IS NULL AND w.state <> 'closed' AND w.level IN ('red', 'orange')
         AND (w.created_at >= @since OR EXISTS (
           SELECT 1 FROM warning_history h
           WHERE h.warning_uid = w.uid AND h.kind = 'computed' AND h.at >= @since AND h.level IN ('red', 'orange')
             AND ${rank('h.level')} > ${rank(`(SELECT p.level FROM warning_history p
                   WHERE p.warning_uid = h.warning_uid AND p.kind = 'computed' AND p.id < h.id ORDER BY p.id DESC LIMIT 1)`)}))
       ORDER BY ${rank('w.level')} DESC, w.score DESC, w.id
       LIMIT @limit`,
    )
    .all({ since, limit: ALERT_LIMIT }) as WarningRow[];
  const dueSoon = db
    .prepare(
      `${WARNING_SELECT}
       WHERE w.deleted_at IS NULL AND w.state <> 'closed' AND w.next_deadline BETWEEN @today AND @until
       ORDER BY w.next_deadline, w.score DESC, w.id
       LIMIT @limit`,
    )
    .all({ today, until: datePlusDays(today, DUE_SOON_DAYS), limit: ALERT_LIMIT }) as WarningRow[];
  return { raised: raised.map(warningListItem), dueSoon: dueSoon.map(warningListItem) };
}
