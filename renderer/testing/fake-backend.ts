import type {
  AppInfo,
  Channel,
  ChannelInput,
  ChannelOutput,
  Country,
  EventName,
  EventPayload,
  NotificationDetail,
  NotificationListItem,
  Settings,
} from '../../shared/contract';
import { ApiError, type ApiErrorBody } from '../../shared/result';
import { createClient, type ApiClient } from '../api/client';
import type { Transport } from '../api/transport';

/**
 * An in-memory stand-in for the backend, for component tests: it keeps settings, countries and
 * notifications in plain objects and answers the channels the screens use. Channels it does not
 * know fail with UNKNOWN_CHANNEL, so a screen calling something new shows up in the test.
 */
export interface FakeBackend {
  client: ApiClient;
  settings: Settings;
  countries: Country[];
  notifications: NotificationDetail[];
  /** Every call in order, with its input. */
  calls: Array<{ channel: Channel; input: unknown }>;
  callsTo(channel: Channel): unknown[];
  /** Make a channel fail until cleared with `delete failures[channel]`. */
  failures: Partial<Record<Channel, ApiErrorBody>>;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

type Handlers = { [C in Channel]?: (input: ChannelInput<C>) => ChannelOutput<C> };

export const FAKE_COUNTRIES: Country[] = [
  { code: 'CHN', nameZh: '中国', nameEn: 'China', epingName: 'China', scoStatus: 'member', wtoMember: true, blocs: [] },
  { code: 'KAZ', nameZh: '哈萨克斯坦', nameEn: 'Kazakhstan', epingName: 'Kazakhstan', scoStatus: 'member', wtoMember: true, blocs: ['EAEU'] },
  {
    code: 'SAU',
    nameZh: '沙特阿拉伯',
    nameEn: 'Saudi Arabia',
    epingName: 'Saudi Arabia, Kingdom of',
    scoStatus: 'partner',
    wtoMember: true,
    blocs: ['GCC'],
  },
  { code: 'OMN', nameZh: '阿曼', nameEn: 'Oman', epingName: 'Oman', scoStatus: null, wtoMember: true, blocs: ['GCC'] },
];

/** A complete notification record with plausible values; override what the test is about. */
export function makeNotification(overrides: Partial<NotificationDetail> & Pick<NotificationDetail, 'id' | 'symbol'>): NotificationDetail {
  return {
    area: 'TBT',
    memberCode: 'SAU',
    memberName: '沙特阿拉伯',
    docType: 'regular',
    title: 'Draft technical regulation on energy efficiency of household refrigerators',
    titleZh: null,
    distributionDate: '2026-11-01',
    commentDeadline: '2026-12-31',
    source: 'demo',
    baseSymbol: overrides.symbol,
    parentSymbol: null,
    description: 'Minimum energy-performance requirements and labelling.',
    products: 'Household refrigerators',
    hsCodes: ['8418.10'],
    icsCodes: ['97.040.30'],
    keywords: ['energy efficiency'],
    objectives: ['Protection of the environment'],
    notificationType: 'Regular notification',
    proposedAdoption: null,
    proposedEntryIntoForce: null,
    countriesAffected: [],
    jointSymbols: [],
    familyId: null,
    documentLinks: [],
    links: { en: null, fr: null, es: null },
    createdAt: '2026-11-21T05:00:00.000Z',
    updatedAt: '2026-11-21T05:00:00.000Z',
    triage: { status: 'new', relevance: null, assignee: null, notes: '', industries: [], updatedAt: null, updatedBy: null },
    translation: null,
    deadline: { daysLeft: 40, state: 'open' },
    timeline: [],
    family: null,
    attachments: [],
    changes: [],
    ...overrides,
  };
}

const DEMO_SET: Array<Pick<NotificationDetail, 'symbol' | 'memberCode' | 'memberName' | 'title'>> = [
  { symbol: 'G/TBT/N/SAU/9002', memberCode: 'SAU', memberName: '沙特阿拉伯', title: 'SASO draft technical regulation on refrigerators' },
  { symbol: 'G/SPS/N/KAZ/9004', memberCode: 'KAZ', memberName: '哈萨克斯坦', title: 'EAEU limits for aquatic products' },
];

function toListItem(n: NotificationDetail, countries: Country[]): NotificationListItem {
  const country = countries.find((c) => c.code === n.memberCode);
  return {
    id: n.id,
    symbol: n.symbol,
    area: n.area,
    memberCode: n.memberCode,
    docType: n.docType,
    title: n.title,
    titleZh: n.titleZh,
    distributionDate: n.distributionDate,
    commentDeadline: n.commentDeadline,
    source: n.source,
    memberName: country?.nameZh ?? n.memberName,
    memberNameEn: country?.nameEn ?? n.memberCode,
    status: n.triage.status,
    relevance: n.triage.relevance,
    assignee: n.triage.assignee,
    industries: n.triage.industries,
    familyId: n.familyId,
  };
}

export function createFakeBackend(seed: { settings?: Partial<Settings>; notifications?: NotificationDetail[] } = {}): FakeBackend {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let auditEntries = 0;

  const backend: Omit<FakeBackend, 'client'> = {
    settings: { locale: 'zh-CN', analystName: '', demoOffered: false, internalDeadlineWorkingDays: 5, ...seed.settings },
    countries: structuredClone(FAKE_COUNTRIES),
    notifications: structuredClone(seed.notifications ?? []),
    calls: [],
    callsTo: (channel) => backend.calls.filter((c) => c.channel === channel).map((c) => c.input),
    failures: {},
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };

  const appInfo = (): AppInfo => ({
    appVersion: '0.1.0-test',
    dataDir: '/tmp/pingyi-fake',
    databasePath: '/tmp/pingyi-fake/pingyi.sqlite3',
    schemaVersion: 30,
    latestSchemaVersion: 30,
    sqliteVersion: '3.53.2',
    counts: { countries: backend.countries.length, notifications: backend.notifications.length, auditEntries },
    demoLoaded: backend.notifications.some((n) => n.source === 'demo'),
  });

  const handlers: Handlers = {
    appInfo,
    settingsGet: () => backend.settings,
    settingsUpdate: (patch) => {
      backend.settings = { ...backend.settings, ...patch };
      auditEntries += 1;
      return backend.settings;
    },
    referenceCountries: () => backend.countries,
    demoLoad: () => {
      if (backend.notifications.some((n) => n.source === 'demo')) return { notifications: 0, alreadyLoaded: true };
      const start = backend.notifications.length + 1;
      DEMO_SET.forEach((n, i) => backend.notifications.push(makeNotification({ ...n, id: start + i, source: 'demo' })));
      backend.settings = { ...backend.settings, demoOffered: true };
      return { notifications: DEMO_SET.length, alreadyLoaded: false };
    },
    notificationsList: (input) => {
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 100;
      const items = backend.notifications.slice(offset, offset + limit).map((n) => toListItem(n, backend.countries));
      return { total: backend.notifications.length, totalCapped: false, items };
    },
    notificationsGet: ({ id }) => {
      const found = backend.notifications.find((n) => n.id === id);
      if (!found) throw new ApiError({ code: 'NOT_FOUND', message: `notification ${id} not found` });
      return found;
    },
  };

  const transport: Transport = {
    kind: 'ipc',
    async call(channel, input) {
      backend.calls.push({ channel, input });
      const failure = backend.failures[channel];
      if (failure) throw new ApiError(failure);
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new ApiError({ code: 'UNKNOWN_CHANNEL', message: `The fake backend does not answer ${channel}` });
      // A copy, as over IPC: the screen must not be able to change the backend's objects.
      return structuredClone(handler(input));
    },
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    async stageFile(file) {
      return { fileRef: '0'.repeat(32), name: file.name, size: file.size };
    },
  };
  return Object.assign(backend, { client: createClient(transport) });
}
