import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { NotificationsListInput, type NotificationsListInput as ListInput } from '../shared/contract';
import { openStore } from '../electron/backend/db/connection';
import { systemClock, todayOf } from '../shared/domain/clock';
import { listNotifications } from '../electron/backend/notifications/search';
import { insertSyntheticNotifications } from '../test/fixtures/synthetic-notifications';

/** The bench measures on today's date, as an analyst would use the list. */
const TODAY = todayOf(systemClock);

/**
 * Search and list timings over a populated store. Each case runs through the same input
 * parsing and list code as a call from the window (without the transport), several rounds
 * after one warm-up round, and the figures are percentiles over every timed call.
 */

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}

export interface CaseTiming extends Timing {
  name: string;
  total: number;
}

export interface SearchBenchResult {
  notifications: number;
  /** The mixed query set: Chinese words of one to four characters, English words, symbols. */
  search: Timing;
  /** First pages of filtered and sorted lists, with and without a query. */
  list: Timing;
  cases: CaseTiming[];
}

export const SEARCH_TARGET_P95_MS = 30;
export const LIST_TARGET_P95_MS = 50;

const SEARCH_QUERIES = [
  '车', '标准', '电池', '冰箱', '能效', '农药', '水产品', '锂离子', '电动汽车', '食品安全',
  'battery', 'batteries', 'fertilizer', 'labelling', 'refrigerators', 'pesticides', 'vehicles',
  'chlorpyrifos', 'conformity', 'certificate', 'electric vehicles', 'energy efficiency', 'lithium-ion',
];

function listCases(db: Database): Array<[string, ListInput]> {
  const recent = db.prepare('SELECT max(distribution_date) AS d FROM notifications').get() as { d: string | null };
  const today = recent.d ?? '2025-06-30';
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return [
    ['all, newest first', {}],
    ['member SAU, newest first', { memberCodes: ['SAU'] }],
    ['members RUS+KAZ+KGZ+ARM, newest first', { memberCodes: ['RUS', 'KAZ', 'KGZ', 'ARM'] }],
    ['SCO partners, TBT', { scoStatus: 'partner', area: 'TBT' }],
    ['SCO any, open for comments', { scoStatus: 'any', openForComments: true, today }],
    ['GCC bloc, deadline sort', { blocs: ['GCC'], sort: 'commentDeadline', direction: 'asc' }],
    ['TBT regular', { area: 'TBT', docTypes: ['regular'] }],
    ['addenda and corrigenda', { docTypes: ['addendum', 'corrigendum'] }],
    ['HS 8507', { hsCode: '8507' }],
    ['ICS 43', { icsCode: '43' }],
    ['keyword labelling', { keyword: 'Labelling' }],
    ['objective food safety', { objective: 'Food safety' }],
    ['distributed in the last year', { distributedFrom: yearAgo, distributedTo: today }],
    ['deadline within 30 days', { deadlineWithinDays: 30, today }],
    ['triage assessing', { triageStatuses: ['assessing'] }],
    ['triage new (untriaged)', { triageStatuses: ['new'] }],
    ['relevance high', { relevances: ['high'] }],
    ['industry ev + lithium-battery', { industries: ['ev', 'lithium-battery'] }],
    ['assignee', { assignee: '张敏' }],
    ['unassigned, SPS', { assignee: null, area: 'SPS' }],
    ['sort title asc', { sort: 'title', direction: 'asc' }],
    ['sort symbol desc', { sort: 'symbol', direction: 'desc' }],
    ['sort member asc', { sort: 'memberCode', direction: 'asc' }],
    ['sort member desc', { sort: 'memberCode', direction: 'desc' }],
    ['sort deadline asc', { sort: 'commentDeadline', direction: 'asc' }],
    ['sort deadline desc', { sort: 'commentDeadline', direction: 'desc' }],
    ['sort date asc', { sort: 'distributionDate', direction: 'asc' }],
    ['sort status desc', { sort: 'status', direction: 'desc' }],
    ['sort relevance desc', { sort: 'relevance', direction: 'desc' }],
    ['page 50 of all', { offset: 5000 }],
    ['page 30 of SCO countries', { scoStatus: 'any', offset: 3000 }],
    ['page 20 by title', { sort: 'title', direction: 'asc', offset: 2000 }],
    ['battery + SCO partners', { query: 'battery', scoStatus: 'partner' }],
    ['标准 + TBT by date', { query: '标准', area: 'TBT', sort: 'distributionDate' }],
    ['labelling + open', { query: 'labelling', openForComments: true, today }],
    ['pesticides + member USA by deadline', { query: 'pesticides', memberCodes: ['USA'], sort: 'commentDeadline' }],
  ];
}

export function percentiles(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number): number => Math.round(ms * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? 0), samples: sorted.length };
}

function timeCases(db: Database, cases: Array<[string, ListInput]>, rounds: number, all: number[]): CaseTiming[] {
  const out: CaseTiming[] = [];
  const run = (input: ListInput): number => listNotifications(db, NotificationsListInput.parse(input), TODAY).total;
  for (const [, input] of cases) run(input);
  const perCase = cases.map(() => [] as number[]);
  const totals = cases.map(([, input]) => run(input));
  // Rounds interleave the cases, as an analyst's searches would, rather than repeating one.
  for (let r = 0; r < rounds; r++) {
    cases.forEach(([, input], i) => {
      const t0 = performance.now();
      run(input);
      const ms = performance.now() - t0;
      perCase[i]!.push(ms);
      all.push(ms);
    });
  }
  cases.forEach(([name], i) => out.push({ name, total: totals[i]!, ...percentiles(perCase[i]!) }));
  return out;
}

/** Time the mixed query set and the filtered first pages on `db`. */
export function runSearchBench(db: Database, rounds = 5): SearchBenchResult {
  const notifications = (db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n;
  const symbols = (
    db.prepare('SELECT symbol FROM notifications WHERE id % 9973 = 17 ORDER BY id LIMIT 6').all() as Array<{ symbol: string }>
  ).map((r) => r.symbol);
  const searchCases: Array<[string, ListInput]> = [...SEARCH_QUERIES, ...symbols, 'G/TBT/N/SAU'].map((q) => [
    `search ${q}`,
    { query: q, limit: 100 },
  ]);
  const searchSamples: number[] = [];
  const listSamples: number[] = [];
  const cases = [
    ...timeCases(db, searchCases, rounds, searchSamples),
    ...timeCases(db, listCases(db).map(([name, input]) => [name, { limit: 100, ...input }]), rounds, listSamples),
  ];
  return { notifications, search: percentiles(searchSamples), list: percentiles(listSamples), cases };
}

/**
 * A throwaway store in `dataDir` filled with `rows` synthetic notifications (about a minute
 * for 105,000), for running the benchmark from scratch.
 */
export async function createSearchBenchStore(dataDir: string, rows = 105_000): Promise<Database> {
  const store = await openStore(dataDir, { skipBackup: true, clock: systemClock });
  insertSyntheticNotifications(store.db, { count: rows });
  return store.db;
}
