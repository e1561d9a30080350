import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { EventName } from '../../shared/contract';
import type { ReportParams, ReportParamsInput } from '../../shared/contract/reports';
import type { Clock } from '../../shared/domain/clock';
import { ApiError } from '../../shared/result';
import { AUTHOR, addAnalysts } from '../helpers/comment-fixtures';
import { readDocx } from '../helpers/read-docx';
import { emptyBackend, testClock } from '../helpers/temp-store';

// The content is built by its own module (and tested there); a fixed hand-built document stands
// in for it here, so that these tests follow the job alone: layout, files, history, events.
vi.mock('../../electron/backend/reports/content/build-report', async () => {
  const { fixtureDocument } = await import('../helpers/report-fixtures');
  const { todayOf } = await import('../../shared/domain/clock');
  return {
    buildReportDocument: (
      _db: unknown,
      params: ReportParams,
      context: { clock: Clock; actor: { name: string } },
    ) => {
      const compiler = params.compiler ?? context.actor.name;
      return { ...fixtureDocument(params.kind, { rows: 12, date: todayOf(context.clock) }), params: { ...params, compiler }, compiler };
    },
  };
});

const hasChromium = fs.existsSync(process.env.PINGYI_CHROMIUM ?? '/usr/bin/chromium');
const savedChromium = process.env.PINGYI_CHROMIUM;

let backend: Backend;
let dir: string;
let cleanup: () => void;
let events: Array<{ name: EventName; payload: unknown }>;

beforeEach(async () => {
  ({ backend, dir, cleanup } = await emptyBackend(testClock()));
  addAnalysts(backend);
  events = [];
  backend.subscribe((name, payload) => events.push({ name, payload }));
});
afterEach(() => {
  cleanup();
  if (savedChromium === undefined) delete process.env.PINGYI_CHROMIUM;
  else process.env.PINGYI_CHROMIUM = savedChromium;
});

const BULLETIN: ReportParamsInput = { kind: 'bulletin', from: '2026-09-01', to: '2026-11-30', issue: 3 };
const exportsDir = (): string => path.join(dir, 'exports');
const exported = (): string[] => (fs.existsSync(exportsDir()) ? fs.readdirSync(exportsDir()).sort() : []);
const rows = (sql: string): unknown[] => backend.ctx.db.prepare(sql).all();

async function make(params: ReportParamsInput, formats: Array<'docx' | 'pdf' | 'xlsx'>) {
  const { jobId } = backend.call('reportsMake', { params: params as never, formats });
  return backend.ctx.jobs.settle(jobId);
}

describe('making a report (the reportMake job)', () => {
  it('writes each format asked for, named after the bulletin’s issue, and enters it in the history with an audit entry', async () => {
    const formats = hasChromium ? (['xlsx', 'docx', 'pdf'] as const) : (['xlsx', 'docx'] as const);
    const ended = await make(BULLETIN, [...formats]);
    expect(ended.status, JSON.stringify(ended.error)).toBe('done');
    if (ended.kind !== 'reportMake' || !ended.result) throw new Error('no result');
    const record = ended.result;
    const names = ['docx', 'pdf', 'xlsx'].filter((f) => (formats as readonly string[]).includes(f)).map((f) => `上合技贸措施简讯-2026年第3期.${f}`);
    expect(record.files.map((f) => f.fileName)).toEqual(names);
    expect(exported()).toEqual([...names].sort());
    for (const f of record.files) expect(fs.statSync(path.join(exportsDir(), f.fileName)).size).toBe(f.bytes);
    expect(record.kind).toBe('bulletin');
    expect(record.title).toBe('上合技贸措施简讯 2026年第3期');
    expect(record.createdBy).toBe(AUTHOR);
    expect(record.params).toMatchObject({ kind: 'bulletin', from: '2026-09-01', to: '2026-11-30', issue: 3, compiler: AUTHOR });

    const row = backend.ctx.db.prepare('SELECT r.*, a.name FROM reports r JOIN analysts a ON a.uid = r.created_by WHERE r.uid = ?').get(record.uid) as Record<string, unknown>;
    expect(row).toMatchObject({ kind: 'bulletin', period_from: '2026-09-01', period_to: '2026-11-30', issue: 3, member: null, name: AUTHOR, deleted_at: null });
    expect(JSON.parse(row.files as string)).toEqual(record.files);
    expect(rows("SELECT action, entity_uid FROM audit_log WHERE entity = 'report'")).toEqual([{ action: 'create', entity_uid: record.uid }]);
    expect(events.filter((e) => e.name === 'dataChanged')).toEqual([{ name: 'dataChanged', payload: { entity: 'reports', ids: [record.uid] } }]);

    const history = backend.call('reportsHistory', {});
    expect(history.items.map((r) => r.uid)).toEqual([record.uid]);
    expect(history.nextBulletinIssue).toBe(4);

    // The Word file is the report laid out: its masthead and the job's progress phases in order.
    const docx = await backend.callAsync('reportsFetch', { uid: record.uid, format: 'docx' });
    const bytes = Buffer.from(docx.base64!, 'base64');
    expect(bytes.equals(fs.readFileSync(path.join(exportsDir(), names[0]!)))).toBe(true);
    expect(docx.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await readDocx(bytes)).paragraphs).toContain('上合技贸措施简讯');
    const phases = events.filter((e) => e.name === 'jobProgress').map((e) => (e.payload as { phase: string }).phase);
    expect([...new Set(phases)]).toEqual(['content', 'charts', ...names.map((n) => n.split('.').pop()!), 'saving']);
    if (hasChromium) {
      const pdf = await backend.callAsync('reportsFetch', { uid: record.uid, format: 'pdf' });
      expect(pdf.mediaType).toBe('application/pdf');
      expect(Buffer.from(pdf.base64!, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 120_000);

  it('never overwrites: the same report made again gets -2 on all its files, and the history lists newest first by kind', async () => {
    const first = await make(BULLETIN, ['xlsx']);
    const second = await make(BULLETIN, ['docx', 'xlsx']);
    const country = await make({ kind: 'country', from: '2026-09-01', to: '2026-11-30', member: 'RUS' }, ['xlsx']);
    expect(exported()).toEqual(['上合技贸措施简讯-2026年第3期-2.docx', '上合技贸措施简讯-2026年第3期-2.xlsx', '上合技贸措施简讯-2026年第3期.xlsx', '国别影响分析-RUS-2026-09-01至2026-11-30.xlsx'].sort());
    const uid = (s: typeof first): string => (s.kind === 'reportMake' && s.result ? s.result.uid : '');
    expect(backend.call('reportsHistory', {}).items.map((r) => r.uid)).toEqual([uid(country), uid(second), uid(first)]);
    expect(backend.call('reportsHistory', { kind: 'bulletin' }).items.map((r) => r.uid)).toEqual([uid(second), uid(first)]);
    expect(backend.call('reportsHistory', { kind: 'country', limit: 1 }).items.map((r) => r.params.member)).toEqual(['RUS']);
  }, 120_000);

  it('removes a report from the history with a tombstone; its issue number is free again and its files no longer fetched', async () => {
    const ended = await make(BULLETIN, ['xlsx']);
    const uid = ended.kind === 'reportMake' && ended.result ? ended.result.uid : '';
    events.length = 0;
    expect(backend.call('reportsDelete', { uid })).toEqual({ deleted: true });
    expect(events).toEqual([{ name: 'dataChanged', payload: { entity: 'reports', ids: [uid] } }]);
    expect(rows(`SELECT deleted_by IS NOT NULL AS gone FROM reports WHERE uid = '${uid}'`)).toEqual([{ gone: 1 }]);
    expect(rows("SELECT action FROM audit_log WHERE entity = 'report' ORDER BY id")).toEqual([{ action: 'create' }, { action: 'delete' }]);
    expect(backend.call('reportsHistory', {})).toEqual({ items: [], nextBulletinIssue: 1 });
    await expect(backend.callAsync('reportsFetch', { uid, format: 'xlsx' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(backend.call('reportsDelete', { uid })).toEqual({ deleted: false });
  }, 60_000);

  it('answers NOT_FOUND for a format not made and for a file gone from the exports folder', async () => {
    const ended = await make(BULLETIN, ['xlsx']);
    const record = ended.kind === 'reportMake' && ended.result ? ended.result : null;
    await expect(backend.callAsync('reportsFetch', { uid: record!.uid, format: 'docx' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    fs.rmSync(path.join(exportsDir(), record!.files[0]!.fileName));
    const error = await backend.callAsync('reportsFetch', { uid: record!.uid, format: 'xlsx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no longer in the exports folder') });
  }, 60_000);

  it('leaves no file and no history row when cancelled between formats', async () => {
    backend.subscribe((name, payload) => {
      const p = payload as { jobId: string; phase: string };
      if (name === 'jobProgress' && p.phase === 'xlsx') backend.ctx.jobs.cancel(p.jobId);
    });
    const ended = await make(BULLETIN, ['docx', 'xlsx']);
    expect(ended.status).toBe('cancelled');
    expect(ended.error?.message).toContain('no file was kept');
    expect(exported()).toEqual([]);
    expect(rows('SELECT uid FROM reports')).toEqual([]);
    expect(rows("SELECT id FROM audit_log WHERE entity = 'report'")).toEqual([]);
    expect(events.filter((e) => e.name === 'dataChanged')).toEqual([]);
  }, 60_000);

  it('fails with PDF_UNAVAILABLE, keeping no file, when no browser can print, and says Word and Excel need none', async () => {
    process.env.PINGYI_CHROMIUM = path.join(dir, 'no-such-browser');
    const ended = await make(BULLETIN, ['docx', 'pdf', 'xlsx']);
    expect(ended.status).toBe('failed');
    expect(ended.error).toMatchObject({ code: 'PDF_UNAVAILABLE', message: expect.stringContaining('Word and Excel need no browser') });
    expect(exported()).toEqual([]);
    expect(rows('SELECT uid FROM reports')).toEqual([]);
  }, 60_000);

  it('refuses parameters the contract does not allow, starting no job', () => {
    expect(() => backend.call('reportsMake', { params: { kind: 'country', from: '2026-09-01', to: '2026-11-30' } as never, formats: ['docx'] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => backend.call('reportsMake', { params: BULLETIN as never, formats: [] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => backend.call('reportsMake', { params: { ...BULLETIN, from: '2026-12-01' } as never, formats: ['docx'] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(backend.ctx.jobs.pending('reportMake')).toEqual([]);
  });
});
