import type { Database } from 'better-sqlite3';
import type { DashboardData, DashboardFilter, DashboardGroup, DashboardMonth, DashboardUrgentItem } from '../../../shared/contract/dashboard';
import { addDays, CLOSING_SOON_DAYS, daysLeft } from '../../../shared/domain/deadline';
import { dashboardComments } from './dashboard-comments';
import { chapterCounts, monthCounts, splitPeriod, type PeriodSplit } from './dashboard-counts';
import { monthStart, notificationConditions, resolveScope, type DashboardScope } from './dashboard-scope';
import { dashboardWarnings } from './dashboard-warnings';

/** "Closing this week": today and the six days after it (the list's deadlineWithinDays 6). */
export const WEEK_DAYS = 6;
/** "Closing soon" for the untriaged list (the list's deadlineWithinDays 14), as everywhere else. */
export const SOON_DAYS = CLOSING_SOON_DAYS;
const URGENT_SHOWN = 15;
const HS_CHAPTERS_SHOWN = 20;

interface AreaCount {
  key: string;
  area: 'TBT' | 'SPS';
  n: number;
}

const where = (conditions: readonly string[]): string => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/** Groups from (key, area, count) rows, most first, then by key. */
function groupsOf(rows: readonly AreaCount[], label: (key: string) => { zh: string; en: string }): DashboardGroup[] {
  const byKey = new Map<string, DashboardGroup>();
  for (const r of rows) {
    let g = byKey.get(r.key);
    if (!g) {
      const l = label(r.key);
      g = { key: r.key, labelZh: l.zh, labelEn: l.en, tbt: 0, sps: 0, total: 0 };
      byKey.set(r.key, g);
    }
    if (r.area === 'TBT') g.tbt += r.n;
    else g.sps += r.n;
    g.total += r.n;
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every month of the period, oldest first, with its TBT and SPS counts (zero where none). */
function monthsOf(scope: DashboardScope, rows: readonly AreaCount[]): DashboardMonth[] {
  const counts = new Map<string, DashboardMonth>();
  for (let m = monthStart(scope.from); m <= scope.to; m = monthStart(m, -1)) {
    counts.set(m.slice(0, 7), { month: m.slice(0, 7), tbt: 0, sps: 0 });
  }
  for (const r of rows) {
    const month = counts.get(r.key);
    if (month) month[r.area === 'TBT' ? 'tbt' : 'sps'] += r.n;
  }
  return [...counts.values()];
}

function namesOf(db: Database, table: 'countries' | 'industries'): Map<string, { zh: string; en: string }> {
  const rows = db.prepare(`SELECT code, name_zh, name_en FROM ${table}`).all() as Array<{ code: string; name_zh: string; name_en: string }>;
  return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
}

/**
 * The notifications of the period by month, member and area, by industry and by HS chapter. Its
 * whole months are read from the counts tables (migration 0230), the days around them from the
 * rows; with an industry filter, which those tables do not know, every figure comes from the rows.
 */
function periodCounts(db: Database, scope: DashboardScope) {
  const { conditions, params } = notificationConditions(scope);
  const split: PeriodSplit = scope.industries ? { months: null, days: [{ from: scope.from, to: scope.to }] } : splitPeriod(scope.from, scope.to);
  const { byMonth, byMember } = split.months ? monthCounts(db, scope, split.months) : { byMonth: [], byMember: [] };
  const chapters: AreaCount[] = split.months ? chapterCounts(db, scope, split.months) : [];
  for (const days of split.days) {
    const period = ['n.distribution_date >= @from', 'n.distribution_date <= @to', ...conditions];
    const all = { ...params, from: days.from, to: days.to };
    const inDays = db
      .prepare(
        `SELECT substr(n.distribution_date, 1, 7) AS month, n.member_code AS member, n.area, count(*) AS n
         FROM notifications n ${where(period)} GROUP BY 1, 2, 3`,
      )
      .all(all) as Array<{ month: string; member: string; area: 'TBT' | 'SPS'; n: number }>;
    for (const r of inDays) {
      byMonth.push({ key: r.month, area: r.area, n: r.n });
      byMember.push({ key: r.member, area: r.area, n: r.n });
    }
    const count = inDays.reduce((n, r) => n + r.n, 0);
    chapters.push(...(db.prepare(count <= FEW_ROWS ? CHAPTERS_FROM_ROWS(where(period)) : CHAPTERS_FROM_CODES(where(period))).all(all) as AreaCount[]));
  }
  const total = { TBT: 0, SPS: 0 };
  for (const r of byMonth) total[r.area] += r.n;
  const industries = total.TBT + total.SPS > MANY_ROWS && !scope.industries ? industriesFromTags(db, scope, total) : industriesFromRows(db, scope);
  return { byMonth, byMember, industries, chapters, total };
}

/** The industries of the period's notifications, or '' for those with none: a key lookup per notification. */
export function industriesFromRows(db: Database, scope: DashboardScope): AreaCount[] {
  const { conditions, params } = notificationConditions(scope);
  const period = ['n.distribution_date >= @from', 'n.distribution_date <= @to', ...conditions];
  // With an industry filter only the notifications tagged with one of them are in scope, so ''
  // cannot come up.
  return db
    .prepare(
      `SELECT coalesce(i.industry, '') AS key, n.area, count(*) AS n
       FROM notifications n LEFT JOIN notification_industries i ON i.notification_id = n.id AND i.deleted_at IS NULL
       ${where(period)} GROUP BY 1, 2`,
    )
    .all({ ...params, from: scope.from, to: scope.to }) as AreaCount[];
}

/**
 * The same figures for a period of many notifications, without an industry filter: from the
 * tagged ones (a share of all), each dated through a narrow index (migration 0230), and '' as
 * the period's `total` less the notifications tagged with anything.
 */
export function industriesFromTags(db: Database, scope: DashboardScope, total: Record<'TBT' | 'SPS', number>): AreaCount[] {
  const { conditions, params } = notificationConditions(scope, { drive: 'none' });
  const period = ['i.deleted_at IS NULL', 'n.distribution_date >= @from', 'n.distribution_date <= @to', ...conditions];
  const rows = db
    .prepare(
      `WITH tagged AS MATERIALIZED (
         SELECT i.industry, n.id, n.area
         FROM notification_industries i CROSS JOIN notifications n INDEXED BY notifications_period ON n.id = i.notification_id
         ${where(period)})
       SELECT industry AS key, area, count(*) AS n FROM tagged GROUP BY 1, 2
       UNION ALL SELECT NULL, area, count(DISTINCT id) FROM tagged GROUP BY 2`,
    )
    .all({ ...params, from: scope.from, to: scope.to }) as Array<{ key: string | null; area: 'TBT' | 'SPS'; n: number }>;
  const untagged = { ...total };
  const out: AreaCount[] = [];
  for (const r of rows) {
    if (r.key === null) untagged[r.area] -= r.n;
    else out.push({ key: r.key, area: r.area, n: r.n });
  }
  for (const area of ['TBT', 'SPS'] as const) if (untagged[area] > 0) out.push({ key: '', area, n: untagged[area] });
  return out;
}

/** Over this many notifications in the period, the industries are counted from the tagged ones. */
export const MANY_ROWS = 20_000;

/** Up to this many notifications in scope, their HS codes are read from their rows rather than the lookup table. */
const FEW_ROWS = 3000;

/** The HS code as the lookup table keeps it (migration 0090's CODE_ROWS): no dots, spaces or dashes. */
const HS_CODE = "replace(replace(replace(trim(CAST(j.value AS TEXT)), '.', ''), ' ', ''), '-', '')";

/**
 * Notifications per HS chapter and area. Chapters come from the HS codes the list's HS filter
 * reads, so a chapter's count is what its list shows. For many notifications, one pass over the
 * lookup table's HS part (its primary key) checked against the notifications in scope; for few,
 * the codes of each one from its row (the lookup table has no index by notification).
 */
export const CHAPTERS_FROM_CODES = (whereSql: string): string => `
  WITH scoped AS MATERIALIZED (SELECT n.id, n.area FROM notifications n ${whereSql})
  SELECT substr(c.code, 1, 2) AS key, s.area, count(DISTINCT s.id) AS n
  FROM notification_codes c JOIN scoped s ON s.id = c.notification_id
  WHERE c.kind = 'hs' AND length(c.code) >= 2 GROUP BY 1, 2`;
// The rows in scope are picked first: joined to json_each, the planner scanned the whole table.
export const CHAPTERS_FROM_ROWS = (whereSql: string): string => `
  WITH scoped AS MATERIALIZED (SELECT n.id, n.area, n.hs_codes FROM notifications n ${whereSql})
  SELECT key, area, count(*) AS n FROM (
    SELECT DISTINCT s.id, s.area, substr(${HS_CODE}, 1, 2) AS key
    FROM scoped s, json_each(CASE WHEN json_valid(s.hs_codes) THEN s.hs_codes ELSE '[]' END) j
  ) WHERE length(key) = 2 GROUP BY 1, 2`;

interface UrgentRow {
  id: number;
  symbol: string;
  member_code: string;
  name_zh: string | null;
  name_en: string | null;
  title: string;
  title_zh: string | null;
  comment_deadline: string;
}

/** Figures as of today, whatever the period: open for comments, closing this week, untriaged and closing soon. */
function nowCounts(db: Database, scope: DashboardScope) {
  // Few notifications are open at any time: the final date's index finds them, and the member
  // and industry conditions (unary +: no index of theirs) are checked on each.
  const { conditions, params } = notificationConditions(scope, { drive: 'none' });
  const all = { ...params, today: scope.today, week: addDays(scope.today, WEEK_DAYS), soon: addDays(scope.today, SOON_DAYS) };
  const open = db
    .prepare(
      `SELECT count(*) AS open, coalesce(sum(n.comment_deadline <= @week), 0) AS week
       FROM notifications n ${where(['n.comment_deadline >= @today', ...conditions])}`,
    )
    .get(all) as { open: number; week: number };
  // As the list's triage filter reads 'new': no triage row, or one still in that state.
  const untriaged = [
    'n.comment_deadline >= @today',
    'n.comment_deadline <= @soon',
    "NOT EXISTS (SELECT 1 FROM notification_triage t WHERE t.notification_id = n.id AND t.status <> 'new')",
    ...conditions,
  ];
  const total = (db.prepare(`SELECT count(*) AS n FROM notifications n ${where(untriaged)}`).get(all) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT n.id, n.symbol, n.member_code, c.name_zh, c.name_en, n.title, nullif(tr.title_zh, '') AS title_zh, n.comment_deadline
       FROM notifications n
       LEFT JOIN countries c ON c.code = n.member_code
       LEFT JOIN notification_translations tr ON tr.notification_id = n.id AND tr.deleted_at IS NULL
       ${where(untriaged)} ORDER BY n.comment_deadline, n.id LIMIT ${URGENT_SHOWN}`,
    )
    .all(all) as UrgentRow[];
  const items: DashboardUrgentItem[] = rows.map((r) => ({
    id: r.id,
    symbol: r.symbol,
    memberCode: r.member_code,
    memberName: r.name_zh ?? r.member_code,
    memberNameEn: r.name_en ?? r.member_code,
    title: r.title,
    titleZh: r.title_zh,
    commentDeadline: r.comment_deadline,
    daysLeft: daysLeft(r.comment_deadline, scope.today) ?? 0,
  }));
  return { openNow: open.open, closingThisWeek: open.week, untriagedClosingSoon: items, untriagedClosingSoonTotal: total };
}

/** Every figure of the dashboard for `filter`; `clockToday` is the backend clock's local date. */
export function dashboardGet(db: Database, filter: DashboardFilter, clockToday: string): DashboardData {
  const scope = resolveScope(db, filter, clockToday);
  const countries = namesOf(db, 'countries');
  const industryNames = namesOf(db, 'industries');
  const period = periodCounts(db, scope);
  const { TBT: tbt, SPS: sps } = period.total;
  const comments = dashboardComments(db, scope);
  return {
    from: scope.from,
    to: scope.to,
    today: scope.today,
    totals: { notifications: tbt + sps, tbt, sps },
    byMonth: monthsOf(scope, period.byMonth),
    byMember: groupsOf(period.byMember, (key) => countries.get(key) ?? { zh: key, en: key }),
    byIndustry: groupsOf(period.industries, (key) =>
      key === '' ? { zh: '未分类', en: 'Unclassified' } : (industryNames.get(key) ?? { zh: key, en: key }),
    ),
    byHsChapter: groupsOf(period.chapters, (key) => ({ zh: `第${key}章`, en: `Chapter ${key}` })).slice(0, HS_CHAPTERS_SHOWN),
    ...nowCounts(db, scope),
    warningsByLevel: dashboardWarnings(db, scope),
    comments: comments.funnel,
    costSparedCny: comments.costSparedCny,
  };
}
