import type {
  Channel,
  ChannelOutput,
  ChannelParsedInput,
  Country,
  Enterprise,
  EnterpriseChange,
  EnterpriseListItem,
  FocusIndustry,
  TradeExposureImportReport,
  TradeExposureSummary,
  Warning,
  WarningLetter,
  WarningRules,
} from '../../shared/contract';
import { DEFAULT_FOCUS_INDUSTRIES } from '../../shared/domain/focus-industries';
import { DEFAULT_WARNING_RULES } from '../../shared/domain/warning-rules';
import { otherWtoMember } from '../../shared/domain/wto-members';
import { ApiError } from '../../shared/result';
import type { FakeBackend } from './fake-backend';
import { fakeEnterpriseUid, makeEnterpriseImportOutcome, type FakeImportOutcome } from './fake-enterprise-data';
import { warningsOf } from './fake-warnings';

export { FAKE_CREDIT_CODES, makeEnterprise, makeEnterpriseImportOutcome, makeEnterpriseWarning, makeLetter } from './fake-enterprise-data';

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };

const NOW = '2026-11-21T06:00:00.000Z';

/** The registry side of the in-memory backend; reach it in a test with registryOf(backend). */
export interface FakeRegistry {
  enterprises: Enterprise[];
  history: Map<string, EnterpriseChange[]>;
  /**
   * Warnings of enterprises, as the engine would have left them (tests put them here), and the
   * letters made: the same lists the warning channels answer from (fake-warnings.ts).
   */
  readonly warnings: Warning[];
  readonly letters: WarningLetter[];
  focusIndustries: FocusIndustry[];
  rules: WarningRules;
  tradeSummary: TradeExposureSummary;
  /** What the next enterprisesImport answers. */
  nextImport: FakeImportOutcome;
  /** What the next tradeExposureImport answers (without file name and job). */
  nextTradeImport: Omit<TradeExposureImportReport, 'fileName' | 'warningsJobId'>;
  /** End a recomputation job as the worker would, with jobDone and the 'warnings' change. */
  finishRecompute(jobId: string): void;
  /** End a recomputation job with an error, as a failing pass would. */
  failRecompute(jobId: string, message: string): void;
}

const states = new WeakMap<object, FakeRegistry>();

export function registryOf(backend: FakeBackend): FakeRegistry {
  const state = states.get(backend);
  if (!state) throw new Error('this fake backend has no registry state');
  return state;
}

function validation(path: string, message: string): ApiError {
  return new ApiError({ code: 'VALIDATION', message: `${path}: ${message}`, details: { fields: [{ path, message }] } });
}

function notFound(what: string): ApiError {
  return new ApiError({ code: 'NOT_FOUND', message: `${what} not found` });
}

const sum = (values: Array<number | null>): number | null =>
  values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;

/**
 * Enterprise, focus-industry, rules and letter channels over plain objects: blocs expand to
 * their members, a credit code is unique, a delete closes the enterprise's open warnings, and
 * what starts a recomputation in the real backend starts a fake job here.
 */
export function fakeEnterpriseHandlers(
  backend: Pick<FakeBackend, 'emit' | 'jobs' | 'staged' | 'countries'>,
  actingAs: () => { name: string; uid: string },
): Handlers {
  let importId = 0;
  const state: FakeRegistry = {
    enterprises: [],
    history: new Map(),
    get warnings() {
      return warningsOf(backend as FakeBackend).warnings;
    },
    get letters() {
      return warningsOf(backend as FakeBackend).letters;
    },
    focusIndustries: DEFAULT_FOCUS_INDUSTRIES.map((d) => ({ ...d, hsCodes: [...d.hsCodes], keywords: [...d.keywords], builtIn: true, updatedAt: NOW, updatedBy: '系统' })),
    rules: structuredClone(DEFAULT_WARNING_RULES),
    tradeSummary: { rows: 0, years: [], destinations: 0, totalUsd: 0 },
    nextImport: makeEnterpriseImportOutcome(),
    nextTradeImport: { rowsRead: 2, added: 2, updated: 0, unchanged: 0, rejected: 0, rejections: [] },
    finishRecompute(jobId) {
      const result = { scored: 4, created: 1, changed: 0, closed: 0, unchanged: 3, raisedHigh: 0, raisedUids: [] };
      Object.assign(backend.jobs.get(jobId), { status: 'done', phase: 'done', result });
      backend.emit('jobDone', { jobId, kind: 'warningsRecompute', ok: true, status: 'done', result });
      backend.emit('dataChanged', { entity: 'warnings' });
    },
    failRecompute(jobId, message) {
      const error = { code: 'INTERNAL', message };
      Object.assign(backend.jobs.get(jobId), { status: 'failed', phase: 'failed', error });
      backend.emit('jobDone', { jobId, kind: 'warningsRecompute', ok: false, status: 'failed', error });
    },
  };
  states.set(backend, state);

  const changed = (entity: 'enterprises' | 'warnings' | 'settings', ids?: string[]): void =>
    backend.emit('dataChanged', { entity, ...(ids ? { ids } : {}) });
  const startRecompute = (scope: 'all' | 'enterprises', reason: 'rules' | 'focusIndustries' | 'enterpriseImport' | 'tradeExposure'): string => {
    const job = backend.jobs.start('warningsRecompute', { scope, reason });
    backend.emit('jobProgress', { jobId: job.jobId, kind: 'warningsRecompute', phase: 'scoring', done: 0, total: 4 });
    return job.jobId;
  };
  const find = (uid: string): Enterprise => {
    const found = state.enterprises.find((e) => e.uid === uid);
    if (!found) throw notFound(`enterprise ${uid}`);
    return found;
  };
  const marketNames = (code: string): { marketNameZh: string; marketNameEn: string } => {
    const country: Country | undefined = backend.countries.find((c) => c.code === code);
    const other = otherWtoMember(code);
    return { marketNameZh: country?.nameZh ?? other?.nameZh ?? code, marketNameEn: country?.nameEn ?? other?.nameEn ?? code };
  };
  /** A bloc stands for each of its members, as the backend expands it. */
  const expandMarket = (market: string, index: number): string[] => {
    const members = backend.countries.filter((c) => c.blocs.includes(market as never)).map((c) => c.code);
    if (members.length > 0) return members;
    if (backend.countries.some((c) => c.code === market) || otherWtoMember(market)) return [market];
    throw validation(`exposure.${index}.market`, `unknown market ${market}`);
  };
  const openCounts = (uid: string): EnterpriseListItem['openWarnings'] => {
    const counts = { red: 0, orange: 0, yellow: 0, blue: 0 };
    for (const w of state.warnings) if (w.state !== 'closed' && w.target.kind === 'enterprise' && w.target.enterpriseUid === uid) counts[w.level] += 1;
    return counts;
  };
  const listItem = (e: Enterprise): EnterpriseListItem => ({
    uid: e.uid,
    name: e.name,
    creditCode: e.creditCode,
    province: e.province,
    city: e.city,
    industry: e.industry,
    hsCodes: [...new Set(e.exposure.map((l) => l.hsCode))],
    markets: [...new Set(e.exposure.map((l) => l.market))],
    totalExportUsd: sum(e.exposure.map((l) => l.annualExportUsd)),
    openWarnings: openCounts(e.uid),
    updatedAt: e.updatedAt,
  });
  return {
    enterprisesList: ({ query, market, sort, limit, offset }) => {
      const q = query?.toLowerCase() ?? '';
      let items = state.enterprises.map(listItem).filter((e) => {
        const text = [e.name, e.creditCode, e.province, e.city, e.industry, ...e.hsCodes].join(' ').toLowerCase();
        return (q === '' || text.includes(q)) && (market === undefined || e.markets.includes(market));
      });
      const open = (e: EnterpriseListItem): number => e.openWarnings.red * 1e6 + e.openWarnings.orange * 1e4 + e.openWarnings.yellow * 100 + e.openWarnings.blue;
      items = items.sort((a, b) =>
        sort === 'updated' ? b.updatedAt.localeCompare(a.updatedAt)
        : sort === 'exposure' ? (b.totalExportUsd ?? -1) - (a.totalExportUsd ?? -1)
        : sort === 'warnings' ? open(b) - open(a)
        : a.name.localeCompare(b.name, 'zh-CN'),
      );
      return { items: items.slice(offset, offset + limit), total: items.length };
    },
    enterprisesGet: ({ uid }) => ({ ...find(uid), history: state.history.get(uid) ?? [] }),
    enterprisesSave: (input) => {
      const clash = state.enterprises.find((e) => e.creditCode === input.creditCode && e.uid !== input.uid);
      if (clash) {
        throw new ApiError({ code: 'CONFLICT', message: `credit code ${input.creditCode} is already used by ${clash.name}`, details: { field: 'creditCode', uid: clash.uid } });
      }
      const exposure = input.exposure.flatMap((line, i) =>
        expandMarket(line.market, i).map((market) => ({ uid: fakeEnterpriseUid(), hsCode: line.hsCode, market, ...marketNames(market), annualExportUsd: line.annualExportUsd })),
      );
      const actor = actingAs();
      const fields = { name: input.name, creditCode: input.creditCode, province: input.province, city: input.city, industry: input.industry, contacts: input.contacts, notes: input.notes, exposure };
      if (input.uid) {
        const before = find(input.uid);
        const changes: EnterpriseChange[] = (['name', 'creditCode', 'province', 'city', 'industry', 'notes'] as const)
          .filter((f) => before[f] !== fields[f])
          .map((f) => ({ at: NOW, by: actor.name, field: f, line: null, oldValue: before[f], newValue: fields[f], importId: null }));
        state.history.set(before.uid, [...changes, ...(state.history.get(before.uid) ?? [])]);
        Object.assign(before, fields, { updatedAt: NOW, updatedBy: actor.name, updatedById: actor.uid });
        changed('enterprises', [before.uid]);
        changed('warnings');
        return before;
      }
      const created: Enterprise = { uid: fakeEnterpriseUid(), ...fields, createdAt: NOW, createdBy: actor.name, createdById: actor.uid, updatedAt: NOW, updatedBy: actor.name, updatedById: actor.uid };
      state.enterprises.push(created);
      changed('enterprises', [created.uid]);
      changed('warnings');
      return created;
    },
    enterprisesDelete: ({ uid }) => {
      const before = state.enterprises.length;
      state.enterprises = state.enterprises.filter((e) => e.uid !== uid);
      const deleted = state.enterprises.length < before;
      if (deleted) {
        for (const w of state.warnings) {
          if (w.target.kind === 'enterprise' && w.target.enterpriseUid === uid && w.state !== 'closed') Object.assign(w, { state: 'closed', closeReason: 'enterpriseRemoved' });
        }
        changed('enterprises', [uid]);
        changed('warnings');
      }
      return { deleted };
    },
    enterprisesImport: ({ fileRef, fileName }) => {
      const file = backend.staged.get(fileRef);
      if (!file) throw notFound(`staged file ${fileRef}`);
      const { recompute, ...outcome } = state.nextImport;
      importId += 1;
      const name = fileName ?? file.name;
      const report = { ...outcome, importId, fileName: name, format: name.toLowerCase().endsWith('.csv') ? ('csv' as const) : ('xlsx' as const), warningsJobId: recompute ? startRecompute('enterprises', 'enterpriseImport') : null };
      changed('enterprises');
      return report;
    },
    enterprisesTemplate: ({ format, locale }) => {
      const fileName = `${locale === 'en' ? 'enterprise-import-template' : '企业名单导入模板'}.${format}`;
      return { path: `/tmp/pingyi-fake/exports/${fileName}`, fileName, bytes: 4, mediaType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: 'UEsDBA==' };
    },
    tradeExposureImport: ({ fileRef, fileName }) => {
      const file = backend.staged.get(fileRef);
      if (!file) throw notFound(`staged file ${fileRef}`);
      const report = { ...state.nextTradeImport, fileName: fileName ?? file.name, warningsJobId: startRecompute('all', 'tradeExposure') };
      state.tradeSummary = { rows: state.tradeSummary.rows + report.added, years: [2025], destinations: 2, totalUsd: state.tradeSummary.totalUsd + 3_000_000 };
      changed('enterprises');
      return report;
    },
    tradeExposureSummary: () => state.tradeSummary,
    focusIndustriesList: () => state.focusIndustries,
    focusIndustriesSave: (input) => {
      const clash = state.focusIndustries.find((f) => f.code === input.code && f.uid !== input.uid);
      if (clash) throw new ApiError({ code: 'CONFLICT', message: `a focus industry with the key ${input.code} exists`, details: { field: 'code' } });
      const actor = actingAs();
      const existing = input.uid ? state.focusIndustries.find((f) => f.uid === input.uid) : undefined;
      if (input.uid && !existing) throw notFound(`focus industry ${input.uid}`);
      const industry: FocusIndustry = { uid: existing?.uid ?? fakeEnterpriseUid(), builtIn: existing?.builtIn ?? false, ...input, updatedAt: NOW, updatedBy: actor.name };
      state.focusIndustries = existing ? state.focusIndustries.map((f) => (f.uid === industry.uid ? industry : f)) : [...state.focusIndustries, industry];
      changed('settings');
      return { industry, jobId: startRecompute('all', 'focusIndustries') };
    },
    focusIndustriesDelete: ({ uid }) => {
      const before = state.focusIndustries.length;
      state.focusIndustries = state.focusIndustries.filter((f) => f.uid !== uid);
      const deleted = state.focusIndustries.length < before;
      if (deleted) changed('settings');
      return { deleted, jobId: deleted ? startRecompute('all', 'focusIndustries') : null };
    },
    warningRulesGet: () => state.rules,
    warningRulesSave: (rules) => {
      state.rules = rules;
      changed('settings');
      return { rules, jobId: startRecompute('all', 'rules') };
    },
  };
}
