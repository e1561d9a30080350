import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type { Backend } from '../electron/backend/backend';
import { runWarningPass } from '../electron/backend/warnings/engine';
import { ReportParams } from '../shared/contract/reports';
import { fixedClock } from '../shared/domain/clock';
import { UNRECORDED_ANALYST_UID } from '../shared/domain/uid';
import { chromiumPdfRenderer } from '../electron/backend/pdf/chromium-pdf';
import { buildReportDocument } from '../electron/backend/reports/content/build-report';
import { reportDocx } from '../electron/backend/reports/render/report-docx';
import { reportHtml } from '../electron/backend/reports/render/report-html';
import { drawReportCharts, renderReportCharts } from '../electron/backend/reports/render/report-layout';
import { writeReportXlsx } from '../electron/backend/reports/render/report-xlsx';
import { insertSyntheticNotifications } from '../test/fixtures/synthetic-notifications';
import { addAnalysts, by, AUTHOR, commentWithPoints, submit } from '../test/helpers/comment-fixtures';
import { seedEnterprises } from './warnings-bench';

/**
 * A quarterly bulletin over 500 notifications of SCO members and partners, with its five
 * charts: Word and PDF each timed from the content to the file's bytes, as the report job makes
 * them. Targets are from the reports issue.
 */
export const WORD_TARGET_MS = 3000;
export const PDF_TARGET_MS = 5000;
export const QUARTER = { from: '2025-04-01', to: '2025-06-30' };
export const BULLETIN_NOTIFICATIONS = 500;

export interface ReportsBenchResult {
  notifications: number;
  charts: number;
  tables: number;
  wordMs: number;
  /** CPU time of the Word part (all this process' threads): less swayed by a busy machine than wall time. */
  wordCpuMs: number;
  pdfMs: number;
  /** The parts, for information: the content, the charts (once), Word's packing, the HTML printed. */
  parts: { contentMs: number; chartsMs: number; docxMs: number; printMs: number; xlsxMs: number };
  wordBytes: number;
  pdfBytes: number;
  /** The machine's 1-minute load average when the timed part began, and its cores. */
  load: { average: number; cores: number };
}

const BENCH_ACTOR = { uid: UNRECORDED_ANALYST_UID, name: 'bench' };

/**
 * The store: synthetic notifications over the years, 500 of those of SCO members and partners
 * moved into one quarter (their other fields as generated).
 */
export function seedReportsStore(db: Database): number {
  insertSyntheticNotifications(db, { count: 6000, until: '2025-03-31' });
  const ids = db
    .prepare(
      `SELECT n.id FROM notifications n JOIN countries c ON c.code = n.member_code
       WHERE c.sco_status IS NOT NULL ORDER BY n.id LIMIT ?`,
    )
    .pluck()
    .all(BULLETIN_NOTIFICATIONS) as number[];
  const move = db.prepare('UPDATE notifications SET distribution_date = ?, comment_deadline = ? WHERE id = ?');
  db.transaction(() => {
    ids.forEach((id, i) => {
      const day = new Date(Date.UTC(2025, 3, 1 + (i % 91)));
      const deadline = new Date(day.getTime() + 60 * 86_400_000);
      move.run(day.toISOString().slice(0, 10), deadline.toISOString().slice(0, 10), id);
    });
  })();
  return ids.length;
}

/** The bulletin's date: the clock of the bench's report, a few days after the quarter. */
const REPORT_AT = '2025-07-03T02:00:00.000Z';
const OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted', null] as const;

/**
 * What a working base has beside the notifications, so that the bulletin has all five charts
 * and its key-risk and comment tables: a registry of 200 enterprises scored by the warnings
 * engine (open warnings of every level), and 24 comments on the quarter's notifications
 * submitted in the quarter, two points each, most with outcomes recorded.
 */
export function seedReportsWork(backend: Backend): { warnings: number; comments: number } {
  const db = backend.ctx.db;
  const clock = fixedClock(REPORT_AT);
  seedEnterprises(db, 200, clock);
  const pass = runWarningPass(db, { kind: 'all' }, { actor: BENCH_ACTOR, clock });
  addAnalysts(backend);
  const targets = db
    .prepare(`SELECT id FROM notifications WHERE distribution_date BETWEEN ? AND ? ORDER BY id LIMIT 24`)
    .pluck()
    .all(QUARTER.from, QUARTER.to) as number[];
  targets.forEach((id, i) => {
    const day = new Date(Date.UTC(2025, 3, 5 + i * 3)).toISOString().slice(0, 10);
    const comment = submit(backend, commentWithPoints(backend, id, 2), day, `CHN/TBT/2025/${String(i + 1).padStart(3, '0')}`);
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    if (outcome === null) return;
    const later = new Date(Date.UTC(2025, 4, 5 + i * 3)).toISOString().slice(0, 10);
    for (const p of comment.content.points) {
      const o = p === comment.content.points[0] ? outcome : 'not_adopted';
      // Adoption needs evidence: the final regulation as published, a month on.
      const evidence = o === 'not_adopted' ? {} : { evidence: { kind: 'regulation' as const, reference: `最终法规第${i + 1}号`, date: later } };
      by(backend, AUTHOR).call('commentsRecordOutcome', { id: comment.id, pointKey: p.key, outcome: o, date: later, ...evidence });
    }
  });
  return { warnings: pass.created, comments: targets.length };
}

const time = async <T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
};

export async function runReportsBench(backend: Backend): Promise<ReportsBenchResult> {
  const db = backend.ctx.db;
  const notifications = seedReportsStore(db);
  seedReportsWork(backend);
  const params = ReportParams.parse({ kind: 'bulletin', ...QUARTER, issue: 2, compiler: 'bench' });
  const context = { clock: fixedClock(REPORT_AT), actor: BENCH_ACTOR };
  const load = { average: os.loadavg()[0]!, cores: os.cpus().length };
  // Word: content → charts → docx bytes.
  const cpu = process.cpuUsage();
  const content = await time(() => buildReportDocument(db, params, context));
  const charts = await time(() => renderReportCharts(content.value));
  const docx = await time(() => reportDocx(content.value, charts.value));
  const wordMs = content.ms + charts.ms + docx.ms;
  const used = process.cpuUsage(cpu);
  const wordCpuMs = (used.user + used.system) / 1000;
  // PDF, on its own from the content again, as a report made as PDF alone.
  const pdfStart = performance.now();
  const again = buildReportDocument(db, params, context);
  const html = reportHtml(again, drawReportCharts(again));
  const printStart = performance.now();
  const pdf = await chromiumPdfRenderer()(html);
  const printMs = performance.now() - printStart;
  const pdfMs = performance.now() - pdfStart;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-annex-'));
  try {
    const xlsx = await time(() => writeReportXlsx(path.join(dir, 'annex.xlsx'), content.value, { at: '2025-07-03T02:00:00.000Z', by: 'bench' }));
    return {
      notifications,
      charts: charts.value.size,
      tables: content.value.blocks.filter((b) => b.type === 'table').length,
      wordMs,
      wordCpuMs,
      pdfMs,
      parts: { contentMs: content.ms, chartsMs: charts.ms, docxMs: docx.ms, printMs, xlsxMs: xlsx.ms },
      wordBytes: docx.value.length,
      pdfBytes: pdf.length,
      load,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
