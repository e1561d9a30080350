import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { fixedClock, type Clock } from '../shared/domain/clock';
import { UNRECORDED_ANALYST_UID, newUid } from '../shared/domain/uid';
import { runWarningPass, type WarningScope } from '../electron/backend/warnings/engine';
import { WARNING_SELECT, warningListItem, type WarningRow } from '../electron/backend/warnings/warning-read';
import { seededRandom } from '../test/fixtures/synthetic-eping';
import { syntheticNotifications } from '../test/fixtures/synthetic-notifications';
import { percentiles, type Timing } from './search-bench';
import { ownThreadCpuMs } from './thread-cpu';

/**
 * The warnings engine on the benchmark store: a seeded registry of enterprises scored against
 * the 105,000 synthetic notifications, a full recomputation, the pass after an import of new
 * notifications, and the inbox's first page. Targets are from the risk-warnings issue.
 */
export const FULL_TARGET_MS = 5000;
export const INCREMENTAL_TARGET_MS = 1000;
export const INBOX_TARGET_P95_MS = 50;
export const RSS_TARGET_MB = 600;

export interface WarningsBenchResult {
  enterprises: number;
  lines: number;
  /** Measures in the window, warnings written by the full pass. */
  warnings: number;
  fullMs: number;
  full: { scored: number; created: number };
  /** A second full pass over the same store (nothing changed: compare digests only). */
  unchangedMs: number;
  incrementalMs: number;
  incremental: { scored: number; created: number; changed: number };
  inbox: Timing;
  /**
   * CPU time of the passes' thread (Linux; null elsewhere): on a shared machine the wall time
   * swells with the other processes' load, the CPU time far less.
   */
  cpuMs: { full: number | null; unchanged: number | null; incremental: number | null };
  /** The machine's 1-minute load average when the step began, and its cores. */
  load: { average: number; cores: number };
}

const BENCH_ACTOR = { uid: UNRECORDED_ANALYST_UID, name: 'bench' };

/** Markets an enterprise of the base exports to: SCO members and partners (China aside) and the Gulf and EAEU blocs. */
function markets(db: Database): string[] {
  return db
    .prepare(`SELECT code FROM countries WHERE sco_status IS NOT NULL AND code <> 'CHN' UNION SELECT country_code FROM country_blocs ORDER BY 1`)
    .pluck()
    .all() as string[];
}

/**
 * A registry of `count` enterprises with 1-5 products each, drawn from the HS codes the
 * notifications use (extended to six digits, a third of them moved to a neighbouring line of
 * the same heading), 1-4 markets, and log-normal annual values (median about 440,000 USD; one
 * line in ten with no figure). Seeded: the same registry every run.
 */
export function seedEnterprises(db: Database, count: number, clock: Clock, seed = 20261207): { enterprises: number; lines: number } {
  const rnd = seededRandom(seed);
  const codes = db.prepare(`SELECT DISTINCT code FROM notification_codes WHERE kind = 'hs' ORDER BY code`).pluck().all() as string[];
  const places = markets(db);
  const at = clock.now().toISOString();
  const enterprise = db.prepare(
    `INSERT INTO enterprises (uid, created_at, created_by, updated_at, updated_by, name, credit_code, industry) VALUES (?, ?, ?, ?, ?, ?, ?, '')`,
  );
  const line = db.prepare(
    `INSERT OR IGNORE INTO enterprise_exposure (uid, created_at, created_by, updated_at, updated_by, enterprise_uid, hs_code, market, annual_export_usd)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  // Box-Muller: a normal draw for the log-normal values.
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  let lines = 0;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const uid = newUid(clock);
      enterprise.run(uid, at, BENCH_ACTOR.uid, at, BENCH_ACTOR.uid, `基准企业${i + 1}`, `9133${String(i).padStart(13, '0')}X`);
      const products = 1 + Math.floor(rnd() * 5);
      for (let p = 0; p < products; p++) {
        let code = codes[Math.floor(rnd() * codes.length)]!;
        code = code.length >= 6 ? code.slice(0, 6) : code + digits(6 - code.length);
        if (rnd() < 0.33) code = code.slice(0, 4) + digits(2);
        const reach = 1 + Math.floor(rnd() * 4);
        for (let m = 0; m < reach; m++) {
          const market = places[Math.floor(rnd() * places.length)]!;
          const value = rnd() < 0.1 ? null : Math.round(Math.exp(13 + 1.5 * normal()));
          lines += line.run(newUid(clock), at, BENCH_ACTOR.uid, at, BENCH_ACTOR.uid, uid, code, market, value).changes;
        }
      }
    }
  })();
  return { enterprises: count, lines };
}

/** `count` new notifications distributed in the month before `today`, as an import adds them; their ids. */
function addRecentNotifications(db: Database, count: number, today: string): number[] {
  const insert = db.prepare(`
    INSERT INTO notifications (symbol, area, member_code, base_symbol, doc_type, title, description, products, hs_codes, ics_codes,
      keywords, objectives, notification_type, distribution_date, comment_deadline, source, created_at, updated_at)
    VALUES (@symbol, @area, @memberCode, @baseSymbol, @docType, @title, @description, @products, @hsCodes, @icsCodes, @keywords,
      @objectives, @notificationType, @distributionDate, @commentDeadline, 'eping', @now, @now)`);
  const ids: number[] = [];
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  let i = 0;
  db.transaction(() => {
    for (const n of syntheticNotifications({ count, seed: 7, until: today })) {
      i += 1;
      // Numbers no synthetic notification has: each a new measure, every tenth an addendum to one just added.
      const number = 900_000 + (i % 10 === 0 ? i - 1 : i);
      const base = `G/${n.area}/N/${n.memberCode}/${number}`;
      const distributed = new Date(todayMs - Math.floor((i % 30) * 86_400_000)).toISOString().slice(0, 10);
      ids.push(
        Number(
          insert.run({
            ...n,
            symbol: i % 10 === 0 ? `${base}/Add.1` : base,
            baseSymbol: base,
            docType: i % 10 === 0 ? 'addendum' : n.docType === 'emergency' ? 'emergency' : 'regular',
            hsCodes: JSON.stringify(n.hsCodes),
            icsCodes: JSON.stringify(n.icsCodes),
            keywords: JSON.stringify(n.keywords),
            objectives: JSON.stringify(n.objectives),
            distributionDate: distributed,
            commentDeadline: new Date(Date.parse(`${distributed}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10),
            now: new Date(todayMs).toISOString(),
          }).lastInsertRowid,
        ),
      );
    }
  })();
  return ids;
}

/** The inbox's first page, as the workflow lists it: open warnings, highest score first. */
function inboxFirstPage(db: Database): number {
  const rows = db.prepare(`${WARNING_SELECT} WHERE w.deleted_at IS NULL AND w.state <> 'closed' ORDER BY w.score DESC, w.id LIMIT 50`).all() as WarningRow[];
  return rows.map(warningListItem).length;
}

/**
 * Run the warnings bench on a store holding the synthetic notifications. The clock stands the
 * day after the latest notification, so the rules' one-year window holds the latest year of
 * them, as it would for an analyst working on that store.
 */
export function runWarningsBench(db: Database, enterprises = 1000, rounds = 40): WarningsBenchResult {
  const load = { average: os.loadavg()[0] ?? 0, cores: os.cpus().length };
  const latest = db.prepare('SELECT max(distribution_date) FROM notifications').pluck().get() as string;
  const clock = fixedClock(`${new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T08:00:00Z`);
  const today = clock.now().toISOString().slice(0, 10);
  const seeded = seedEnterprises(db, enterprises, clock);
  const pass = (scope: WarningScope) => {
    const cpu = ownThreadCpuMs();
    const t = performance.now();
    const summary = runWarningPass(db, scope, { actor: BENCH_ACTOR, clock });
    const ms = performance.now() - t;
    const after = ownThreadCpuMs();
    return { ms, cpuMs: cpu === null || after === null ? null : after - cpu, summary };
  };
  const full = pass({ kind: 'all' });
  const again = pass({ kind: 'all' });
  const ids = addRecentNotifications(db, 1000, today);
  const incremental = pass({ kind: 'notifications', ids });
  const samples: number[] = [];
  inboxFirstPage(db);
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    inboxFirstPage(db);
    samples.push(performance.now() - t);
  }
  return {
    enterprises: seeded.enterprises,
    lines: seeded.lines,
    warnings: db.prepare('SELECT count(*) FROM warnings').pluck().get() as number,
    fullMs: full.ms,
    full: { scored: full.summary.scored, created: full.summary.created },
    unchangedMs: again.ms,
    incrementalMs: incremental.ms,
    incremental: { scored: incremental.summary.scored, created: incremental.summary.created, changed: incremental.summary.changed },
    inbox: percentiles(samples),
    cpuMs: { full: full.cpuMs, unchanged: again.cpuMs, incremental: incremental.cpuMs },
    load,
  };
}
