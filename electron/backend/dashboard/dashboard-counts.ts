import type { Database } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/deadline';
import { monthStart, type DashboardScope } from './dashboard-scope';

/**
 * A period cut into whole calendar months, whose figures the counts tables of migration 0230
 * hold, and the days at either end outside them, which are counted from the rows.
 */
export interface PeriodSplit {
  /** The whole months, 'YYYY-MM' inclusive; null when the period holds none. */
  months: { from: string; to: string } | null;
  /** Runs of days (inclusive dates) outside the whole months: at most one at each end. */
  days: Array<{ from: string; to: string }>;
}

/** Split `from`..`to` (inclusive dates) into whole months and the days around them. */
export function splitPeriod(from: string, to: string): PeriodSplit {
  const first = from.endsWith('-01') ? from : monthStart(from, -1);
  const dayAfter = addDays(to, 1);
  // The first day after the last whole month.
  const end = dayAfter.endsWith('-01') ? dayAfter : monthStart(to);
  if (first >= end) return { months: null, days: [{ from, to }] };
  const days: PeriodSplit['days'] = [];
  if (from < first) days.push({ from, to: addDays(first, -1) });
  if (end <= to) days.push({ from: end, to });
  return { months: { from: first.slice(0, 7), to: addDays(end, -1).slice(0, 7) }, days };
}

type Area = 'TBT' | 'SPS';

/** The whole months' notifications for the scope's members by month and area, and by member and area. */
export function monthCounts(db: Database, scope: DashboardScope, months: { from: string; to: string }) {
  const { condition, params } = memberCondition(scope);
  const all = { ...params, monthFrom: months.from, monthTo: months.to };
  const range = `WHERE month >= @monthFrom AND month <= @monthTo${condition}`;
  return {
    byMonth: db.prepare(`SELECT month AS key, area, sum(n) AS n FROM notification_month_counts ${range} GROUP BY 1, 2`).all(all) as Array<{ key: string; area: Area; n: number }>,
    byMember: db.prepare(`SELECT member_code AS key, area, sum(n) AS n FROM notification_month_counts ${range} GROUP BY 1, 2`).all(all) as Array<{ key: string; area: Area; n: number }>,
  };
}

/** The whole months' notifications for the scope's members by HS chapter and area. */
export function chapterCounts(db: Database, scope: DashboardScope, months: { from: string; to: string }) {
  const { condition, params } = memberCondition(scope);
  const table = scope.members ? 'notification_member_chapter_counts' : 'notification_chapter_counts';
  return db
    .prepare(`SELECT chapter AS key, area, sum(n) AS n FROM ${table} WHERE month >= @monthFrom AND month <= @monthTo${condition} GROUP BY 1, 2`)
    .all({ ...params, monthFrom: months.from, monthTo: months.to }) as Array<{ key: string; area: Area; n: number }>;
}

function memberCondition(scope: DashboardScope): { condition: string; params: Record<string, string> } {
  if (!scope.members) return { condition: '', params: {} };
  return { condition: ' AND member_code IN (SELECT value FROM json_each(@members))', params: { members: JSON.stringify(scope.members) } };
}
