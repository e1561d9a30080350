import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WarningListInput } from '../../shared/contract/warnings';
import { warningAlerts } from '../../electron/backend/warnings/alerts';
import { listWarnings, pageQuery } from '../../electron/backend/warnings/warning-list';
import { warningsStore } from '../helpers/warnings-workflow-store';

const WARNINGS = 50_000;
let fx: Awaited<ReturnType<typeof warningsStore>>;

/**
 * 50,000 warnings spread as a full recomputation over a large registry leaves them: a thousand
 * measures × fifty targets, scores from 0 to 100 with their levels, a few members each, a
 * deadline on most, every state.
 */
beforeAll(async () => {
  fx = await warningsStore();
  const notificationIds = fx.db.prepare('SELECT id FROM notifications ORDER BY id').pluck().all() as number[];
  fx.db
    .prepare(
      `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < @count),
         s AS (SELECT n, (n * 7919) % 101 AS score FROM k)
       INSERT INTO warnings (uid, created_at, created_by, updated_at, updated_by, measure_key, target_kind, target_key, notification_id,
         symbols, area, members, industries, stage, score, computed_level, level, match, value_usd, digest, next_deadline, state, computed_at)
       SELECT printf('01900000-0000-7000-8000-%012d', n), @at, @actor, @at, @actor, 'base:G/TBT/N/BNC/' || (n / 50), 'enterprise',
         printf('01900000-0000-7000-9000-%012d', n % 50), json_extract(@ids, '$[' || (n % json_array_length(@ids)) || ']'), '[]', 'TBT',
         CASE n % 5 WHEN 0 THEN ',SAU,ARE,' WHEN 1 THEN ',EGY,' WHEN 2 THEN ',USA,' WHEN 3 THEN ',KEN,UGA,' ELSE ',EU,' END,
         CASE n % 9 WHEN 0 THEN ',lithium-battery,' ELSE '' END, 'draft', score,
         CASE WHEN score >= 70 THEN 'red' WHEN score >= 50 THEN 'orange' WHEN score >= 30 THEN 'yellow' ELSE 'blue' END,
         CASE WHEN score >= 70 THEN 'red' WHEN score >= 50 THEN 'orange' WHEN score >= 30 THEN 'yellow' ELSE 'blue' END,
         CASE n % 3 WHEN 0 THEN 'direct' WHEN 1 THEN 'broad' ELSE 'text' END, n * 10.0, 'bench',
         CASE WHEN n % 4 = 0 THEN NULL ELSE date(@today, '+' || (n % 400) || ' days') END,
         CASE n % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'acknowledged' WHEN 2 THEN 'planned' ELSE 'closed' END, @at
       FROM s`,
    )
    .run({ count: WARNINGS, at: fx.backend.ctx.clock.now().toISOString(), actor: fx.actorUid, ids: JSON.stringify(notificationIds), today: fx.today });
  fx.db.exec('ANALYZE');
}, 60_000);
afterAll(() => fx.cleanup());

/** The fastest, the median and the 95th percentile of `times` runs, in ms. */
function timings(run: () => unknown, times = 40): { fastest: number; median: number; p95: number } {
  run();
  const took: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    run();
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  return { fastest: took[0]!, median: took[Math.floor(times / 2)]!, p95: took[Math.ceil(times * 0.95) - 1]! };
}

const plan = (input: WarningListInput): string[] => {
  const q = pageQuery(fx.db, WarningListInput.parse(input), fx.today);
  return (fx.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(q.params) as Array<{ detail: string }>).map((r) => r.detail);
};

describe('the warnings inbox over 50,000 warnings', () => {
  it('picks the first page by score from the inbox index, without sorting the table', () => {
    const steps = plan({});
    expect(steps.join('\n')).toMatch(/SCAN w USING INDEX warnings_inbox/);
    expect(steps.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('reads any other filter from the covering index alone, never visiting the warning rows', () => {
    for (const input of [{ member: 'SAU' }, { levels: ['red' as const], states: ['new' as const] }, { industry: 'lithium-battery', sort: 'created' as const }]) {
      expect(plan(input).join('\n'), JSON.stringify(input)).toMatch(/USING COVERING INDEX warnings_facets/);
    }
    const counts = fx.db.prepare("EXPLAIN QUERY PLAN SELECT w.level, count(*) FROM warnings w WHERE w.deleted_at IS NULL AND w.members LIKE '%,SAU,%' GROUP BY w.level").all() as Array<{ detail: string }>;
    expect(counts.map((r) => r.detail).join('\n')).toMatch(/USING COVERING INDEX warnings_facets/);
  });

  it('reaches warnings with a near deadline through the deadline index', () => {
    expect(plan({ deadlineWithinDays: 7, sort: 'deadline' }).join('\n')).toMatch(/USING INDEX warnings_deadline/);
  });

  it('reaches the warnings of one enterprise or one measure through their indexes', () => {
    expect(plan({ enterpriseUid: '01900000-0000-7000-9000-000000000001' }).join('\n')).toMatch(/USING INDEX warnings_target/);
    expect(plan({ notificationId: 1 }).join('\n')).toMatch(/warnings_subject|warnings_notification/);
  });

  it('serves the first page with the counts by level in under 50 ms uncontended', () => {
    const cases: WarningListInput[] = [
      {},
      { levels: ['red', 'orange'] },
      { states: ['new', 'acknowledged'], member: 'SAU' },
      { industry: 'lithium-battery' },
      { deadlineWithinDays: 30, sort: 'deadline' },
      { sort: 'created' },
      { sort: 'deadline' },
      { match: ['direct'], levels: ['red'] },
    ];
    for (const input of cases) {
      const page = fx.backend.call('warningsList', input);
      expect(page.items.length, JSON.stringify(input)).toBeGreaterThan(0);
      // As the app runs it: the handler's own work, without the contract check of every output
      // that test backends add.
      const parsed = WarningListInput.parse(input);
      const t = timings(() => listWarnings(fx.db, parsed, fx.today));
      const said = `${JSON.stringify(input)}: fastest ${t.fastest.toFixed(1)} ms, median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;
      // These tests share the machine with other test files running at once, so the 50 ms
      // budget is held by the uncontended run, and the median and p95 only loosely; the bench
      // measures the p95 on a quiet machine. A plan that visits every warning row takes
      // hundreds of ms even uncontended, and fails.
      expect(t.fastest, said).toBeLessThan(50);
      expect(t.median, said).toBeLessThan(150);
    }
    expect(fx.backend.call('warningsList', {}).total).toBe(WARNINGS + 5);
  });

  it('finds the alerts without joining every new warning', () => {
    const since = new Date(fx.backend.ctx.clock.now().getTime() - 86_400_000).toISOString();
    // Every seeded warning is new, and a tenth were raised an hour ago by a recomputation.
    fx.db
      .prepare(
        `INSERT INTO warning_history (warning_uid, at, actor_id, kind, score, level, note)
         SELECT uid, @at, created_by, 'computed', score, level, '' FROM warnings WHERE id % 10 = 0`,
      )
      .run({ at: new Date(fx.backend.ctx.clock.now().getTime() - 3_600_000).toISOString() });
    const t = timings(() => warningAlerts(fx.db, since, fx.today), 20);
    // No budget is set for the alerts (they are asked for once a minute at most); this bound
    // only catches a plan that joins every new warning before picking fifty (140 ms and more).
    expect(t.fastest, `fastest ${t.fastest.toFixed(1)} ms, median ${t.median.toFixed(1)} ms`).toBeLessThan(100);
  });
});
