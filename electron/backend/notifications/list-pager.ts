import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statement-cache';
import type { Params } from './list-query';

/**
 * Counting stops here: past it the exact figure tells an analyst nothing a refined query would
 * not, and counting every hit of a common word is what would make a search slow.
 */
export const TOTAL_CAP = 10_000;

export interface PageRequest {
  offset: number;
  limit: number;
}

/** Rows matching `fromWhere` ("notifications n WHERE ..."), counted up to TOTAL_CAP + 1. */
export function countCapped(db: Database, fromWhere: string, params: Params): number {
  const sql = `SELECT count(*) AS total FROM (SELECT 1 FROM ${fromWhere} LIMIT ${TOTAL_CAP + 1})`;
  return (cachedStatement(db, sql).get(params) as { total: number }).total;
}

export function countExact(db: Database, fromWhere: string, params: Params): number {
  return (cachedStatement(db, `SELECT count(*) AS total FROM ${fromWhere}`).get(params) as { total: number }).total;
}

export function selectIds(db: Database, sql: string, params: Params, page: PageRequest): number[] {
  const rows = cachedStatement(db, `${sql} LIMIT @limit OFFSET @offset`).all({ ...params, ...page }) as Array<{ id: number }>;
  return rows.map((r) => r.id);
}

/** Roughly how many notifications there are, without counting them. */
export function rowEstimate(db: Database): number {
  return (cachedStatement(db, 'SELECT coalesce(max(id), 0) AS n FROM notifications').get() as { n: number }).n;
}

/**
 * Whether to read a page by walking the index of the sort column and testing every row against
 * the filters, rather than collecting every matching row and sorting them. Walking reads about
 * (offset + limit) / share rows, where share is the part of the table that matches; collecting
 * reads every match. Past TOTAL_CAP matches collecting would sort at least that many rows, so
 * walking wins even for a page far down the list.
 */
export function shouldWalk(matches: number, page: PageRequest, rows: number): boolean {
  if (rows === 0) return false;
  return matches > TOTAL_CAP || matches * matches > (page.offset + page.limit) * rows;
}

/** A run of ordered rows that a page may take from, before or after other runs. */
export interface Segment {
  /** Ids of rows [offset, offset + limit) of this run, in order. */
  page(page: PageRequest): number[];
  /** How many rows the run has; asked only when a page starts past its end. */
  count(): number;
}

/**
 * One page across runs that follow one another (untriaged notifications after the triaged
 * ones, description matches after title matches), each run read with its own query.
 */
export function pageSegments(segments: readonly Segment[], page: PageRequest): number[] {
  const ids: number[] = [];
  let skip = page.offset;
  for (const segment of segments) {
    const want = page.limit - ids.length;
    if (want <= 0) break;
    const got = segment.page({ offset: skip, limit: want });
    ids.push(...got);
    if (got.length === want) break;
    // A short page means the run ended inside it; an empty one that it ended before it.
    skip = got.length > 0 || skip === 0 ? 0 : Math.max(0, skip - segment.count());
  }
  return ids;
}
