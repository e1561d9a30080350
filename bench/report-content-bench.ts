import type { Database } from 'better-sqlite3';
import { buildReportDocument } from '../electron/backend/reports/content/build-report';
import { ReportParams, type ReportKind } from '../shared/contract/reports';
import { fixedClock } from '../shared/domain/clock';

/** Building a report's content (before Word, PDF or Excel) stays well under this. */
export const CONTENT_TARGET_MS = 1000;

const BENCH_ACTOR = { uid: '00000000-0000-7000-8000-000000000000', name: 'bench' };

/**
 * The bulletin's period in a synthetic store: it ends on the latest distribution date and starts
 * on the day that makes it hold `count` notifications of SCO members and partners.
 */
export function bulletinPeriod(db: Database, count = 500): { from: string; to: string } {
  const to = db.prepare('SELECT max(distribution_date) FROM notifications').pluck().get() as string;
  const from = db
    .prepare(
      `SELECT n.distribution_date FROM notifications n JOIN countries c ON c.code = n.member_code
       WHERE c.sco_status IS NOT NULL AND n.distribution_date <= ? ORDER BY n.distribution_date DESC LIMIT 1 OFFSET ?`,
    )
    .pluck()
    .get(to, count - 1) as string | undefined;
  return { from: from ?? to, to };
}

export interface ContentTiming {
  kind: ReportKind;
  from: string;
  to: string;
  /** Median and slowest of the timed builds (one untimed build first). */
  medianMs: number;
  maxMs: number;
  notifications: number;
  charts: number;
}

/**
 * Time building each report's content over the bulletin's period (the country analysis for the
 * Gulf bloc, the widest): `rounds` builds after one untimed, with the clock the day after.
 */
export function timeReportContent(db: Database, rounds = 5): ContentTiming[] {
  const { from, to } = bulletinPeriod(db);
  const clock = fixedClock(`${to}T08:00:00Z`);
  return (['bulletin', 'country', 'outcomes'] as const).map((kind) => {
    const params = ReportParams.parse({ kind, from, to, member: kind === 'country' ? 'GCC' : null, issue: kind === 'bulletin' ? 4 : null });
    let doc = buildReportDocument(db, params, { clock, actor: BENCH_ACTOR });
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      doc = buildReportDocument(db, params, { clock, actor: BENCH_ACTOR });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const annex = doc.blocks.find((b) => b.type === 'table' && b.id === 'notifications');
    return {
      kind,
      from,
      to,
      medianMs: times[Math.floor(times.length / 2)]!,
      maxMs: times[times.length - 1]!,
      notifications: annex?.type === 'table' ? annex.rows.length : 0,
      charts: doc.blocks.filter((b) => b.type === 'chart').length,
    };
  });
}
