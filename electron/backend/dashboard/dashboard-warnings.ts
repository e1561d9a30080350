import type { Database } from 'better-sqlite3';
import type { WarningLevelCounts } from '../../../shared/contract/warnings';
import type { DashboardScope } from './dashboard-scope';

/** `LIKE` text that finds `value` between the commas of a ',a,b,' list, wildcards taken literally. */
const listLike = (value: string): string => `%,${value.replace(/[\\%_]/g, (c) => `\\${c}`)},%`;

/**
 * Open warnings (any state but closed) by level. A warning is in scope when it covers one of the
 * members, and reaches one of the industries the way the warnings inbox's industry filter reads
 * it (a focus industry it reaches, the industry target itself, or the industry an enterprise
 * gave in the registry), so that a click through to the inbox lists what was counted.
 */
export function dashboardWarnings(db: Database, scope: DashboardScope): WarningLevelCounts {
  const where = ["w.deleted_at IS NULL", "w.state <> 'closed'"];
  const params: Record<string, string> = {};
  if (scope.members) {
    where.push(`(${scope.members.map((m, i) => {
      params[`m${i}`] = listLike(m);
      return `w.members LIKE @m${i} ESCAPE '\\'`;
    }).join(' OR ')})`);
  }
  if (scope.industries) {
    where.push(`(${scope.industries.map((code, i) => {
      params[`i${i}`] = code;
      params[`il${i}`] = listLike(code);
      return `w.industries LIKE @il${i} ESCAPE '\\'
        OR (w.target_kind = 'industry' AND w.target_key = @i${i})
        OR (w.target_kind = 'enterprise' AND w.target_key IN (SELECT e.uid FROM enterprises e WHERE e.industry = @i${i} AND e.deleted_at IS NULL))`;
    }).join(' OR ')})`);
  }
  const counts: WarningLevelCounts = { red: 0, orange: 0, yellow: 0, blue: 0 };
  const rows = db.prepare(`SELECT w.level, count(*) AS n FROM warnings w WHERE ${where.join(' AND ')} GROUP BY w.level`).all(params) as Array<{
    level: keyof WarningLevelCounts;
    n: number;
  }>;
  for (const r of rows) counts[r.level] = r.n;
  return counts;
}
