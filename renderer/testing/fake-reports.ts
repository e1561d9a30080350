import type {
  Channel,
  ChannelOutput,
  ChannelParsedInput,
  NotificationDetail,
  ReportBlock,
  ReportDocument,
  ReportFormat,
  ReportParams,
  ReportRecord,
} from '../../shared/contract';
import { ApiError } from '../../shared/result';
import type { FakeBackend } from './fake-backend';

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };

/** The reports side of the in-memory backend; reach it in a test with reportsOf(backend). */
export interface FakeReports {
  /** Reports made, newest first, tombstoned ones included (deleted: true). */
  records: Array<ReportRecord & { deleted: boolean }>;
  /** The jobs reportsMake started, by job id: what they were asked. */
  asked: Map<string, { params: ReportParams; formats: ReportFormat[] }>;
  /** Put a report in the history as if made earlier. */
  add(params: ReportParams, formats: ReportFormat[], at?: string): ReportRecord;
  /**
   * End a reportMake job as the worker would: a history entry with a file per format asked for
   * (less those in `missing`), jobDone and dataChanged('reports'); or its error.
   */
  finish(jobId: string, outcome?: { missing?: ReportFormat[] } | { error: { code: string; message: string } }): ReportRecord | null;
}

const states = new WeakMap<object, FakeReports>();

export function reportsOf(backend: FakeBackend): FakeReports {
  const state = states.get(backend);
  if (!state) throw new Error('this fake backend has no report state');
  return state;
}

const TITLES: Record<ReportParams['kind'], string> = {
  bulletin: '上合技贸措施简讯',
  country: '国别影响分析报告',
  outcomes: '评议成效报告',
};

const MEDIA: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const zhDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** A plausible document from the fake's notifications of the period: the blocks the screens lay out. */
function buildDocument(params: ReportParams, notifications: NotificationDetail[], organisation: string, compiler: string, today: string): ReportDocument {
  const inPeriod = notifications.filter(
    (n) => n.distributionDate !== null && n.distributionDate >= params.from && n.distributionDate <= params.to && (params.member === null || n.memberCode === params.member),
  );
  const byMember = new Map<string, { name: string; tbt: number; sps: number }>();
  for (const n of inPeriod) {
    const row = byMember.get(n.memberCode) ?? { name: n.memberName, tbt: 0, sps: 0 };
    if (n.area === 'SPS') row.sps += 1;
    else row.tbt += 1;
    byMember.set(n.memberCode, row);
  }
  const members = [...byMember.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const tbt = inPeriod.filter((n) => n.area !== 'SPS').length;
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: '一、概况' },
    { type: 'paragraph', text: `${zhDate(params.from)}至${zhDate(params.to)}，共收到通报${inPeriod.length}件，其中TBT通报${tbt}件，SPS通报${inPeriod.length - tbt}件。` },
    {
      type: 'table',
      id: 'members',
      title: '各成员通报数量',
      columns: [
        { key: 'member', header: '成员', kind: 'text', width: 2 },
        { key: 'tbt', header: 'TBT', kind: 'number' },
        { key: 'sps', header: 'SPS', kind: 'number' },
      ],
      rows: members.map((m) => [m.name, m.tbt, m.sps]),
    },
    {
      type: 'chart',
      id: 'per-member',
      chart: { kind: 'bar', title: '各成员通报数量', categories: members.map((m) => m.name), series: [{ name: '通报', values: members.map((m) => m.tbt + m.sps) }], unit: '件' },
    },
    { type: 'heading', level: 1, text: '二、新通报' },
    inPeriod.length === 0 ? { type: 'paragraph', text: '本期无新通报。' } : { type: 'list', items: inPeriod.map((n) => `${n.symbol} ${n.titleZh ?? n.title}`) },
    {
      type: 'table',
      id: 'notifications',
      title: '通报清单',
      columns: [
        { key: 'symbol', header: '通报号', kind: 'text' },
        { key: 'date', header: '发布日期', kind: 'date' },
      ],
      rows: inPeriod.map((n) => [n.symbol, n.distributionDate ?? null]),
      annexOnly: true,
    },
  ];
  if (params.kind === 'country') {
    blocks.push({ type: 'heading', level: 1, text: '三、建议' }, { type: 'recommendations', text: params.recommendations });
  }
  return {
    kind: params.kind,
    params,
    title: TITLES[params.kind],
    subtitle: params.kind === 'bulletin' && params.issue !== null ? `${params.to.slice(0, 4)}年第${params.issue}期` : `${zhDate(params.from)}至${zhDate(params.to)}`,
    organisation,
    compiler,
    date: today,
    blocks,
  };
}

/**
 * Report channels over plain objects: the preview built from the fake's notifications, making
 * as a job the test ends with reportsOf(backend).finish(), the history with its next issue
 * number, files fetched inline, removal as a tombstone with dataChanged('reports').
 */
export function fakeReportHandlers(
  backend: Pick<FakeBackend, 'emit' | 'now' | 'jobs' | 'notifications' | 'settings'>,
  actingAs: () => { name: string; uid: string },
): Handlers {
  let count = 0;
  const nextUid = (): string => {
    count += 1;
    return `01936b2e-0000-7000-8000-${count.toString(16).padStart(12, '0')}`;
  };
  const compilerOf = (params: ReportParams): string => params.compiler ?? actingAs().name;
  const record = (params: ReportParams, formats: ReportFormat[], at: string): ReportRecord & { deleted: boolean } => {
    const by = actingAs();
    const resolved = { ...params, compiler: compilerOf(params) };
    const title = params.kind === 'bulletin' && params.issue !== null ? `${TITLES.bulletin}（第${params.issue}期）` : TITLES[params.kind];
    const stem = `${TITLES[params.kind]}-${params.from}-${params.to}`;
    return {
      uid: nextUid(),
      kind: params.kind,
      params: resolved,
      title,
      files: formats.map((format) => ({ format, fileName: `${stem}.${format}`, bytes: 1024 * (formats.indexOf(format) + 1) })),
      createdAt: at,
      createdBy: by.name,
      createdByUid: by.uid,
      deleted: false,
    };
  };
  const state: FakeReports = {
    records: [],
    asked: new Map(),
    add(params, formats, at = backend.now) {
      const made = record(params, formats, at);
      state.records.unshift(made);
      const { deleted: _deleted, ...kept } = made;
      return kept;
    },
    finish(jobId, outcome = {}) {
      const job = backend.jobs.get(jobId);
      const asked = state.asked.get(jobId);
      if (job.kind !== 'reportMake' || !asked) throw new Error(`${jobId} is not a report job`);
      if ('error' in outcome) {
        Object.assign(job, { status: 'failed', phase: 'failed', error: outcome.error });
        backend.emit('jobDone', { jobId, kind: 'reportMake', ok: false, status: 'failed', error: outcome.error });
        return null;
      }
      const made = state.add(asked.params, asked.formats.filter((f) => !outcome.missing?.includes(f)));
      const result = made;
      Object.assign(job, { status: 'done', phase: 'done', result });
      backend.emit('jobDone', { jobId, kind: 'reportMake', ok: true, status: 'done', result });
      backend.emit('dataChanged', { entity: 'reports', ids: [made.uid] });
      return result;
    },
  };
  states.set(backend, state);
  const live = (): ReportRecord[] => state.records.filter((r) => !r.deleted).map(({ deleted: _deleted, ...r }) => r);
  const find = (uid: string): ReportRecord & { deleted: boolean } => {
    const found = state.records.find((r) => r.uid === uid && !r.deleted);
    if (!found) throw new ApiError({ code: 'NOT_FOUND', message: `report ${uid} does not exist` });
    return found;
  };

  return {
    reportsPreview: (params) =>
      buildDocument(params, backend.notifications, backend.settings.letterContact.organisation, compilerOf(params), backend.now.slice(0, 10)),
    reportsMake: ({ params, formats }) => {
      const job = backend.jobs.start('reportMake', { kind: params.kind, from: params.from, to: params.to, member: params.member, formats });
      state.asked.set(job.jobId, { params, formats });
      return { jobId: job.jobId };
    },
    reportsHistory: ({ kind, limit }) => {
      const items = live().filter((r) => kind === undefined || r.kind === kind);
      const issues = state.records.filter((r) => r.kind === 'bulletin').map((r) => r.params.issue ?? 0);
      return { items: items.slice(0, limit), nextBulletinIssue: Math.max(0, ...issues) + 1 };
    },
    reportsFetch: ({ uid, format }) => {
      const file = find(uid).files.find((f) => f.format === format);
      if (!file) throw new ApiError({ code: 'NOT_FOUND', message: `report ${uid} has no ${format} file` });
      return { path: `/tmp/pingyi-fake/exports/${file.fileName}`, fileName: file.fileName, bytes: 4, mediaType: MEDIA[format], base64: btoa('PK\u0003\u0004') };
    },
    reportsDelete: ({ uid }) => {
      const found = state.records.find((r) => r.uid === uid && !r.deleted);
      if (!found) return { deleted: false };
      found.deleted = true;
      backend.emit('dataChanged', { entity: 'reports', ids: [uid] });
      return { deleted: true };
    },
  };
}
