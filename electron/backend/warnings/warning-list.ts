import type { Database } from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { WARNING_LEVELS, type WarningLevel, type WarningLevelCounts, type WarningListItem } from '../../../shared/contract/warnings';
import { addDays } from '../../../shared/domain/deadline';
import { notFound } from '../errors';
import { resolveFamilyId } from '../notifications/timeline';
import { WARNING_SELECT, warningListItem, type WarningRow } from './warning-read';

type ListInput = ChannelParsedInput<'warningsList'>;
type ListOutput = ChannelOutput<'warningsList'>;


/**
 * The measure key of a notification, as the engine keys its warnings: 'family:<key>' when the
 * notification (or, for an addendum or revision, its base) belongs to a measure family, else
 * 'base:<base symbol>'. Null when there is no such notification.
 */
export function measureKeyOf(db: Database, notificationId: number): string | null {
  const row = db.prepare('SELECT id, base_symbol, family_id FROM notifications WHERE id = ?').get(notificationId) as
    | { id: number; base_symbol: string; family_id: number | null }
    | undefined;
  if (!row) return null;
  const familyId = resolveFamilyId(db, row);
  const familyKey = familyId === null ? undefined : (db.prepare('SELECT key FROM measure_families WHERE id = ?').pluck().get(familyId) as string | undefined);
  return familyKey === undefined ? `base:${row.base_symbol}` : `family:${familyKey}`;
}

/** `LIKE` text that finds `value` between the commas of a ',a,b,' list, wildcards taken literally. */
function listLike(value: string): string {
  return `%,${value.replace(/[\\%_]/g, (c) => `\\${c}`)},%`;
}

interface Filter {
  where: string[];
  params: Record<string, string | number>;
}

/** `w.column IN (@p0, @p1 ...)` for a list of enum values. */
function inList(filter: Filter, column: string, prefix: string, values: readonly string[]): void {
  const names = values.map((v, i) => {
    filter.params[`${prefix}${i}`] = v;
    return `@${prefix}${i}`;
  });
  filter.where.push(names.length === 0 ? '0' : `${column} IN (${names.join(', ')})`);
}

/**
 * The WHERE clause of the inbox over `warnings w` alone (no joins: the first page is picked from
 * the warnings' own indexes, and only that page is joined). Without the level filter when the
 * counts by level are wanted.
 */
function filterOf(db: Database, input: ListInput, today: string, withLevels: boolean): Filter {
  const filter: Filter = { where: ['w.deleted_at IS NULL'], params: {} };
  const { where, params } = filter;
  if (withLevels && input.levels) inList(filter, 'w.level', 'level', input.levels);
  if (input.states) inList(filter, 'w.state', 'state', input.states);
  if (input.match) inList(filter, 'w.match', 'match', input.match);
  if (input.target) {
    where.push('w.target_kind = @target');
    params.target = input.target;
  }
  if (input.enterpriseUid !== undefined) {
    where.push("w.target_kind = 'enterprise' AND w.target_key = @enterpriseUid");
    params.enterpriseUid = input.enterpriseUid;
  }
  if (input.member !== undefined) {
    where.push("w.members LIKE @member ESCAPE '\\'");
    params.member = listLike(input.member);
  }
  const industry = input.industry?.trim();
  if (industry) {
    // A focus industry the warning reaches (its code in `industries`, or the industry target
    // itself), or the industry an enterprise wrote down in the registry.
    where.push(`(w.industries LIKE @industryLike ESCAPE '\\'
      OR (w.target_kind = 'industry' AND w.target_key = @industry)
      OR (w.target_kind = 'enterprise' AND w.target_key IN (SELECT e.uid FROM enterprises e WHERE e.industry = @industry AND e.deleted_at IS NULL)))`);
    params.industry = industry;
    params.industryLike = listLike(industry);
  }
  if (input.deadlineWithinDays !== undefined) {
    where.push('w.next_deadline BETWEEN @today AND @until');
    params.today = today;
    params.until = addDays(today, input.deadlineWithinDays);
  }
  if (input.notificationId !== undefined) {
    const key = measureKeyOf(db, input.notificationId);
    // As a list of ids, so that the planner looks the few warnings of one measure up by their
    // indexes instead of walking the whole inbox in score order to find them.
    where.push(
      key === null
        ? 'w.notification_id = @notificationId'
        : `w.id IN (SELECT id FROM warnings WHERE measure_key = @measureKey UNION SELECT id FROM warnings WHERE notification_id = @notificationId)`,
    );
    params.notificationId = input.notificationId;
    if (key !== null) params.measureKey = key;
  }
  return filter;
}

const ORDER: Record<ListInput['sort'], string> = {
  score: 'w.score DESC, w.id',
  // Undated warnings last; among the same date the higher score first.
  deadline: 'w.next_deadline IS NULL, w.next_deadline, w.score DESC, w.id',
  created: 'w.created_at DESC, w.id DESC',
};

/** The SQL that picks one page of warning ids (exported for the query-plan test). */
export function pageQuery(db: Database, input: ListInput, today: string): { sql: string; params: Record<string, string | number> } {
  const filter = filterOf(db, input, today, true);
  // Unfiltered, the inbox index gives the first page in score order at once. One enterprise, one
  // measure or a near deadline are found through their own indexes. Any other filter (member,
  // industry, state, match ...) may keep few warnings: walking the inbox in score order could
  // visit every row to fill a page, so the covering index is read whole instead, which costs the
  // same whatever the filter keeps.
  const selective = input.enterpriseUid !== undefined || input.notificationId !== undefined || input.deadlineWithinDays !== undefined;
  const from = filter.where.length > 1 && !selective ? 'warnings w INDEXED BY warnings_facets' : 'warnings w';
  return {
    sql: `SELECT w.id FROM ${from} WHERE ${filter.where.join(' AND ')} ORDER BY ${ORDER[input.sort]} LIMIT @limit OFFSET @offset`,
    params: { ...filter.params, limit: input.limit, offset: input.offset },
  };
}

/** Full rows for these warning ids, in the order given. */
export function rowsByIds(db: Database, ids: readonly number[]): WarningRow[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${WARNING_SELECT} WHERE w.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as WarningRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The warnings inbox: one page of warnings matching the filters, in the order asked, with the
 * total and the counts by level for the same filters (the level filter left out, so that the
 * level tabs show what each would hold). Tombstoned warnings are never listed.
 */
export function listWarnings(db: Database, input: ListInput, today: string): ListOutput {
  const page = pageQuery(db, input, today);
  const ids = db.prepare(page.sql).pluck().all(page.params) as number[];
  const counted = filterOf(db, input, today, false);
  const countRows = db
    .prepare(`SELECT w.level AS level, count(*) AS n FROM warnings w WHERE ${counted.where.join(' AND ')} GROUP BY w.level`)
    .all(counted.params) as Array<{ level: WarningLevel; n: number }>;
  const levels: WarningLevelCounts = { red: 0, orange: 0, yellow: 0, blue: 0 };
  for (const r of countRows) levels[r.level] = r.n;
  const wanted: readonly WarningLevel[] = input.levels ?? WARNING_LEVELS;
  const total = wanted.reduce((sum, level) => sum + levels[level], 0);
  return { items: rowsByIds(db, ids).map(warningListItem), total, levels };
}

/**
 * The warnings of a notification's measure (enterprises and focus industries), open ones by
 * score, highest first, then the closed ones. Tombstoned warnings are left out.
 */
export function warningsForNotification(db: Database, notificationId: number): WarningListItem[] {
  const key = measureKeyOf(db, notificationId);
  if (key === null) throw notFound('notification', notificationId);
  const rows = db
    .prepare(
      `${WARNING_SELECT}
       WHERE w.deleted_at IS NULL AND (w.measure_key = @key OR w.notification_id = @id)
       ORDER BY w.state = 'closed', w.score DESC, w.id`,
    )
    .all({ key, id: notificationId }) as WarningRow[];
  return rows.map(warningListItem);
}

/** The uid of the enterprise (not removed) with this credit code, or null. */
export function enterpriseUidByCreditCode(db: Database, creditCode: string): string | null {
  return (db.prepare('SELECT uid FROM enterprises WHERE credit_code = ? AND deleted_at IS NULL').pluck().get(creditCode) as string | undefined) ?? null;
}
