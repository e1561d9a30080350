import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { DashboardFilter } from '../shared/contract/dashboard';
import { openStore } from '../electron/backend/db/connection';
import { dashboardGet } from '../electron/backend/dashboard/dashboard-query';
import { runWarningPass } from '../electron/backend/warnings/engine';
import { fixedClock, systemClock } from '../shared/domain/clock';
import { UNRECORDED_ANALYST_UID } from '../shared/domain/uid';
import { insertSyntheticNotifications } from '../test/fixtures/synthetic-notifications';
import { percentiles, type CaseTiming, type Timing } from './search-bench';
import { seedEnterprises } from './warnings-bench';

/** The dashboards issue's target: every figure of the dashboard in one call. */
export const DASHBOARD_TARGET_P95_MS = 100;

export interface DashboardBenchResult {
  notifications: number;
  warnings: number;
  tagged: number;
  dashboard: Timing;
  /** CPU time of the calls (this thread: the queries run on it), less swollen than wall time on a busy machine. */
  cpu: Timing;
  cases: Array<CaseTiming & { cpuP50: number; cpuP95: number }>;
}

/**
 * A throwaway store for the dashboard: `rows` synthetic notifications, three in ten of them
 * triaged and tagged with an industry (a team that tags much more than the import's default),
 * and the warnings of 500 enterprises computed by the engine.
 */
export async function createDashboardBenchStore(dataDir: string, rows = 105_000): Promise<Database> {
  const store = await openStore(dataDir, { skipBackup: true, clock: systemClock });
  insertSyntheticNotifications(store.db, { count: rows, triagedShare: 0.3 });
  const latest = store.db.prepare('SELECT max(distribution_date) FROM notifications').pluck().get() as string;
  const clock = fixedClock(`${latest}T08:00:00Z`);
  seedEnterprises(store.db, 500, clock);
  runWarningPass(store.db, { kind: 'all' }, { actor: { uid: UNRECORDED_ANALYST_UID, name: 'bench' }, clock });
  return store.db;
}

/**
 * dashboardGet over a few filter combinations an analyst or a director would pick (the default
 * twelve months, a member, the blocs, an industry, both, five years, every year since 1995),
 * interleaved for `rounds` rounds after one warm-up round; "today" is the newest distribution
 * date of the store, so that the "now" figures have notifications to count.
 */
export function runDashboardBench(db: Database, rounds = 20): DashboardBenchResult {
  const today = db.prepare('SELECT max(distribution_date) FROM notifications').pluck().get() as string;
  const year = Number(today.slice(0, 4));
  const cases: Array<[string, DashboardFilter]> = [
    ['default (12 months)', {}],
    ['member SAU', { memberCodes: ['SAU'] }],
    ['blocs GCC + EAEU', { memberCodes: ['GCC', 'EAEU'] }],
    ['industry ev + lithium-battery', { industries: ['ev', 'lithium-battery'] }],
    ['member CHN + industry food', { memberCodes: ['CHN'], industries: ['food-agriculture'] }],
    ['five years', { from: `${year - 5}-01-01` }],
    ['every year since 1995', { from: '1995-01-01' }],
  ];
  const run = (filter: DashboardFilter) => dashboardGet(db, DashboardFilter.parse(filter), today);
  const totals = cases.map(([, f]) => run(f).totals.notifications);
  const perCase = cases.map(() => [] as number[]);
  const cpuPerCase = cases.map(() => [] as number[]);
  const all: number[] = [];
  const allCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    cases.forEach(([, f], i) => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      run(f);
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      perCase[i]!.push(ms);
      cpuPerCase[i]!.push(cpuMs);
      all.push(ms);
      allCpu.push(cpuMs);
    });
  }
  return {
    notifications: db.prepare('SELECT count(*) FROM notifications').pluck().get() as number,
    warnings: db.prepare('SELECT count(*) FROM warnings').pluck().get() as number,
    tagged: db.prepare('SELECT count(DISTINCT notification_id) FROM notification_industries').pluck().get() as number,
    dashboard: percentiles(all),
    cpu: percentiles(allCpu),
    cases: cases.map(([name], i) => {
      const cpu = percentiles(cpuPerCase[i]!);
      return { name, total: totals[i]!, ...percentiles(perCase[i]!), cpuP50: cpu.p50, cpuP95: cpu.p95 };
    }),
  };
}
