import type { Database } from 'better-sqlite3';
import type { NotificationsListOutput, NotificationsListQuery, NotificationsMatchingIdsOutput, SortKey, UnpagedListQuery } from '../../../shared/contract';
import { buildSearchQuery, withColumns, type SearchQuery } from '../../../shared/domain/search-text';
import { browse, type PageOfIds } from './browse';
import { loadListItems } from './list-items';
import { TOTAL_CAP, countCapped, countExact, pageSegments, selectIds, type PageRequest, type Segment } from './list-pager';
import { RANK, buildFilters, renderClauses, whereSql, type ListFilters, type Params } from './list-query';

/**
 * Up to this many hits, filters are checked by reading each hit's row; past it, the rows that
 * pass the filters are collected once (from the covering indexes) and each hit is looked up
 * in that set, which costs less than thousands of row reads.
 */
const JOIN_LIMIT = 2_000;

/**
 * bm25 is computed for at most this many hits of each tier, the most recently added ones: a
 * word found in more notifications than that (a symbol prefix, "conformity") gains nothing from
 * a finer order, and scoring every hit would cost more than the whole search may.
 */
export const RANK_LIMIT = 20_000;

/** Up to this many hits, one query sorts them all; past it, the tiers are ranked apart. */
const SINGLE_PASS_LIMIT = 5_000;

const FTS_MATCH = 'notifications_fts MATCH';

function resolveSort(input: UnpagedListQuery, searching: boolean): SortKey {
  if (input.sort === 'rank') return searching ? 'rank' : 'distributionDate';
  return input.sort ?? (searching ? 'rank' : 'distributionDate');
}

/**
 * How many rows the query and the filters match, and the FROM clause that finds them for a
 * given MATCH parameter. Filters are checked by reading each hit's row when hits are few, and
 * against the set of rows passing them (collected once from the covering indexes) when many.
 */
function searchMatches(
  db: Database,
  filters: ListFilters,
  params: Params,
): { hits: number; matches: number; from: (match: string) => string } {
  const hits = countCapped(db, `notifications_fts WHERE ${FTS_MATCH} @fts`, params);
  const conditions = renderClauses(filters.clauses, false);
  const from = (match: string): string => {
    if (conditions.length === 0) return `notifications_fts WHERE ${FTS_MATCH} @${match}`;
    if (hits <= JOIN_LIMIT) {
      return `notifications_fts CROSS JOIN notifications n ON n.id = notifications_fts.rowid
        ${whereSql([`${FTS_MATCH} @${match}`, ...conditions])}`;
    }
    // The + keeps SQLite from handing the id list to FTS5, which would run the query per id.
    return `notifications_fts WHERE ${FTS_MATCH} @${match}
      AND +notifications_fts.rowid IN (SELECT n.id FROM notifications n ${whereSql(renderClauses(filters.clauses, 'count'))})`;
  };
  const matches = conditions.length === 0 || hits === 0 ? hits : countCapped(db, from('fts'), params);
  return { hits, matches, from };
}

/** Negative when a query phrase occurs in the symbol, title or Chinese translation, else 0. */
const TITLE_HIT = 'bm25(notifications_fts, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0) < 0';
const TITLE_COLUMNS = ['symbol', 'title', 'zh'];

/**
 * Best matches first. Notifications where a query word occurs in the symbol, title or Chinese
 * translation form the first tier, the ones matching only in description, products or
 * keywords the second; bm25, with symbol and title weighted up, orders each tier. A search with
 * few hits sorts them in one pass; one with many ranks the tiers apart, so that a common word
 * only has its title hits scored for the first pages.
 */
function rankedSearch(db: Database, query: SearchQuery, filters: ListFilters, direction: 'asc' | 'desc', page: PageRequest): PageOfIds {
  const params = {
    ...filters.params,
    fts: query.fts,
    tier1: withColumns(query, TITLE_COLUMNS, true),
    tier2: withColumns(query, TITLE_COLUMNS, false),
  };
  const { hits, matches, from } = searchMatches(db, filters, params);
  if (matches === 0) return { ids: [], matches };
  const order = direction === 'desc' ? 'ASC' : 'DESC';
  if (hits <= SINGLE_PASS_LIMIT) {
    const sql = `SELECT notifications_fts.rowid AS id FROM ${from('fts')}
      ORDER BY ${TITLE_HIT} ${direction === 'desc' ? 'DESC' : 'ASC'}, ${RANK} ${order}, notifications_fts.rowid DESC`;
    return { ids: selectIds(db, sql, params, page), matches };
  }
  const tier = (match: string): Segment => ({
    page: (p) =>
      selectIds(
        db,
        `SELECT id FROM (SELECT notifications_fts.rowid AS id, ${RANK} AS score FROM ${from(match)}
           ORDER BY notifications_fts.rowid DESC LIMIT ${RANK_LIMIT})
         ORDER BY score ${order}, id DESC`,
        params,
        p,
      ),
    count: () => Math.min(RANK_LIMIT, countExact(db, from(match), params)),
  });
  const tiers = direction === 'desc' ? [tier('tier1'), tier('tier2')] : [tier('tier2'), tier('tier1')];
  return { ids: pageSegments(tiers, page), matches };
}

interface FoundPage {
  ids: number[];
  /** Matching notifications; when totalCapped, at least this many (TOTAL_CAP). */
  total: number;
  totalCapped: boolean;
  search: SearchQuery | null;
}

/** The ids of one page in the list's order, how many match, and the search that found them. */
function findPage(db: Database, input: UnpagedListQuery, page: PageRequest, today: string): FoundPage {
  const search = input.query ? buildSearchQuery(input.query) : null;
  const sort = resolveSort(input, search !== null);
  const filters = buildFilters(input, input.today ?? today);
  // With no query and no filter the total is the table's row count, which SQLite counts from the
  // smallest index in well under a millisecond at 100,000 rows: exact, where a filtered count
  // stops at TOTAL_CAP.
  const whole = !search && filters.clauses.length === 0 ? countExact(db, 'notifications', {}) : null;
  let result: PageOfIds;
  if (!search) {
    const request = { ...filters, sort: sort === 'rank' ? 'distributionDate' : sort, direction: input.direction, page, today: input.today ?? today };
    result = browse(db, request, whole ?? undefined);
  } else if (sort === 'rank') {
    result = rankedSearch(db, search, filters, input.direction, page);
  } else {
    // In a column order the query is one more filter: the set of rows the index matches.
    const params = { ...filters.params, fts: search.fts };
    const { matches } = searchMatches(db, filters, params);
    const request = {
      clauses: [{ column: 'n.id', sql: `{col} IN (SELECT rowid FROM notifications_fts WHERE ${FTS_MATCH} @fts)` }, ...filters.clauses],
      params,
      sort,
      direction: input.direction,
      page,
      today: input.today ?? today,
    };
    result = matches === 0 ? { ids: [], matches } : browse(db, request, matches);
  }
  const totalCapped = whole === null && result.matches > TOTAL_CAP;
  return { ids: result.ids, total: totalCapped ? TOTAL_CAP : result.matches, totalCapped, search };
}

/**
 * One page of the notification list with its total: filters, full-text query and sort combine
 * freely. Two steps keep a page cheap at 100,000+ rows: the ids of the page come from indexes
 * (or the full-text index), then only those rows are read whole. The total is exact up to
 * TOTAL_CAP; past it, `totalCapped` says "at least".
 */
/** One page of the list; `today` (by the backend's clock) dates the deadline filters unless the query names a day. */
export function listNotifications(db: Database, input: NotificationsListQuery, today: string): NotificationsListOutput {
  const { ids, total, totalCapped, search } = findPage(db, input, { offset: input.offset, limit: input.limit }, today);
  return { total, totalCapped, items: loadListItems(db, ids, search ? search.terms.flatMap((t) => t.needles) : null) };
}

/**
 * Every notification the list shows for a query, filters and sort, in its order, when they are
 * at most `max`; none when more match (the total says how many, "at least" when capped).
 */
export function listMatchingIds(db: Database, input: UnpagedListQuery, max: number, today: string): NotificationsMatchingIdsOutput {
  const { ids, total, totalCapped } = findPage(db, input, { offset: 0, limit: max }, today);
  return { total, totalCapped, ids: total > max ? [] : ids };
}
