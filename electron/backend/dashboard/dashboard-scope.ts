import type { Database } from 'better-sqlite3';
import type { DashboardFilter } from '../../../shared/contract/dashboard';

/** The dashboard's filter with its defaults filled in and blocs replaced by their members. */
export interface DashboardScope {
  from: string;
  to: string;
  today: string;
  /** Member codes (blocs expanded); null: every member. */
  members: string[] | null;
  /** Triage industry codes; null: every notification, with or without an industry. */
  industries: string[] | null;
  /**
   * Few notifications carry these industries: reading them from the industries' index is then
   * quicker than walking the period's (a big industry such as food is checked as a set instead).
   */
  fewTagged: boolean;
}

/** At most this many tagged notifications, a query starts from the industries. */
const FEW_TAGGED = 5000;

/** The first day of the month `months` months before the month of `date` (YYYY-MM-DD). */
export function monthStart(date: string, months = 0): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * Fill in the period (the twelve calendar months up to today, this month included, so that the
 * monthly chart shows whole months) and expand bloc codes (GCC, GSO, EAEU) into the members the
 * reference data lists for them, as the notification list's bloc filter does.
 */
export function resolveScope(db: Database, filter: DashboardFilter, clockToday: string): DashboardScope {
  const today = filter.today ?? clockToday;
  const to = filter.to ?? (filter.from && filter.from > today ? filter.from : today);
  const from = filter.from ?? monthStart(to, 11);
  let members: string[] | null = null;
  if (filter.memberCodes?.length) {
    const blocs = new Map<string, string[]>();
    for (const r of db.prepare('SELECT bloc, country_code FROM country_blocs ORDER BY country_code').all() as Array<{ bloc: string; country_code: string }>) {
      blocs.set(r.bloc, [...(blocs.get(r.bloc) ?? []), r.country_code]);
    }
    members = [...new Set(filter.memberCodes.flatMap((code) => blocs.get(code) ?? [code]))].sort();
  }
  const industries = filter.industries?.length ? [...new Set(filter.industries)].sort() : null;
  const tagged = industries
    ? (db
        .prepare('SELECT count(*) FROM notification_industries WHERE industry IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL')
        .pluck()
        .get(JSON.stringify(industries)) as number)
    : 0;
  return { from, to, today, members, industries, fewTagged: tagged <= FEW_TAGGED };
}

/**
 * Conditions on `notifications n` for the members and industries of the scope, in the same
 * terms as the notification list's filters, so that a click-through lists what a figure counts.
 * A big industry (food) does not pick the index a query starts from: its notifications would be
 * read row by row, where the date or member index reads a narrow entry each and checks the
 * industries' set. With drive 'none', neither do the members (the final date's index should).
 */
export function notificationConditions(
  scope: DashboardScope,
  { drive = 'members' }: { drive?: 'members' | 'none' } = {},
): { conditions: string[]; params: Record<string, string> } {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  if (scope.members) {
    conditions.push(`${drive === 'members' ? '' : '+'}n.member_code IN (SELECT value FROM json_each(@members))`);
    params.members = JSON.stringify(scope.members);
  }
  if (scope.industries) {
    conditions.push(
      `${drive === 'members' && scope.fewTagged ? '' : '+'}n.id IN (SELECT notification_id FROM notification_industries WHERE industry IN (SELECT value FROM json_each(@industries)) AND deleted_at IS NULL)`,
    );
    params.industries = JSON.stringify(scope.industries);
  }
  return { conditions, params };
}

/** The instant (ISO, UTC) local midnight of `date` falls on: a local-calendar bound for UTC timestamps. */
export function localMidnightIso(date: string): string {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))).toISOString();
}
