import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { JobResult } from '../../../shared/contract/jobs';
import type { ReportDocument, ReportFileEntry, ReportFormat } from '../../../shared/contract/reports';
import { recordAudit } from '../audit/audit-log';
import { newRecordStamp } from '../db/record-identity';
import { AppError } from '../errors';
import type { JobEnv } from '../jobs/job-kinds';
import type { JobParams } from '../jobs/job-protocol';
import { chromiumPdfRenderer } from '../pdf/chromium-pdf';
import { buildReportDocument } from './content/build-report';
import { reportDocx } from './render/report-docx';
import { reportHtml } from './render/report-html';
import { drawReportCharts, rasteriseReportCharts, type RenderedChart } from './render/report-layout';
import { writeReportXlsx } from './render/report-xlsx';
import { exportsDir, freeBaseName, reportBaseName } from './report-files';
import { readReport } from './report-history';

/** Formats in a fixed order (Word, PDF, Excel), each once. */
const FORMAT_ORDER: readonly ReportFormat[] = ['docx', 'pdf', 'xlsx'];

const cancelled = (): AppError => new AppError('CANCELLED', 'Making the report was cancelled; no file was kept and the history is unchanged');

/** The title the history shows: the document's, with the issue or period under it. */
function historyTitle(doc: ReportDocument): string {
  return doc.subtitle ? `${doc.title} ${doc.subtitle}` : doc.title;
}

/**
 * A file written under a temporary name in the exports folder; it gets its real name only once
 * every format asked for exists, so a failed or cancelled report leaves nothing half made.
 */
interface Pending {
  format: ReportFormat;
  temp: string;
}

/**
 * PDF: the job's renderer when the runner hands it one (the app's own Chromium through the
 * main process, see JobEnv.pdf), else an installed Chromium-family browser. A missing browser
 * fails the whole report (PDF_UNAVAILABLE) before any file is kept: the message says that Word
 * and Excel need none, so the analyst can make those alone.
 */
async function printPdf(env: JobEnv, html: string): Promise<Buffer> {
  const pdf = env.pdf ?? chromiumPdfRenderer();
  try {
    return await pdf(html);
  } catch (e) {
    if (e instanceof AppError && e.code === 'PDF_UNAVAILABLE') {
      throw new AppError('PDF_UNAVAILABLE', `${e.message} No report file was kept; Word and Excel need no browser, so the report can be made in those formats alone.`, e.details);
    }
    throw e;
  }
}

/**
 * Make a report in each format asked for, under <dataDir>/exports/, and enter it in the history:
 * content → charts (drawn once, for Word and PDF) → each format (the PDF printing alongside the
 * others) → the files take their names →
 * one transaction writes the history row and the audit entry. Cancellable between steps; a
 * cancelled or failed report leaves no file and no row.
 */
export async function runReportMake(db: Database, params: JobParams['reportMake'], env: JobEnv): Promise<JobResult<'reportMake'>> {
  const { signal } = env;
  const formats = FORMAT_ORDER.filter((f) => params.formats.includes(f));
  const total = 2 + formats.length;
  let done = 0;
  const step = (phase: string): void => {
    if (signal.aborted) throw cancelled();
    env.progress({ phase, done, total });
  };
  const dir = exportsDir(params.dataDir);
  const pending: Pending[] = [];
  const kept: string[] = [];
  try {
    step('content');
    const doc = buildReportDocument(db, params.params, { clock: env.clock, actor: params.actor });
    done++;
    step('charts');
    const charts: Map<string, RenderedChart> = formats.some((f) => f !== 'xlsx') ? drawReportCharts(doc, signal) : new Map();
    done++;
    fs.mkdirSync(dir, { recursive: true });
    // Private names, never shown: renamed or removed before the job ends.
    const tempOf = (format: ReportFormat): string => path.join(dir, `.report-${process.pid}-${crypto.randomUUID()}-${format}.tmp`);
    const madeAt = env.clock.now().toISOString();
    // The browser prints in a process of its own: it starts now and works while this thread
    // makes the charts' PNGs and the Word file, and the PDF step only waits for what is left.
    const printing = formats.includes('pdf') ? printPdf(env, reportHtml(doc, charts)) : null;
    // Awaited in its step; until then a failure must not count as unhandled.
    printing?.catch(() => undefined);
    for (const format of formats) {
      step(format);
      const temp = tempOf(format);
      pending.push({ format, temp });
      if (format === 'docx') {
        await rasteriseReportCharts(charts, signal);
        fs.writeFileSync(temp, await reportDocx(doc, charts));
      } else if (format === 'pdf') fs.writeFileSync(temp, await printing!);
      else await writeReportXlsx(temp, doc, { at: madeAt, by: params.actor.name }, signal);
      done++;
    }
    step('saving');
    const base = freeBaseName(dir, reportBaseName(doc.params, doc.date.slice(0, 4)), formats);
    const files: ReportFileEntry[] = pending.map((p) => ({ format: p.format, fileName: `${base}.${p.format}`, bytes: fs.statSync(p.temp).size }));
    if (signal.aborted) throw cancelled();
    pending.forEach((p, i) => {
      const target = path.join(dir, files[i]!.fileName);
      fs.renameSync(p.temp, target);
      kept.push(target);
    });
    pending.length = 0;
    const uid = recordReport(db, env, params, doc, files);
    env.progress({ phase: 'saving', done: total, total });
    return readReport(db, uid);
  } catch (e) {
    for (const p of pending) fs.rmSync(p.temp, { force: true });
    for (const file of kept) fs.rmSync(file, { force: true });
    // Cancelled is cancelled whichever step noticed it first (the Excel writer has its own word for it).
    throw signal.aborted ? cancelled() : e;
  }
}

/** The history row and its audit entry, in one transaction, once the files exist. */
function recordReport(db: Database, env: JobEnv, params: JobParams['reportMake'], doc: ReportDocument, files: ReportFileEntry[]): string {
  const stamp = newRecordStamp(params.actor, env.clock);
  const title = historyTitle(doc);
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO reports (uid, created_at, created_by, updated_at, updated_by, kind, period_from, period_to, member, issue, params, title, files)
         VALUES (@uid, @created_at, @created_by, @updated_at, @updated_by, @kind, @from, @to, @member, @issue, @params, @title, @files)`,
      )
      .run({
        ...stamp,
        kind: doc.kind,
        from: doc.params.from,
        to: doc.params.to,
        member: doc.params.member,
        issue: doc.params.issue,
        params: JSON.stringify(doc.params),
        title,
        files: JSON.stringify(files),
      });
    recordAudit(db, {
      at: env.clock.now(),
      actor: params.actor,
      action: 'create',
      entity: 'report',
      entityId: Number(lastInsertRowid),
      entityUid: stamp.uid,
      after: { kind: doc.kind, title, params: doc.params, files },
    });
  })();
  return stamp.uid;
}

