import type { Database } from 'better-sqlite3';

export interface RanStatement {
  sql: string;
  /** The parameters it ran with (undefined when it took none). */
  params: unknown;
}

/**
 * A view of `db` that records every statement run through it, for checking the query plans of
 * code that builds its SQL at run time. Statements prepared through it are not cached elsewhere.
 */
export function recordingConnection(db: Database): { db: Database; ran: RanStatement[] } {
  const ran: RanStatement[] = [];
  const bind = (target: object, value: unknown): unknown =>
    typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  const recording = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') return bind(target, Reflect.get(target, prop, target));
      return (sql: string) =>
        new Proxy(target.prepare(sql), {
          get(stmt, p) {
            const value = Reflect.get(stmt, p, stmt) as unknown;
            if ((p === 'all' || p === 'get') && typeof value === 'function') {
              return (...args: unknown[]) => {
                ran.push({ sql, params: args[0] });
                return (value as (...a: unknown[]) => unknown).apply(stmt, args);
              };
            }
            return bind(stmt, value);
          },
        });
    },
  });
  return { db: recording, ran };
}

/** EXPLAIN QUERY PLAN of a recorded statement, one line per step. */
export function queryPlan(db: Database, statement: RanStatement): string[] {
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`);
  const rows = (statement.params === undefined ? explain.all() : explain.all(statement.params as Record<string, unknown>)) as Array<{
    detail: string;
  }>;
  return rows.map((r) => r.detail);
}
