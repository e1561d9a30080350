import type { Database } from 'better-sqlite3';
import type { ChannelOutput } from '../../../shared/contract';
import { warningListItem } from './warning-read';
import { addDays } from '../../../shared/domain/deadline';
import { rowsByIds } from './warning-list';

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
  // Ids first, and only the few shown joined: after a first scoring every red and orange
  // warning is new. The new ones come from the warnings' covering index, the older ones raised
  // from the history of the period: two sets apart, so no large set is sorted to merge them.
  const open = "w.deleted_at IS NULL AND w.state <> 'closed' AND w.level IN ('red', 'orange')";
  const raised = db
    .prepare(
      `WITH candidates AS (
         SELECT w.id, w.level, w.score FROM warnings w WHERE ${open} AND w.created_at >= @since
         UNION ALL
         SELECT DISTINCT w.id, w.level, w.score FROM warning_history h JOIN warnings w ON w.uid = h.warning_uid
         WHERE h.kind = 'computed' AND h.at >= @since AND h.level IN ('red', 'orange') AND ${open} AND w.created_at < @since
           AND ${rank('h.level')} > ${rank(`(SELECT p.level FROM warning_history p
                 WHERE p.warning_uid = h.warning_uid AND p.kind = 'computed' AND p.id < h.id ORDER BY p.id DESC LIMIT 1)`)})
       SELECT id FROM candidates ORDER BY ${rank('level')} DESC, score DESC, id LIMIT @limit`,
    )
    .pluck()
    .all({ since, limit: ALERT_LIMIT }) as number[];
  const dueSoon = db
    .prepare(
      `SELECT w.id FROM warnings w
       WHERE w.deleted_at IS NULL AND w.state <> 'closed' AND w.next_deadline BETWEEN @today AND @until
       ORDER BY w.next_deadline, w.score DESC, w.id
       LIMIT @limit`,
    )
    .pluck()
    .all({ today, until: addDays(today, DUE_SOON_DAYS), limit: ALERT_LIMIT }) as number[];
  return { raised: rowsByIds(db, raised).map(warningListItem), dueSoon: rowsByIds(db, dueSoon).map(warningListItem) };
}
