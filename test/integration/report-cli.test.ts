import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAnalyst } from '../../electron/backend/analysts/analysts';
import { startBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/cli/run-cli';
import { ReportParams } from '../../shared/contract/reports';
import { AUTHOR, addAnalysts } from '../helpers/comment-fixtures';
import { letterStore } from '../helpers/letter-fixtures';
import { readDocx } from '../helpers/read-docx';
import { TEST_NOW, makeTempDir, testClock } from '../helpers/temp-store';

let tmp: ReturnType<typeof makeTempDir>;

/** A store with a few notifications (a Saudi and a UAE measure, two Kenyan ones), warnings and enterprises. */
beforeEach(async () => {
  tmp = makeTempDir();
  const clock = testClock();
  const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
  try {
    addAnalysts(backend);
    await letterStore(backend.ctx.db, clock, actingAnalyst(backend.ctx.db).uid);
  } finally {
    backend.close();
  }
});
afterEach(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir, PINGYI_NOW: TEST_NOW });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pingyi report: the command line', () => {
  it('says what is wrong before starting anything', async () => {
    const out = path.join(tmp.dir, 'r.docx');
    const cases: Array<[string[], string]> = [
      [['report'], 'say which report: bulletin, country, outcomes'],
      [['report', 'weekly', '--from', '2026-09-01', '--to', '2026-11-30', '--format', 'docx', '--out', out], 'unknown report "weekly"'],
      [['report', 'bulletin', '--to', '2026-11-30', '--format', 'docx', '--out', out], '--from DATE and --to DATE (YYYY-MM-DD) are required'],
      [['report', 'bulletin', '--from', '2026-09-01', '--to', '2026-11-30', '--format', 'doc', '--out', out], '--format must be docx, pdf or xlsx, not doc'],
      [['report', 'bulletin', '--from', '2026-09-01', '--to', '2026-11-30', '--format', 'docx'], '--out FILE is required'],
      [['report', 'bulletin', '--from', '2026-09-01', '--to', '2026-11-30', '--issue', 'three', '--format', 'docx', '--out', out], '--issue must be a whole number, not three'],
      [['report', 'bulletin', '--from', '2026-09-31', '--to', '2026-11-30', '--format', 'docx', '--out', out], '--from: not a date in the calendar'],
      [['report', 'bulletin', '--from', '2026-12-01', '--to', '2026-11-30', '--format', 'docx', '--out', out], '--to: the period ends before it starts'],
      [['report', 'country', '--from', '2026-09-01', '--to', '2026-11-30', '--format', 'pdf', '--out', out], '--member: choose the member or bloc to analyse'],
      [['report', 'country', '--from', '2026-09-01', '--to', '2026-11-30', '--member', 'russia', '--format', 'pdf', '--out', out], '--member'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(message);
      expect(r.err).toContain('Usage: pingyi report bulletin|country|outcomes');
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.join(tmp.dir, 'exports'))).toBe(false);
  });
});

describe('pingyi report: a real run over the store', () => {
  it('makes the bulletin as Word through the report job, copies it to --out and enters it in the history', async () => {
    const target = path.join(tmp.dir, 'out', 'bulletin.docx');
    const r = await cli('report', 'bulletin', '--from', '2026-01-01', '--to', '2026-11-30', '--issue', '7', '--format', 'docx', '--out', target, '--json');
    expect(r.code, r.err).toBe(0);
    const answer = JSON.parse(r.out) as { path: string; exportedAs: string; report: { uid: string; files: Array<{ fileName: string }>; createdBy: string } };
    expect(answer.path).toBe(target);
    expect(path.basename(answer.exportedAs)).toBe('上合技贸措施简讯-2026年第7期.docx');
    expect(answer.report.createdBy).toBe(AUTHOR);
    expect(fs.readFileSync(target).equals(fs.readFileSync(answer.exportedAs))).toBe(true);
    const docx = await readDocx(target);
    expect(docx.paragraphs).toContain('上合技贸措施简讯');
    expect(docx.documentXml).toContain('G/TBT/N/SAU/1201');

    const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock: testClock() });
    try {
      const history = backend.call('reportsHistory', {});
      expect(history.items.map((i) => i.uid)).toEqual([answer.report.uid]);
      expect(history.nextBulletinIssue).toBe(8);
    } finally {
      backend.close();
    }
  }, 120_000);

  it('makes the Excel annex and the PDF of a country analysis', async () => {
    const xlsx = path.join(tmp.dir, 'sau.xlsx');
    const made = await cli('report', 'country', '--from', '2026-01-01', '--to', '2026-11-30', '--member', 'sau', '--format', 'xlsx', '--out', xlsx);
    expect(made.code, made.err).toBe(0);
    // Progress on stderr, a line per phase (--json keeps it quiet).
    expect(made.err).toMatch(/report: content[\s\S]*report: charts[\s\S]*report: xlsx[\s\S]*report: saving/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]!.name).toBe('说明');
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toContain('SAU');

    if (!fs.existsSync(process.env.PINGYI_CHROMIUM ?? '/usr/bin/chromium')) return;
    const pdf = path.join(tmp.dir, 'sau.pdf');
    const printed = await cli('report', 'country', '--from', '2026-01-01', '--to', '2026-11-30', '--member', 'SAU', '--format', 'pdf', '--out', pdf);
    expect(printed.code, printed.err).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('沙特阿拉伯');
    expect(text).toContain('—1—');
  }, 180_000);

  it('prints the PDF with the backend’s own renderer when the job runs on a worker thread', async () => {
    const backend = await startBackend({
      dataDir: tmp.dir,
      appVersion: 'test',
      clock: testClock(),
      worker: { script: path.resolve('test/helpers/worker-bootstrap.mjs') },
    });
    try {
      const printed: string[] = [];
      // Stands in for Electron's printToPDF, which only the main process can reach.
      backend.ctx.pdf = (html) => {
        printed.push(html);
        return Promise.resolve(Buffer.from('%PDF-1.7 printed on the main thread'));
      };
      const { jobId } = backend.call('reportsMake', { params: ReportParams.parse({ kind: 'bulletin', from: '2026-01-01', to: '2026-11-30' }), formats: ['pdf'] });
      const ended = await backend.ctx.jobs.settle(jobId);
      expect(ended.status, JSON.stringify(ended.error)).toBe('done');
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain('上合技贸措施简讯');
      const file = await backend.callAsync('reportsFetch', { uid: ended.kind === 'reportMake' ? ended.result!.uid : '', format: 'pdf' });
      expect(Buffer.from(file.base64!, 'base64').toString('latin1')).toBe('%PDF-1.7 printed on the main thread');
    } finally {
      backend.close();
    }
  }, 120_000);
});
