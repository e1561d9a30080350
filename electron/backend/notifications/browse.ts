import type { Database } from 'better-sqlite3';
import {
  RELEVANCE_RANK,
  STATUS_RANK,
  columnOrder,
  renderClauses,
  whereSql,
  type Clause,
  type ColumnSort,
  type Params,
} from './list-query';
import {
  countCapped,
  countExact,
  pageSegments,
  rowEstimate,
  selectIds,
  shouldWalk,
  type PageRequest,
  type Segment,
} from './list-pager';

export interface BrowseRequest {
  clauses: readonly Clause[];
  params: Params;
  sort: ColumnSort | 'status' | 'relevance';
  direction: 'asc' | 'desc';
  page: PageRequest;
  /** The day the final dates are counted from (the deadline sort puts open ones first). */
  today: string;
}

export interface PageOfIds {
  ids: number[];
  /** Matching rows, counted up to TOTAL_CAP + 1. */
  matches: number;
}

/**
 * A page of the list in a column order (`counted`: the matches when the caller has counted them
 * already). The count comes first and decides the plan: when many
 * rows match, the page walks the index of the sort column and tests each row (`+column` keeps
 * SQLite from starting at a filter's index instead); when few match, SQLite starts from the
 * most selective filter and sorts what it found.
 */
export function browse(db: Database, request: BrowseRequest, counted?: number): PageOfIds {
  const { clauses, params, sort, direction, page } = request;
  const matches = counted ?? countCapped(db, `notifications n ${whereSql(renderClauses(clauses, 'count'))}`, params);
  if (matches === 0) return { ids: [], matches };
  const walk = shouldWalk(matches, page, rowEstimate(db));
  if (sort === 'status' || sort === 'relevance') {
    return { ids: pageSegments(triageSegments(db, request, walk), page), matches };
  }
  if (sort === 'commentDeadline' && direction === 'asc') {
    return { ids: pageSegments(deadlineSegments(db, request, walk), page), matches };
  }
  const { order, keep } = columnOrder(sort, direction);
  const conditions = renderClauses(clauses, walk && { keep });
  return { ids: selectIds(db, `SELECT n.id FROM notifications n ${whereSql(conditions)} ORDER BY ${order}`, params, page), matches };
}

/**
 * The deadline sort, soonest first: notifications still open for comments by their final date
 * (today's first), then those whose period has ended, the most recently ended first, then those
 * without a final date. Each run reads the final-date index in its own direction, so the first
 * page never sorts the table.
 */
function deadlineSegments(db: Database, request: BrowseRequest, walk: boolean): Segment[] {
  const { clauses, today } = request;
  const params = { ...request.params, deadlineToday: today };
  const filters = renderClauses(clauses, walk && { keep: 'n.comment_deadline' });
  const run = (where: string, order: string): Segment => {
    const from = `notifications n ${whereSql([where, ...filters])}`;
    return {
      page: (p) => selectIds(db, `SELECT n.id FROM ${from} ORDER BY ${order}`, params, p),
      count: () => countExact(db, from, params),
    };
  };
  return [
    run('n.comment_deadline >= @deadlineToday', 'n.comment_deadline ASC, n.id ASC'),
    run('n.comment_deadline < @deadlineToday', 'n.comment_deadline DESC, n.id DESC'),
    run('n.comment_deadline IS NULL', 'n.id ASC'),
  ];
}

/**
 * Status and relevance sorts. Few notifications have a triage record, so the triaged ones are
 * sorted on their own (a small join), and the rest, all 'new' and unrated, follow or precede
 * them in date order straight from the date index.
 */
function triageSegments(db: Database, request: BrowseRequest, walk: boolean): Segment[] {
  const { clauses, params, sort, direction } = request;
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  const triaged = sort === 'status' ? "t.status <> 'new'" : 't.relevance IS NOT NULL';
  const rank = sort === 'status' ? STATUS_RANK : RELEVANCE_RANK;
  const headFrom = `notification_triage t CROSS JOIN notifications n ON n.id = t.notification_id
    ${whereSql([triaged, ...renderClauses(clauses, false)])}`;
  const head: Segment = {
    page: (p) => selectIds(db, `SELECT n.id FROM ${headFrom} ORDER BY ${rank} ${dir}, n.distribution_date DESC, n.id ASC`, params, p),
    count: () => countExact(db, headFrom, params),
  };
  const restFrom = `notifications n ${whereSql([
    `+n.id NOT IN (SELECT t.notification_id FROM notification_triage t WHERE ${triaged})`,
    ...renderClauses(clauses, walk && { keep: 'n.distribution_date' }),
  ])}`;
  const rest: Segment = {
    page: (p) => selectIds(db, `SELECT n.id FROM ${restFrom} ORDER BY n.distribution_date DESC, n.id ASC`, params, p),
    count: () => countExact(db, restFrom, params),
  };
  // 'new' is the first state of the workflow; unrated notifications come last either way.
  return sort === 'status' && direction === 'asc' ? [rest, head] : [head, rest];
}
