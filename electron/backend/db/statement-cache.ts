import type { Database, Statement } from 'better-sqlite3';

const MAX_STATEMENTS = 200;
const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement per SQL text and connection. The list builds its SQL from the filters in
 * use (a bounded set of shapes, values always bound as parameters), a batch triage runs the same
 * few statements for each of up to 1,000 notifications, and preparing a statement costs about as
 * much as running a small query.
 */
export function cachedStatement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
    cache.set(sql, stmt);
  }
  return stmt;
}
