import type { SortKey, UnpagedListQuery } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/deadline';

/** Named parameters of one list query; user values only ever travel here, never in the SQL. */
export type Params = Record<string, string | number>;

/**
 * One condition on `notifications n`. `column` is the indexed column it constrains: the SQL
 * holds `{col}` where that column goes, so a plan that must not start from this condition can
 * write `+n.column` (SQLite then uses no index for it) without a second copy of the filter.
 */
export interface Clause {
  column: string | null;
  sql: string;
  /**
   * May match a large share of the table (a keyword, an HS chapter): counting then scans a
   * narrow index and checks this set, rather than reading one row per member of the set.
   */
  wide?: boolean;
}

export interface ListFilters {
  clauses: Clause[];
  params: Params;
}

/**
 * The conditions as SQL. With `keep`, every condition but those on that column is kept from
 * driving the plan (a walk along that column's index); with 'count', only the wide ones.
 */
export function renderClauses(clauses: readonly Clause[], hint: false | 'count' | { keep: string | null }): string[] {
  return clauses.map((c) => {
    if (c.column === null) return c.sql;
    const hinted = hint === 'count' ? c.wide === true : hint !== false && c.column !== hint.keep;
    return c.sql.replaceAll('{col}', hinted ? `+${c.column}` : c.column);
  });
}

export const whereSql = (conditions: readonly string[]): string =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

const json = (values: readonly string[]): string => JSON.stringify(values);

/** The first string after every string that starts with `prefix`, for an index range scan. */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

export { addDays };

/**
 * One value compares with `=` so SQLite can read the rows in index order; several become an
 * IN list over a JSON array, still one statement shape whatever the number of values.
 */
function oneOf(column: string, name: string, values: readonly string[], params: Params): Clause {
  if (values.length === 1) {
    params[name] = values[0]!;
    return { column, sql: `{col} = @${name}` };
  }
  params[name] = json(values);
  return { column, sql: `{col} IN (SELECT value FROM json_each(@${name}))` };
}

const on = (column: string, sql: string): Clause => ({ column, sql });
const byId = (sql: string, wide = false): Clause => ({ column: 'n.id', sql: `{col} ${sql}`, wide });

/**
 * Turn the list filters into SQL conditions. Filters on the analysts' layer (triage, industries)
 * and on the codes test membership in small indexed tables, so they need no join and the
 * notifications can still be read in the order of a notifications index.
 */
export function buildFilters(input: UnpagedListQuery, today: string): ListFilters {
  const clauses: Clause[] = [];
  const params: Params = {};
  if (input.area) {
    params.area = input.area;
    clauses.push(on('n.area', '{col} = @area'));
  }
  if (input.memberCodes?.length) clauses.push(oneOf('n.member_code', 'members', input.memberCodes, params));
  if (input.scoStatus === 'any') {
    clauses.push(on('n.member_code', '{col} IN (SELECT code FROM countries WHERE sco_status IS NOT NULL)'));
  } else if (input.scoStatus) {
    params.scoStatus = input.scoStatus;
    clauses.push(on('n.member_code', '{col} IN (SELECT code FROM countries WHERE sco_status = @scoStatus)'));
  }
  if (input.blocs?.length) {
    params.blocs = json(input.blocs);
    clauses.push(
      on('n.member_code', '{col} IN (SELECT country_code FROM country_blocs WHERE bloc IN (SELECT value FROM json_each(@blocs)))'),
    );
  }
  if (input.docTypes?.length) clauses.push(oneOf('n.doc_type', 'docTypes', input.docTypes, params));
  if (input.hsCode) {
    const digits = input.hsCode.replace(/\D/g, '');
    params.hsFrom = digits;
    params.hsTo = prefixEnd(digits);
    clauses.push(byId("IN (SELECT notification_id FROM notification_codes WHERE kind = 'hs' AND code >= @hsFrom AND code < @hsTo)", true));
  }
  if (input.icsCode) {
    // 43.120 covers itself and 43.120.10, but not 43.1201: a range scan, then the level check.
    params.icsFrom = input.icsCode;
    params.icsTo = `${input.icsCode}/`;
    clauses.push(
      byId(
        "IN (SELECT notification_id FROM notification_codes WHERE kind = 'ics' AND code >= @icsFrom AND code < @icsTo" +
          " AND (length(code) = length(@icsFrom) OR substr(code, length(@icsFrom) + 1, 1) = '.'))",
        true,
      ),
    );
  }
  if (input.objective) {
    params.objective = input.objective;
    clauses.push(byId("IN (SELECT notification_id FROM notification_codes WHERE kind = 'objective' AND code = lower(@objective))", true));
  }
  if (input.keyword) {
    params.keyword = input.keyword;
    clauses.push(byId("IN (SELECT notification_id FROM notification_codes WHERE kind = 'keyword' AND code = lower(@keyword))", true));
  }
  if (input.distributedFrom) {
    params.distributedFrom = input.distributedFrom;
    clauses.push(on('n.distribution_date', '{col} >= @distributedFrom'));
  }
  if (input.distributedTo) {
    params.distributedTo = input.distributedTo;
    clauses.push(on('n.distribution_date', '{col} <= @distributedTo'));
  }
  if (input.openForComments !== undefined || input.deadlineWithinDays !== undefined) params.today = today;
  if (input.openForComments === true) clauses.push(on('n.comment_deadline', '{col} >= @today'));
  if (input.openForComments === false) {
    clauses.push({ column: null, sql: '(n.comment_deadline IS NULL OR n.comment_deadline < @today)' });
  }
  if (input.deadlineWithinDays !== undefined) {
    params.deadlineTo = addDays(today, input.deadlineWithinDays);
    clauses.push(on('n.comment_deadline', '{col} >= @today'), on('n.comment_deadline', '{col} <= @deadlineTo'));
  }
  addTriageFilters(input, clauses, params);
  return { clauses, params };
}

function addTriageFilters(input: UnpagedListQuery, clauses: Clause[], params: Params): void {
  const statuses = input.triageStatuses;
  if (statuses?.length) {
    params.statuses = json(statuses);
    // Most notifications have no triage row and count as 'new': when 'new' is wanted, rule out
    // the triaged rows in other states instead of listing the untriaged ones.
    clauses.push(
      byId(
        statuses.includes('new')
          ? 'NOT IN (SELECT notification_id FROM notification_triage WHERE status NOT IN (SELECT value FROM json_each(@statuses)))'
          : 'IN (SELECT notification_id FROM notification_triage WHERE status IN (SELECT value FROM json_each(@statuses)))',
      ),
    );
  }
  const relevances = input.relevances;
  if (relevances?.length) {
    params.relevances = json(relevances.filter((r) => r !== 'unrated'));
    clauses.push(
      byId(
        relevances.includes('unrated')
          ? 'NOT IN (SELECT notification_id FROM notification_triage WHERE relevance IS NOT NULL' +
              ' AND relevance NOT IN (SELECT value FROM json_each(@relevances)))'
          : 'IN (SELECT notification_id FROM notification_triage WHERE relevance IN (SELECT value FROM json_each(@relevances)))',
      ),
    );
  }
  if (input.assignee === null) {
    clauses.push(byId('NOT IN (SELECT notification_id FROM notification_triage WHERE assignee_uid IS NOT NULL)'));
  } else if (input.assignee !== undefined) {
    params.assignee = input.assignee;
    clauses.push(byId('IN (SELECT notification_id FROM notification_triage WHERE assignee_uid IN (SELECT uid FROM analysts WHERE name = @assignee))'));
  }
  if (input.industries?.length) {
    params.industries = json(input.industries);
    clauses.push(
      byId('IN (SELECT notification_id FROM notification_industries WHERE industry IN (SELECT value FROM json_each(@industries)) AND deleted_at IS NULL)'),
    );
  }
}

/** The sorts that follow one column of notifications (status and relevance live in triage). */
export type ColumnSort = Exclude<SortKey, 'rank' | 'status' | 'relevance'>;

/** Workflow order of the triage states, for rows that have a triage record. */
export const STATUS_RANK =
  "CASE t.status WHEN 'new' THEN 0 WHEN 'screening' THEN 1 WHEN 'assessing' THEN 2 WHEN 'commented' THEN 3 ELSE 4 END";
export const RELEVANCE_RANK = "CASE t.relevance WHEN 'none' THEN 0 WHEN 'low' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END";

/**
 * ORDER BY for a column sort, and the column whose index gives that order (`keep`: the one
 * filter that may still use its index when the page is read by walking that index). The
 * tie-breakers follow the rowid order inside the index (ascending after a DESC date column,
 * the scan direction otherwise), so SQLite stops after one page instead of sorting.
 */
export function columnOrder(sort: ColumnSort, direction: 'asc' | 'desc'): { order: string; keep: string | null } {
  const desc = direction === 'desc';
  const dir = desc ? 'DESC' : 'ASC';
  switch (sort) {
    case 'distributionDate':
      return {
        order: desc ? 'n.distribution_date DESC, n.id ASC' : 'n.distribution_date ASC, n.id DESC',
        keep: 'n.distribution_date',
      };
    case 'commentDeadline':
      // Notifications without a final date come last either way: DESC puts NULLs last by
      // itself, ASC reads the (IS NULL, date) index. (The list's ascending sort puts the open
      // ones first instead: see deadlineSegments in browse.ts.)
      return {
        order: desc ? 'n.comment_deadline DESC, n.id DESC' : 'n.comment_deadline IS NULL, n.comment_deadline ASC, n.id ASC',
        keep: 'n.comment_deadline',
      };
    case 'symbol':
      return { order: `n.symbol ${dir}`, keep: null };
    case 'memberCode':
      return { order: `n.member_code ${dir}, n.distribution_date DESC, n.id ASC`, keep: 'n.member_code' };
    case 'title':
      return { order: `n.title COLLATE NOCASE ${dir}, n.id ${dir}`, keep: null };
  }
}

/** bm25 weights per column: symbol, title, description, products, keywords, Chinese translation. */
export const RANK = 'bm25(notifications_fts, 10.0, 5.0, 1.0, 2.0, 2.0, 4.0)';
