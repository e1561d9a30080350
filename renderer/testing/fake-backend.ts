import type { z } from 'zod';
import { fakeExportHandlers } from './fake-exports';
import {
  contract,
  events,
  type StoreHealthInfo,
  MAX_TRIAGE_BATCH,
  type AppInfo,
  type AuditEntry,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
  type Country,
  type DataEntity,
  type EventName,
  type EventPayload,
  type NotificationDetail,
  type SavedSearch,
  type Settings,
} from '../../shared/contract';
import { UNRECORDED_ANALYST_UID } from '../../shared/domain/uid';
import { ApiError, type ApiErrorBody } from '../../shared/result';
import { createClient, type ApiClient } from '../api/client';
import type { Transport } from '../api/transport';
import { DEMO_SET, FAKE_COUNTRIES, FAKE_INDUSTRIES, makeNotification } from './fake-data';
import { FakeBackups } from './fake-backups';
import { fakeActing } from './fake-analysts';
import { commentsOf, fakeCommentHandlers } from './fake-comments';
import { fakeEnterpriseHandlers } from './fake-enterprises';
import { fakeReportHandlers } from './fake-reports';
import { FakeJobs, type JobOutcome } from './fake-imports';
import { listNotifications, updateManualNotification } from './fake-notifications';
import { fakeWarningHandlers } from './fake-warnings';
import { fakeDashboardHandlers } from './fake-dashboard';

export { FAKE_COUNTRIES, makeNotification } from './fake-data';
export { makeImportReport } from './fake-imports';
export { makeBackup } from './fake-backups';

/**
 * An in-memory stand-in for the backend, for component tests: it keeps settings, countries and
 * notifications in plain objects and answers the channels the screens use. Inputs are checked
 * against the contract as the real dispatcher checks them, and outputs and event payloads as the
 * dispatcher checks them in tests (validateOutput), so the fake cannot drift from the real
 * handlers: a breach throws, naming the channel, and fails the test (see test-setup.ts) even
 * when the screen catches it. Channels it does not know fail with UNKNOWN_CHANNEL, so a screen
 * calling something new shows up in the test.
 */
export interface FakeBackend {
  client: ApiClient;
  /** The backend clock's reading that appInfo reports; renderApp's clock stands still at it. */
  now: string;
  settings: Settings;
  countries: Country[];
  notifications: NotificationDetail[];
  savedSearches: SavedSearch[];
  audit: AuditEntry[];
  jobs: FakeJobs;
  backups: FakeBackups;
  /** Files handed to stageFile, by the fileRef they got. */
  staged: Map<string, File>;
  /** What storeHealth and appInfo report; storeCheck answers with `nextCheck` and records it. */
  storeHealth: StoreHealthInfo;
  nextCheck: { ok: boolean; problems: string[] };
  /** Every call in order, with its input. */
  calls: Array<{ channel: Channel; input: unknown }>;
  callsTo(channel: Channel): unknown[];
  /** Make a channel fail until cleared with `delete failures[channel]`. */
  failures: Partial<Record<Channel, ApiErrorBody>>;
  /** Channels whose outputs are not checked: for tests of how the window copes with an out-of-step backend. */
  uncheckedOutputs: Set<Channel>;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** End an import job as the worker would, with its jobDone (and dataChanged) events. */
  finishJob(jobId: string, outcome: JobOutcome): void;
}

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };

/** What demoLoad reports as the real one does: the demo set writes comments, trade concerns, analysts and enterprises too. */
const DEMO_ENTITIES: DataEntity[] = ['notifications', 'translations', 'comments', 'outcomes', 'tradeConcerns', 'analysts', 'settings', 'enterprises', 'warnings'];

/** The fixed instant the fake backend and its tests live at, so no date slides into the past. */
export const FAKE_NOW = '2026-11-21T06:00:00.000Z';
const NOW = FAKE_NOW;

const contractBreaches: string[] = [];

/** The contract breaches of the fake backend since the last call; test-setup.ts fails a test that left any. */
export function takeContractBreaches(): string[] {
  return contractBreaches.splice(0);
}

function describeIssues(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(value)'}: ${i.message}`).join('; ');
}

/** Refuses a value its schema refuses, as dispatch does with validateOutput in the backend's tests. */
function checkContract(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const breach = `The fake backend's ${what} breaks the contract: ${describeIssues(result.error.issues)}`;
  contractBreaches.push(breach);
  throw new Error(breach);
}

function validationError(issues: Array<{ path: PropertyKey[]; message: string }>): ApiError {
  const fields = issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
  return new ApiError({ code: 'VALIDATION', message: fields.map((f) => `${f.path}: ${f.message}`).join('; '), details: { fields } });
}

export function createFakeBackend(seed: { settings?: Partial<Settings>; notifications?: NotificationDetail[]; now?: string } = {}): FakeBackend {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let stagedCount = 0;
  let nextId = 1;

  const jobs = new FakeJobs();
  const backend: Omit<FakeBackend, 'client'> = {
    now: seed.now ?? NOW,
    settings: { locale: 'zh-CN', demoOffered: false, internalDeadlineWorkingDays: 5, workCalendar: [], letterContact: { organisation: '上合组织国家技术性贸易措施研究评议基地', phone: '', email: '' }, ...seed.settings },
    countries: structuredClone(FAKE_COUNTRIES),
    notifications: structuredClone(seed.notifications ?? []),
    savedSearches: [],
    audit: [],
    jobs,
    backups: new FakeBackups((name, payload) => backend.emit(name, payload), jobs),
    staged: new Map(),
    storeHealth: { status: 'ok', reason: null, detectedAt: null, lastCheck: null },
    nextCheck: { ok: true, problems: [] },
    calls: [],
    callsTo: (channel) => backend.calls.filter((c) => c.channel === channel).map((c) => c.input),
    failures: {},
    uncheckedOutputs: new Set(),
    emit(name, payload) {
      checkContract(events[name], payload, `${name} event`);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    finishJob(jobId, outcome) {
      const job = backend.jobs.finish(jobId, outcome);
      // As the job runner sends it: the error's code and message; its details stay with jobsGet.
      backend.emit('jobDone', {
        jobId,
        kind: 'import',
        ok: job.status === 'done',
        status: job.status === 'done' ? 'done' : job.status === 'cancelled' ? 'cancelled' : 'failed',
        ...('report' in outcome ? { result: outcome.report } : {}),
        ...(job.error ? { error: { code: job.error.code, message: job.error.message } } : {}),
      });
      if (job.status === 'done') backend.emit('dataChanged', { entity: 'notifications' });
      if (job.status !== 'cancelled') backend.emit('dataChanged', { entity: 'imports', ...(job.kind === 'import' && job.result ? { ids: [job.result.importId] } : {}) });
      // The import ends with a warnings pass over what it added or changed.
      if (job.status === 'done') backend.emit('dataChanged', { entity: 'warnings' });
    },
  };

  const find = (id: number): NotificationDetail => {
    const found = backend.notifications.find((n) => n.id === id);
    if (!found) throw new ApiError({ code: 'NOT_FOUND', message: `notification ${id} not found` });
    return found;
  };
  const acting = fakeActing(
    () => commentsOf(backend as FakeBackend).analysts,
    () => backend.emit('dataChanged', { entity: 'analysts' }),
    {
      get: () => commentsOf(backend as FakeBackend).acting,
      set: (uid) => {
        commentsOf(backend as FakeBackend).acting = uid;
      },
    },
  );
  /** Who a write is by: the acting analyst, or the unrecorded one while nobody acts. */
  const by = (): { name: string; uid: string } => acting.current() ?? { name: '未记录', uid: UNRECORDED_ANALYST_UID };
  const analystUid = (name: string | null): string | null =>
    name === null ? null : (commentsOf(backend as FakeBackend).analysts.find((a) => a.name === name)?.uid ?? null);
  const record = (action: string, entityId: number, before: unknown, after: unknown): void => {
    backend.audit.unshift({ id: nextId++, at: NOW, actor: by().name, actorId: by().uid, action, entity: 'notification', entityId: String(entityId), entityUid: null, before, after });
  };
  /** The entity and records the real handler reports. */
  const changed = (entity: DataEntity, ids?: Array<number | string>): void => backend.emit('dataChanged', { entity, ...(ids ? { ids } : {}) });

  const appInfo = (): AppInfo => ({
    appVersion: '0.1.0-test',
    dataDir: '/tmp/pingyi-fake',
    databasePath: '/tmp/pingyi-fake/pingyi.sqlite3',
    schemaVersion: 30,
    latestSchemaVersion: 30,
    sqliteVersion: '3.53.2',
    counts: { countries: backend.countries.length, notifications: backend.notifications.length, auditEntries: backend.audit.length },
    demoLoaded: backend.notifications.some((n) => n.source === 'demo'),
    storeHealth: backend.storeHealth,
    now: backend.now,
  });

  const handlers: Handlers = {
    ...fakeCommentHandlers(backend, by),
    ...fakeEnterpriseHandlers(backend, by),
    ...fakeReportHandlers(backend, by),
    ...acting.handlers,
    ...backend.backups.handlers(),
    ...fakeWarningHandlers(backend, by, () => commentsOf(backend as FakeBackend).analysts),
    ...fakeDashboardHandlers(backend as FakeBackend),
    ...fakeExportHandlers(backend),
    appInfo,
    storeHealth: () => backend.storeHealth,
    storeCheck: ({ full }) => {
      const check = { kind: full ? ('full' as const) : ('quick' as const), ...backend.nextCheck, at: NOW, ms: 1234 };
      backend.storeHealth = {
        ...backend.storeHealth,
        lastCheck: check,
        ...(check.ok ? {} : { status: 'damaged' as const, reason: check.problems[0] ?? null, detectedAt: NOW }),
      };
      return check;
    },
    settingsGet: () => backend.settings,
    settingsUpdate: (patch) => {
      backend.settings = { ...backend.settings, ...patch };
      backend.audit.unshift({ id: nextId++, at: NOW, actor: by().name, actorId: by().uid, action: 'update', entity: 'settings', entityId: 'settings', entityUid: null, before: null, after: patch });
      changed('settings');
      return backend.settings;
    },
    referenceCountries: () => backend.countries,
    demoLoad: () => {
      if (backend.notifications.some((n) => n.source === 'demo')) return { notifications: 0, alreadyLoaded: true };
      const start = backend.notifications.length + 1;
      DEMO_SET.forEach((n, i) => backend.notifications.push(makeNotification({ ...n, id: start + i, source: 'demo' })));
      backend.settings = { ...backend.settings, demoOffered: true };
      for (const entity of DEMO_ENTITIES) changed(entity);
      return { notifications: DEMO_SET.length, alreadyLoaded: false };
    },
    auditList: (input) =>
      backend.audit
        .filter((e) => (input.entity === undefined || e.entity === input.entity) && (input.entityId === undefined || e.entityId === input.entityId))
        .slice(0, input.limit),
    notificationsList: (input) => listNotifications(backend.notifications, backend.countries, input),
    notificationsMatchingIds: (input) => {
      const all = listNotifications(backend.notifications, backend.countries, { ...input, offset: 0, limit: backend.notifications.length });
      return { total: all.total, totalCapped: false, ids: all.total > MAX_TRIAGE_BATCH ? [] : all.items.map((n) => n.id) };
    },
    notificationsGet: ({ id }) => find(id),
    industriesList: () => FAKE_INDUSTRIES,
    savedSearchesList: () => backend.savedSearches,
    savedSearchSave: ({ name, query }) => {
      const existing = backend.savedSearches.find((s) => s.name === name);
      const saved: SavedSearch = { id: existing?.id ?? nextId++, name, query, createdAt: NOW, createdBy: by().name, createdById: by().uid };
      backend.savedSearches = [...backend.savedSearches.filter((s) => s.name !== name), saved];
      changed('savedSearches', [saved.id]);
      return saved;
    },
    savedSearchRename: ({ id, name }) => {
      const search = backend.savedSearches.find((s) => s.id === id);
      if (!search) throw new ApiError({ code: 'NOT_FOUND', message: `saved search ${id} not found` });
      if (backend.savedSearches.some((s) => s.id !== id && s.name === name)) {
        throw new ApiError({ code: 'CONFLICT', message: `A saved search named "${name}" already exists`, details: { field: 'name' } });
      }
      const renamed = { ...search, name };
      backend.savedSearches = backend.savedSearches.map((s) => (s.id === id ? renamed : s));
      changed('savedSearches', [id]);
      return renamed;
    },
    savedSearchDelete: ({ id }) => {
      const before = backend.savedSearches.length;
      backend.savedSearches = backend.savedSearches.filter((s) => s.id !== id);
      const deleted = backend.savedSearches.length < before;
      if (deleted) changed('savedSearches', [id]);
      return { deleted };
    },
    notificationsTriageUpdate: ({ id, ...patch }) => {
      const n = find(id);
      const before = n.triage;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const assigneeId = patch.assignee === undefined ? before.assigneeId : analystUid(patch.assignee);
      n.triage = { ...before, ...defined, assigneeId, updatedAt: NOW, updatedBy: by().name, updatedById: by().uid };
      record('triage', id, before, n.triage);
      changed('triage', [id]);
      return n.triage;
    },
    notificationsTriageBatch: ({ ids, ...patch }) => {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const targets = ids.map(find);
      let updated = 0;
      for (const n of targets) {
        const before = n.triage;
        const next = { ...before, ...defined, assigneeId: patch.assignee === undefined ? before.assigneeId : analystUid(patch.assignee) };
        if (JSON.stringify(next) === JSON.stringify(before)) continue;
        n.triage = { ...next, updatedAt: NOW, updatedBy: by().name, updatedById: by().uid };
        record('triage', n.id, before, n.triage);
        updated += 1;
      }
      changed('triage', ids);
      return { updated, unchanged: ids.length - updated };
    },
    notificationsTranslationUpdate: ({ id, ...input }) => {
      const n = find(id);
      const before = n.translation;
      n.translation = { ...input, translatorId: analystUid(input.translator), updatedAt: NOW, updatedBy: by().name, updatedById: by().uid };
      n.titleZh = input.titleZh || null;
      record('translate', id, before, n.translation);
      changed('translations', [id]);
      return n.translation;
    },
    notificationsCreate: (input) => {
      if (!backend.countries.some((c) => c.code === input.memberCode)) {
        throw validationError([{ path: ['memberCode'], message: `unknown country code ${input.memberCode}` }]);
      }
      const id = Math.max(0, ...backend.notifications.map((n) => n.id)) + 1;
      const symbol = input.symbol ?? `NAT/${input.memberCode}/2026/${String(id).padStart(4, '0')}`;
      if (backend.notifications.some((n) => n.symbol === symbol)) {
        throw new ApiError({ code: 'CONFLICT', message: `${symbol} already exists`, details: { field: 'symbol' } });
      }
      const created = makeNotification({ ...input, id, symbol, source: 'manual', memberName: input.memberCode });
      backend.notifications.push(created);
      record('create', id, null, { symbol });
      changed('notifications', [id]);
      return created;
    },
    notificationsUpdateManual: (input) => {
      const n = find(input.id);
      updateManualNotification(n, input, NOW);
      record('update', input.id, null, input);
      changed('notifications', [input.id]);
      return n;
    },
    attachmentsAdd: ({ notificationId, fileRef }) => {
      const n = find(notificationId);
      const file = backend.staged.get(fileRef);
      if (!file) throw new ApiError({ code: 'NOT_FOUND', message: `no staged file ${fileRef}` });
      const same = n.attachments.find((a) => a.fileName === file.name && a.size === file.size);
      if (same) return { attachment: same, alreadyAttached: true };
      const attachment = { id: nextId++, notificationId, fileName: file.name, sha256: fileRef, size: file.size, mediaType: file.type || 'application/pdf', addedAt: NOW, addedBy: by().name, addedById: by().uid };
      n.attachments.push(attachment);
      record('attach', notificationId, null, attachment);
      changed('notifications', [notificationId]);
      return { attachment, alreadyAttached: false };
    },
    attachmentsRemove: ({ id }) => {
      const n = backend.notifications.find((x) => x.attachments.some((a) => a.id === id));
      if (!n) throw new ApiError({ code: 'NOT_FOUND', message: `attachment ${id} does not exist` });
      n.attachments = n.attachments.filter((a) => a.id !== id);
      changed('notifications', [n.id]);
      return { id, blobDeleted: true };
    },
    attachmentsOpen: ({ id }) => ({ path: `/tmp/pingyi-fake/attachments/${id}.pdf` }),
    notificationsImportStart: () => ({ jobId: backend.jobs.start().jobId }),
    jobsGet: ({ jobId }) => backend.jobs.get(jobId),
    jobsCancel: ({ jobId }) => backend.jobs.cancel(jobId),
    jobsList: ({ limit }) => backend.jobs.list(limit),
    importsList: ({ limit }) => backend.jobs.reports.slice(0, limit).map(({ rejections: _rejections, notices: _notices, ...summary }) => summary),
    importsGet: ({ id }) => backend.jobs.report(id),
  };

  const transport: Transport = {
    kind: 'ipc',
    async call(channel, input) {
      backend.calls.push({ channel, input });
      const failure = backend.failures[channel];
      if (failure) throw new ApiError(failure);
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new ApiError({ code: 'UNKNOWN_CHANNEL', message: `The fake backend does not answer ${channel}` });
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error.issues);
      const output = handler(parsed.data);
      if (!backend.uncheckedOutputs.has(channel)) checkContract(contract[channel].output, output, `output of ${channel}`);
      // A copy, as over IPC: the screen must not be able to change the backend's objects.
      return structuredClone(output);
    },
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    async stageFile(file) {
      stagedCount += 1;
      const fileRef = stagedCount.toString(16).padStart(32, '0');
      backend.staged.set(fileRef, file);
      return { fileRef, name: file.name, size: file.size };
    },
  };
  return Object.assign(backend, { client: createClient(transport) });
}
