import path from 'node:path';
import BetterSqlite, { type Database } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { configureConnection, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { addDays } from '../../electron/backend/notifications/list-query';
import { todayOf } from '../../shared/domain/clock';
import { UNRECORDED_ANALYST_UID } from '../../shared/domain/uid';
import { listMatchingIds, listNotifications } from '../../electron/backend/notifications/search';
import { runCli } from '../../electron/cli/run-cli';
import {
  MAX_TRIAGE_BATCH,
  NotificationsListInput,
  type NotificationListItem,
  type NotificationsListInput as ListInput,
  type NotificationsListOutput,
  type TextSegment,
} from '../../shared/contract';
import { SEARCH_FIXTURES, TODAY, insertSearchFixtures, type SearchFixture } from '../fixtures/search-fixtures';
import { insertSyntheticNotifications } from '../fixtures/synthetic-notifications';
import { queryPlan, recordingConnection, type RanStatement } from '../helpers/record-statements';
import { emptyBackend, makeTempDir, testClock } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let ids: Record<string, number>;

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  ids = insertSearchFixtures(backend.ctx.db);
});
afterEach(() => env.cleanup());

const list = (input: ListInput = {}): NotificationsListOutput =>
  backend.call('notificationsList', { today: TODAY, limit: 500, ...input });
const symbols = (input: ListInput = {}): string[] => list(input).items.map((i) => i.symbol);
const found = (input: ListInput): string[] => symbols(input).sort();
const hits = (segments: readonly TextSegment[] | null | undefined): string[] =>
  (segments ?? []).filter((s) => s.hit).map((s) => s.text);

describe('full-text search', () => {
  it('finds two-character Chinese words through the analysts\u2019 translations', () => {
    expect(found({ query: '冰箱' })).toEqual(['G/TBT/N/SAU/1201']);
    expect(found({ query: '电池' })).toContain('G/TBT/N/RUS/300');
    expect(found({ query: '标准' })).toEqual(['G/SPS/N/KAZ/90', 'G/TBT/N/ARE/650', 'G/TBT/N/CHN/2000', 'G/TBT/N/SAU/1201']);
  });

  it('finds two-character Chinese words in original titles', () => {
    expect(found({ query: '电池' })).toEqual(['G/TBT/N/CHN/2000', 'G/TBT/N/RUS/300']);
    expect(symbols({ query: '标准' })).toContain('G/TBT/N/CHN/2000');
  });

  it('finds one-, three- and four-character Chinese words, and only adjacent characters', () => {
    expect(found({ query: '车' })).toEqual(['G/TBT/N/ARE/650']);
    expect(found({ query: '水产品' })).toEqual(['G/SPS/N/KAZ/90']);
    expect(found({ query: '锂离子' })).toEqual(['G/TBT/N/CHN/2000']);
    expect(found({ query: '电动汽车' })).toEqual(['G/TBT/N/ARE/650']);
    // 冰 and 冻 both occur in 冰箱和冷冻箱, but not side by side.
    expect(found({ query: '冰冻' })).toEqual([]);
  });

  it('finds a translation saved later through the translation channel', () => {
    expect(found({ query: '纺织品' })).toEqual([]);
    backend.call('notificationsTranslationUpdate', {
      id: ids['G/TBT/N/USA/2100']!,
      titleZh: '纺织品标签',
      descriptionZh: '纤维成分标签要求。',
      translator: '张敏',
      status: 'draft',
    });
    expect(found({ query: '纺织品' })).toEqual(['G/TBT/N/USA/2100']);
  });

  it('finds single English words, whole or as a prefix, in any case', () => {
    expect(found({ query: 'refrigerators' })).toEqual(['G/TBT/N/SAU/1201']);
    expect(found({ query: 'REFRIG' })).toEqual(['G/TBT/N/SAU/1201']);
    expect(found({ query: 'batter' })).toEqual(['G/TBT/N/CHN/2000', 'G/TBT/N/RUS/300']);
    expect(found({ query: 'fish' })).toEqual(['G/SPS/N/KAZ/90']);
  });

  it('finds the plural from the singular and the singular from the plural', () => {
    // The titles say "batteries" and "fishery"; nobody should have to guess which form.
    expect(found({ query: 'battery' })).toEqual(['G/TBT/N/CHN/2000', 'G/TBT/N/RUS/300']);
    expect(found({ query: 'fisheries' })).toEqual(['G/SPS/N/KAZ/90']);
    expect(found({ query: 'fertilizer' })).toEqual(found({ query: 'fertilizers' }));
    expect(found({ query: 'regulations' })).toEqual(found({ query: 'regulation' }));
    expect(found({ query: 'regulation' }).length).toBeGreaterThan(1);
    // Each form counts as the same term: both must still be met with another term.
    expect(found({ query: 'battery lithium' })).toEqual(['G/TBT/N/CHN/2000']);
    const h = list({ query: 'battery' }).items.find((i) => i.symbol === 'G/TBT/N/RUS/300')?.highlight;
    expect(hits(h?.title)).toEqual(['batteries']);
  });

  it('finds symbols, symbol prefixes and HS codes', () => {
    expect(symbols({ query: 'G/TBT/N/SAU/1201' })).toEqual(['G/TBT/N/SAU/1201']);
    expect(symbols({ query: 'g/tbt/n/tur/150/add.1' })).toEqual(['G/TBT/N/TUR/150/Add.1']);
    expect(symbols({ query: 'G/TBT/N/SAU' })).toEqual(['G/TBT/N/SAU/1201']);
    expect(symbols({ query: '8507.60' })).toEqual(['G/TBT/N/CHN/2000']);
  });

  it('requires every term', () => {
    expect(found({ query: 'electric 电动汽车' })).toEqual(['G/TBT/N/ARE/650']);
    expect(found({ query: 'electric cement' })).toEqual([]);
  });

  it('ranks symbol and title matches before description-only matches, best first', () => {
    expect(symbols({ query: 'labelling' })).toEqual(['G/TBT/N/USA/2100', 'G/TBT/N/SAU/1201']);
    expect(symbols({ query: 'labelling', direction: 'asc' })).toEqual(['G/TBT/N/SAU/1201', 'G/TBT/N/USA/2100']);
    expect(symbols({ query: 'labelling', sort: 'rank' })[0]).toBe('G/TBT/N/USA/2100');
  });

  it('treats FTS5 syntax typed by the user as plain text and never fails', () => {
    const nasty = [
      '"', '""', '*', '**', 'NEAR(battery fish)', 'NEAR', '(', ')', '()', '-', '- battery', 'battery -fish', 'AND', 'OR NOT',
      'battery OR', '{title}: battery', 'title:battery', '^battery', "'", '\\', '%_%', 'G/TBT/N/*', '电池"', '标准 AND (',
      'battery*', '"battery', 'a"b"c', ':', '+', '[]', 'NOT battery', '\u0000', '🔋', '(((', 'col : x',
    ];
    for (const query of nasty) {
      const r = backend.invoke('notificationsList', { query, today: TODAY });
      expect(r.ok, query).toBe(true);
    }
    expect(found({ query: 'NEAR(battery' })).toEqual(found({ query: 'near battery' }));
  });

  it('lists everything when the query holds nothing to search for', () => {
    expect(list({ query: ' * ( ) - ' }).total).toBe(SEARCH_FIXTURES.length);
  });
});

describe('highlights', () => {
  const item = (input: ListInput, symbol: string): NotificationListItem => {
    const found = list(input).items.find((i) => i.symbol === symbol);
    if (!found) throw new Error(`${symbol} not found`);
    return found;
  };

  it('marks the matching words in the title, the Chinese title and a snippet of the description', () => {
    const it1 = item({ query: 'refrigerators 冰箱' }, 'G/TBT/N/SAU/1201');
    expect(hits(it1.highlight?.title)).toEqual(['refrigerators']);
    expect(it1.highlight?.title.map((s) => s.text).join('')).toBe(it1.title);
    expect(hits(it1.highlight?.titleZh)).toEqual(['冰箱']);
    expect(hits(it1.highlight?.snippet)).toEqual(['refrigerators']);
  });

  it('takes the snippet from the Chinese translation when the description has no hit', () => {
    const h = item({ query: '冰箱' }, 'G/TBT/N/SAU/1201').highlight;
    expect(hits(h?.title)).toEqual([]);
    expect(hits(h?.snippet)).toEqual(['冰箱']);
    expect(h?.snippet?.map((s) => s.text).join('')).toContain('家用电冰箱');
  });

  it('marks English words by prefix and Chinese words inside the original title', () => {
    const h = item({ query: 'batter 电池' }, 'G/TBT/N/CHN/2000').highlight;
    expect(hits(h?.title)).toEqual(['batteries', '电池']);
  });

  it('has no snippet when only the symbol matched, and no highlight without a query', () => {
    const h = item({ query: 'G/TBT/N/SAU/1201' }, 'G/TBT/N/SAU/1201').highlight;
    expect(h?.snippet).toBeNull();
    expect(hits(h?.title)).toEqual([]);
    expect(list({}).items.every((i) => i.highlight === undefined)).toBe(true);
  });
});

describe('list items', () => {
  it('carry member names, triage, industries and the measure family', () => {
    const items = new Map(list().items.map((i) => [i.symbol, i]));
    expect(items.get('G/TBT/N/SAU/1201')).toMatchObject({
      memberName: '沙特阿拉伯',
      memberNameEn: 'Saudi Arabia',
      status: 'assessing',
      relevance: 'high',
      assignee: '张敏',
      industries: ['household-appliances'],
      titleZh: '家用冰箱和冷冻箱能效要求',
    });
    expect(items.get('G/TBT/N/ARE/650')?.industries).toEqual(['automotive', 'ev']);
    expect(items.get('G/TBT/N/USA/2100')).toMatchObject({ memberName: 'USA', status: 'new', relevance: null, assignee: null, titleZh: null });
    const family = items.get('G/TBT/N/ARE/650')?.familyId;
    expect(family).toEqual(expect.any(Number));
    expect(items.get('G/TBT/N/QAT/650')?.familyId).toBe(family);
    expect(items.get('G/TBT/N/EGY/500')?.familyId).toBeNull();
  });

  it('keeps the existing call of the list working', () => {
    const r = backend.call('notificationsList', { limit: 5, sort: 'distributionDate', direction: 'desc' });
    expect(r.items).toHaveLength(5);
    expect(r).toMatchObject({ total: SEARCH_FIXTURES.length, totalCapped: false });
  });
});

describe('filters', () => {
  const cases: Array<[string, ListInput, string[]]> = [
    ['one member', { memberCodes: ['SAU'] }, ['G/TBT/N/SAU/1201']],
    ['two members', { memberCodes: ['SAU', 'RUS'] }, ['G/TBT/N/RUS/300', 'G/TBT/N/SAU/1201']],
    ['SCO members', { scoStatus: 'member' }, ['G/SPS/N/IND/400', 'G/SPS/N/KAZ/90', 'G/TBT/N/CHN/2000', 'G/TBT/N/RUS/300']],
    [
      'SCO partners',
      { scoStatus: 'partner' },
      ['G/TBT/N/ARE/650', 'G/TBT/N/EGY/500', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650', 'G/TBT/N/SAU/1201', 'G/TBT/N/TUR/150/Add.1'],
    ],
    ['GCC', { blocs: ['GCC'] }, ['G/TBT/N/ARE/650', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650', 'G/TBT/N/SAU/1201']],
    ['EAEU', { blocs: ['EAEU'] }, ['G/SPS/N/KAZ/90', 'G/TBT/N/RUS/300']],
    ['SPS', { area: 'SPS' }, ['G/SPS/N/BRA/2300/Rev.1', 'G/SPS/N/EU/700/Corr.1', 'G/SPS/N/IND/400', 'G/SPS/N/KAZ/90']],
    ['addenda', { docTypes: ['addendum'] }, ['G/TBT/N/TUR/150/Add.1']],
    ['corrigenda and revisions', { docTypes: ['corrigendum', 'revision'] }, ['G/SPS/N/BRA/2300/Rev.1', 'G/SPS/N/EU/700/Corr.1']],
    ['emergency', { docTypes: ['emergency'] }, ['G/SPS/N/IND/400']],
    ['HS heading', { hsCode: '8507' }, ['G/TBT/N/CHN/2000', 'G/TBT/N/RUS/300']],
    ['HS subheading, dots ignored', { hsCode: '8507.6' }, ['G/TBT/N/CHN/2000']],
    ['HS digits', { hsCode: '850760' }, ['G/TBT/N/CHN/2000']],
    ['ICS group', { icsCode: '29.220' }, ['G/TBT/N/CHN/2000', 'G/TBT/N/RUS/300']],
    ['ICS sub-group', { icsCode: '29.220.20' }, ['G/TBT/N/RUS/300']],
    ['ICS field', { icsCode: '43' }, ['G/TBT/N/ARE/650']],
    ['objective, any case', { objective: 'FOOD SAFETY' }, ['G/SPS/N/KAZ/90']],
    ['keyword', { keyword: 'labelling' }, ['G/TBT/N/SAU/1201', 'G/TBT/N/USA/2100']],
    [
      'distribution dates',
      { distributedFrom: '2026-01-01', distributedTo: '2026-02-20' },
      ['G/TBT/N/ARE/650', 'G/TBT/N/CHN/2000', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650', 'G/TBT/N/SAU/1201'],
    ],
    [
      'open for comments',
      { openForComments: true },
      ['G/TBT/N/ARE/650', 'G/TBT/N/CHN/2000', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650', 'G/TBT/N/SAU/1201', 'G/TBT/N/USA/2100'],
    ],
    [
      'closed for comments',
      { openForComments: false },
      ['G/SPS/N/BRA/2300/Rev.1', 'G/SPS/N/EU/700/Corr.1', 'G/SPS/N/IND/400', 'G/SPS/N/KAZ/90', 'G/TBT/N/EGY/500', 'G/TBT/N/RUS/300', 'G/TBT/N/TUR/150/Add.1'],
    ],
    ['final date within 15 days', { deadlineWithinDays: 15 }, ['G/TBT/N/ARE/650', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650']],
    ['final date within 40 days', { deadlineWithinDays: 40 }, ['G/TBT/N/ARE/650', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650', 'G/TBT/N/SAU/1201']],
    ['triage status', { triageStatuses: ['assessing'] }, ['G/TBT/N/SAU/1201']],
    [
      'new includes the untriaged',
      { triageStatuses: ['new', 'closed'] },
      [
        'G/SPS/N/BRA/2300/Rev.1', 'G/SPS/N/EU/700/Corr.1', 'G/SPS/N/IND/400', 'G/SPS/N/KAZ/90', 'G/TBT/N/EGY/500', 'G/TBT/N/KWT/640',
        'G/TBT/N/QAT/650', 'G/TBT/N/RUS/300', 'G/TBT/N/TUR/150/Add.1', 'G/TBT/N/USA/2100',
      ],
    ],
    ['relevance', { relevances: ['high'] }, ['G/TBT/N/CHN/2000', 'G/TBT/N/SAU/1201']],
    [
      'unrated',
      { relevances: ['low', 'unrated'] },
      [
        'G/SPS/N/BRA/2300/Rev.1', 'G/SPS/N/EU/700/Corr.1', 'G/SPS/N/IND/400', 'G/SPS/N/KAZ/90', 'G/TBT/N/EGY/500', 'G/TBT/N/KWT/640',
        'G/TBT/N/QAT/650', 'G/TBT/N/TUR/150/Add.1', 'G/TBT/N/USA/2100',
      ],
    ],
    ['industry', { industries: ['ev'] }, ['G/TBT/N/ARE/650']],
    ['industries', { industries: ['ev', 'lithium-battery'] }, ['G/TBT/N/ARE/650', 'G/TBT/N/CHN/2000']],
    ['assignee', { assignee: '张敏' }, ['G/TBT/N/SAU/1201']],
    [
      'unassigned',
      { assignee: null },
      SEARCH_FIXTURES.map((f) => f.symbol).filter((s) => s !== 'G/TBT/N/SAU/1201' && s !== 'G/TBT/N/ARE/650').sort(),
    ],
    [
      'SCO partners, TBT, regular, open',
      { scoStatus: 'partner', area: 'TBT', docTypes: ['regular'], openForComments: true },
      ['G/TBT/N/ARE/650', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650', 'G/TBT/N/SAU/1201'],
    ],
    [
      'the same with a query',
      { query: 'electric', scoStatus: 'partner', area: 'TBT', docTypes: ['regular'], openForComments: true },
      ['G/TBT/N/ARE/650', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650'],
    ],
    [
      'GCC, rated medium or low, with a query and a date range',
      { query: 'electric', blocs: ['GCC'], relevances: ['medium', 'low'], distributedFrom: '2026-01-01' },
      ['G/TBT/N/ARE/650', 'G/TBT/N/KWT/640'],
    ],
    ['a filter that leaves nothing', { memberCodes: ['SAU'], area: 'SPS' }, []],
  ];

  for (const [name, input, expected] of cases) {
    it(`filters by ${name}`, () => {
      const r = list(input);
      expect(r.items.map((i) => i.symbol).sort()).toEqual(expected);
      expect(r.total).toBe(expected.length);
    });
  }

  it('counts deadlines from the backend clock\'s date when no day is given', () => {
    const today = todayOf(backend.ctx.clock);
    insertSearchFixtures(backend.ctx.db, [
      { symbol: 'G/TBT/N/PAK/77', title: 'Closing soon', distributed: addDays(today, -50), deadline: addDays(today, 10) },
      { symbol: 'G/TBT/N/PAK/78', title: 'Closed', distributed: addDays(today, -70), deadline: addDays(today, -10) },
    ]);
    const r = backend.call('notificationsList', { memberCodes: ['PAK'], openForComments: true });
    expect(r.items.map((i) => i.symbol)).toEqual(['G/TBT/N/PAK/77']);
    expect(backend.call('notificationsList', { memberCodes: ['PAK'], deadlineWithinDays: 9 }).total).toBe(0);
  });

  it('refuses malformed filters as VALIDATION', () => {
    for (const input of [{ hsCode: 'abc' }, { icsCode: '43.12' }, { today: '1 March' }, { scoStatus: 'observer' }, { memberCodes: ['sau'] }]) {
      expect(backend.invoke('notificationsList', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});

describe('sorting', () => {
  const fixture = new Map(SEARCH_FIXTURES.map((f) => [f.symbol, f]));
  const id = (f: SearchFixture): number => ids[f.symbol]!;
  const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
  const byDateDesc = (a: SearchFixture, b: SearchFixture): number => cmp(b.distributed ?? '', a.distributed ?? '') || id(a) - id(b);
  const statusRank = (f: SearchFixture): number => ['new', 'screening', 'assessing', 'commented', 'closed'].indexOf(f.triage?.status ?? 'new');
  const relevanceRank = (f: SearchFixture): number => ['none', 'low', 'medium', 'high'].indexOf(f.triage?.relevance ?? '');
  const member = (f: SearchFixture): string => f.symbol.split('/')[3]!;
  const deadlineGroup = (f: SearchFixture): number => (!f.deadline ? 2 : f.deadline >= TODAY ? 0 : 1);

  // The documented orders, written out independently of the SQL.
  const expected: Record<string, (a: SearchFixture, b: SearchFixture) => number> = {
    'distributionDate desc': byDateDesc,
    'distributionDate asc': (a, b) => cmp(a.distributed ?? '', b.distributed ?? '') || id(b) - id(a),
    // Open for comments first, soonest first; then the ended ones, most recently ended first;
    // then those without a final date.
    'commentDeadline asc': (a, b) =>
      deadlineGroup(a) - deadlineGroup(b) ||
      (deadlineGroup(a) === 0 ? cmp(a.deadline!, b.deadline!) || id(a) - id(b) : deadlineGroup(a) === 1 ? cmp(b.deadline!, a.deadline!) || id(b) - id(a) : id(a) - id(b)),
    'commentDeadline desc': (a, b) =>
      Number(!a.deadline) - Number(!b.deadline) || cmp(b.deadline ?? '', a.deadline ?? '') || id(b) - id(a),
    'symbol asc': (a, b) => cmp(a.symbol, b.symbol),
    'symbol desc': (a, b) => cmp(b.symbol, a.symbol),
    'memberCode asc': (a, b) => cmp(member(a), member(b)) || byDateDesc(a, b),
    'memberCode desc': (a, b) => cmp(member(b), member(a)) || byDateDesc(a, b),
    'title asc': (a, b) => cmp(a.title.toLowerCase(), b.title.toLowerCase()) || id(a) - id(b),
    'title desc': (a, b) => cmp(b.title.toLowerCase(), a.title.toLowerCase()) || id(b) - id(a),
    'status asc': (a, b) => statusRank(a) - statusRank(b) || byDateDesc(a, b),
    'status desc': (a, b) => statusRank(b) - statusRank(a) || byDateDesc(a, b),
    'relevance desc': (a, b) =>
      Number(relevanceRank(a) < 0) - Number(relevanceRank(b) < 0) || relevanceRank(b) - relevanceRank(a) || byDateDesc(a, b),
    'relevance asc': (a, b) =>
      Number(relevanceRank(a) < 0) - Number(relevanceRank(b) < 0) || relevanceRank(a) - relevanceRank(b) || byDateDesc(a, b),
  };

  for (const [key, compare] of Object.entries(expected)) {
    const [sort, direction] = key.split(' ') as [NonNullable<ListInput['sort']>, 'asc' | 'desc'];
    it(`sorts by ${key}, page after page`, () => {
      const want = [...fixture.values()].sort(compare).map((f) => f.symbol);
      expect(symbols({ sort, direction })).toEqual(want);
      const paged: string[] = [];
      for (let offset = 0; offset < want.length; offset += 4) paged.push(...symbols({ sort, direction, offset, limit: 4 }));
      expect(paged).toEqual(want);
    });
  }

  it('sorts search results by a column, and filters and sort combine', () => {
    expect(symbols({ query: 'electric', sort: 'distributionDate' })).toEqual(['G/TBT/N/KWT/640', 'G/TBT/N/ARE/650', 'G/TBT/N/QAT/650']);
    expect(symbols({ query: 'electric', sort: 'status', direction: 'desc' })).toEqual(['G/TBT/N/ARE/650', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650']);
    expect(symbols({ blocs: ['GCC'], sort: 'relevance' })).toEqual(['G/TBT/N/SAU/1201', 'G/TBT/N/ARE/650', 'G/TBT/N/KWT/640', 'G/TBT/N/QAT/650']);
  });

  it('falls back to the date order for a rank sort without a query', () => {
    expect(symbols({ sort: 'rank' })).toEqual(symbols({ sort: 'distributionDate' }));
  });
});

describe('every match, for a batch change', () => {
  const matching = (input: Omit<ListInput, 'offset' | 'limit'>) => backend.call('notificationsMatchingIds', { today: TODAY, ...input });

  it('gives the id of every match in the list\u2019s own order, for filters, searches and sorts', () => {
    const views: Array<Omit<ListInput, 'offset' | 'limit'>> = [
      { blocs: ['GCC'] },
      { query: 'battery', sort: 'title', direction: 'asc' },
      { query: '电池' },
      { area: 'TBT', sort: 'commentDeadline', direction: 'asc' },
      { triageStatuses: ['new'], sort: 'memberCode' },
    ];
    for (const view of views) {
      const shown = list(view);
      expect(shown.total, JSON.stringify(view)).toBeGreaterThan(0);
      expect(matching(view), JSON.stringify(view)).toEqual({ total: shown.total, totalCapped: false, ids: shown.items.map((i) => i.id) });
    }
    expect(matching({ query: 'nosuchwordanywhere' })).toEqual({ total: 0, totalCapped: false, ids: [] });
  });

  it('gives no ids, only how many match, when more match than a batch may change', () => {
    const all = SEARCH_FIXTURES.length;
    const input = NotificationsListInput.parse({ today: TODAY });
    expect(listMatchingIds(backend.ctx.db, input, all, TODAY)).toMatchObject({ total: all, ids: expect.any(Array) });
    expect(listMatchingIds(backend.ctx.db, input, all, TODAY).ids).toHaveLength(all);
    expect(listMatchingIds(backend.ctx.db, input, all - 1, TODAY)).toEqual({ total: all, totalCapped: false, ids: [] });

    // Through the channel, whose limit is MAX_TRIAGE_BATCH.
    insertSyntheticNotifications(backend.ctx.db, { count: MAX_TRIAGE_BATCH + 1 - all, seed: 3 });
    expect(matching({})).toEqual({ total: MAX_TRIAGE_BATCH + 1, totalCapped: false, ids: [] });
    const one = list({ limit: 1 }).items[0]!;
    expect(matching({ query: one.symbol }).ids).toContain(one.id);
  });

  it('refuses paging and unknown fields', () => {
    expect(() => backend.call('notificationsMatchingIds', { offset: 0 } as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => backend.call('notificationsMatchingIds', { limit: 5 } as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => backend.call('notificationsMatchingIds', { colour: 'red' } as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('saved searches', () => {
  it('saves, lists, replaces by name and deletes, with an audit entry for each change', () => {
    const query = { query: '冰箱', scoStatus: 'partner', area: 'TBT', openForComments: true, sort: 'commentDeadline', direction: 'asc' } as const;
    const saved = backend.call('savedSearchSave', { name: '海湾能效', query });
    const acting = backend.call('analystsActing', {});
    expect(saved).toMatchObject({ name: '海湾能效', query, createdBy: acting.name, createdById: acting.uid });
    expect(backend.call('savedSearchesList', {})).toEqual([saved]);

    const replaced = backend.call('savedSearchSave', { name: '海湾能效', query: { blocs: ['GCC'] } });
    expect(replaced.id).toBe(saved.id);
    expect(backend.call('savedSearchesList', {}).map((s) => s.query)).toEqual([{ blocs: ['GCC'], direction: 'desc' }]);

    backend.call('savedSearchSave', { name: '电池', query: { query: '电池' } });
    expect(backend.call('savedSearchesList', {}).map((s) => s.name)).toEqual(['电池', '海湾能效']);

    // The saved query runs as it was kept.
    const again = backend.call('savedSearchesList', {}).find((s) => s.name === '电池')!;
    expect(found(again.query)).toEqual(['G/TBT/N/CHN/2000', 'G/TBT/N/RUS/300']);

    expect(backend.call('savedSearchDelete', { id: saved.id })).toEqual({ deleted: true });
    expect(backend.call('savedSearchDelete', { id: saved.id })).toEqual({ deleted: false });
    expect(backend.call('savedSearchesList', {}).map((s) => s.name)).toEqual(['电池']);

    const audit = backend.call('auditList', { entity: 'saved-search' });
    expect(audit.map((a) => a.action)).toEqual(['delete', 'create', 'update', 'create']);
    expect(audit[2]).toMatchObject({ before: { query: query }, after: { query: { blocs: ['GCC'] } } });
  });

  it('renames a saved search, keeping its query, and refuses a name in use or a search that is gone', () => {
    const first = backend.call('savedSearchSave', { name: '冰箱', query: { query: '冰箱' } });
    backend.call('savedSearchSave', { name: '电池', query: { query: '电池' } });
    const renamed = backend.call('savedSearchRename', { id: first.id, name: '  冰箱能效 ' });
    expect(renamed).toEqual({ ...first, name: '冰箱能效' });
    expect(backend.call('savedSearchesList', {}).map((s) => s.name).sort()).toEqual(['冰箱能效', '电池']);

    expect(() => backend.call('savedSearchRename', { id: first.id, name: '电池' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'A saved search named "电池" already exists' }),
    );
    expect(() => backend.call('savedSearchRename', { id: 9999, name: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => backend.call('savedSearchRename', { id: first.id, name: '   ' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(backend.call('savedSearchesList', {}).find((s) => s.id === first.id)?.name).toBe('冰箱能效');

    const audit = backend.call('auditList', { entity: 'saved-search', entityId: String(first.id) });
    expect(audit[0]).toMatchObject({ action: 'update', before: { name: '冰箱' }, after: { name: '冰箱能效', query: { query: '冰箱' } } });
  });

  it('refuses paging fields, unknown fields and blank names', () => {
    for (const input of [
      { name: 'x', query: { offset: 10 } },
      { name: 'x', query: { colour: 'red' } },
      { name: '  ', query: {} },
    ]) {
      expect(backend.invoke('savedSearchSave', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('reads a search saved by another version, keeping the fields it understands', () => {
    backend.ctx.db
      .prepare(
        `INSERT INTO saved_searches (name, query, uid, created_at, created_by, updated_at, updated_by)
         VALUES ('old', ?, pingyi_uid_at('2026-01-01'), '2026-01-01', '${UNRECORDED_ANALYST_UID}', '2026-01-01', '${UNRECORDED_ANALYST_UID}')`,
      )
      .run(JSON.stringify({ query: '电池', futureFilter: 3, area: 'XYZ' }));
    expect(backend.call('savedSearchesList', {})[0]?.query).toEqual({ query: '电池', direction: 'desc' });
  });

  it('lists the industry tags', () => {
    const industries = backend.call('industriesList', {});
    expect(industries).toHaveLength(12);
    expect(industries[0]).toEqual({ code: 'ev', nameZh: '电动汽车', nameEn: 'Electric vehicles' });
  });
});

describe('the pingyi search command', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir();
    await runCli(['demo', '--data-dir', tmp.dir], { out: () => {}, err: () => {} }, {});
  });
  afterAll(() => tmp.cleanup());

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['search', ...args, '--data-dir', tmp.dir], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const json = (out: string): NotificationsListOutput => JSON.parse(out) as NotificationsListOutput;

  it('prints the matching notifications with the hits marked', async () => {
    const r = await cli('refrigerators');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/G\/TBT\/N\/SAU\/9002 .*\[refrigerators\]/);
  });

  it('filters by --member and --type and prints JSON', async () => {
    const r = await cli('electric', 'vehicles', '--member', 'SAU', '--type', 'TBT', '--json');
    expect(r.code).toBe(0);
    expect(json(r.out).items.map((i) => i.symbol)).toEqual(['G/TBT/N/SAU/9001']);
    expect(json((await cli('electric', '--type', 'sps', '--json')).out).total).toBe(0);
    expect(json((await cli('electric', '--member', 'SAU,ARE', '--json')).out).items.map((i) => i.symbol).sort()).toEqual([
      'G/TBT/N/ARE/9001',
      'G/TBT/N/SAU/9001',
    ]);
  });

  it('stops at --limit and still reports the total', async () => {
    const r = json((await cli('electric', '--limit', '2', '--json')).out);
    expect(r.items).toHaveLength(2);
    expect(r.total).toBeGreaterThanOrEqual(7);
  });

  it('lists by date without a query', async () => {
    const r = json((await cli('--member', 'SAU', '--json')).out);
    expect(r.items.length).toBeGreaterThan(1);
    expect(r.items.every((i) => i.memberCode === 'SAU' && i.highlight === undefined)).toBe(true);
  });

  it('exits 2 on a bad --limit or --type, and 1 with the error code on a bad member', async () => {
    expect((await cli('x', '--limit', 'lots')).code).toBe(2);
    expect((await cli('x', '--type', 'XYZ')).code).toBe(2);
    const bad = await cli('x', '--member', 'S1', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('at 16,000 notifications', () => {
  let big: Awaited<ReturnType<typeof emptyBackend>>;
  let db: Database;
  beforeAll(async () => {
    big = await emptyBackend();
    db = big.backend.ctx.db;
    insertSyntheticNotifications(db, { count: 10_500, seed: 7 });
    // A word in 30 titles and 5,100 descriptions: more hits than one ranking pass takes.
    const rows: SearchFixture[] = [];
    for (let i = 0; i < 5_130; i++) {
      rows.push({
        symbol: `G/TBT/N/AZE/${i + 1}`,
        title: i < 30 ? `Zeolite adsorbents, part ${i}` : `Mineral products, part ${i}`,
        description: i < 30 ? 'Specification.' : `Requirements for zeolite and other minerals (${i}).`,
        distributed: addDays('2020-01-01', i % 1500),
      });
    }
    insertSearchFixtures(db, rows);
  }, 60_000);
  afterAll(() => big.cleanup());

  const bigList = (input: ListInput): NotificationsListOutput => big.backend.call('notificationsList', { today: TODAY, ...input });

  it('counts filtered rows up to 10,000 and reports more as capped; the whole list exactly', () => {
    expect(bigList({ distributedFrom: '1990-01-01', limit: 1 })).toMatchObject({ total: 10_000, totalCapped: true });
    expect(bigList({ memberCodes: ['AZE'], limit: 1 })).toMatchObject({ total: 5_130, totalCapped: false });
    expect(bigList({ limit: 1 })).toMatchObject({ total: 15_630, totalCapped: false });
    expect(bigList({ query: 'G', limit: 1 })).toMatchObject({ total: 10_000, totalCapped: true });
  });

  it('ranks title hits first across pages of a common word, without gaps or repeats', () => {
    const all = bigList({ query: 'zeolite', limit: 200 });
    expect(all.total).toBe(5_130);
    const titled = all.items.map((i) => hits(i.highlight?.title).length > 0);
    expect(titled.slice(0, 30).every(Boolean)).toBe(true);
    expect(titled.slice(30).some(Boolean)).toBe(false);
    const paged: number[] = [];
    for (let offset = 0; offset < 200; offset += 7) {
      paged.push(...bigList({ query: 'zeolite', offset, limit: Math.min(7, 200 - offset) }).items.map((i) => i.id));
    }
    expect(paged).toEqual(all.items.map((i) => i.id));
  });

  it('ranks the same way when the hits fit in one pass', () => {
    const r = bigList({ query: 'zeolite', memberCodes: ['AZE'], distributedTo: '2020-03-01', limit: 200 });
    const titled = r.items.map((i) => hits(i.highlight?.title).length > 0);
    expect(titled.indexOf(false)).toBe(titled.filter(Boolean).length);
    expect(titled.filter(Boolean).length).toBe(30);
  });

  describe('query plans', () => {
    /** The statements one list call runs. */
    function statementsOf(input: ListInput): RanStatement[] {
      const recording = recordingConnection(db);
      listNotifications(recording.db, NotificationsListInput.parse({ today: TODAY, ...input }), TODAY);
      return recording.ran;
    }
    const plan = (r: RanStatement): string[] => queryPlan(db, r);
    const pageQuery = (ran: RanStatement[]): RanStatement => ran.find((r) => /ORDER BY/.test(r.sql) && !/json_each\(@ids\)/.test(r.sql))!;

    it('reads one member newest first from an index, with no sort', () => {
      const steps = plan(pageQuery(statementsOf({ memberCodes: ['SAU'] })));
      expect(steps.join(' | ')).toMatch(/USING (COVERING )?INDEX notifications_(list_)?member \(member_code=\?/);
      expect(steps.join(' | ')).not.toMatch(/TEMP B-TREE/);
    });

    it('reads the first page of each column sort from that column\u2019s index', () => {
      const indexes: Array<[ListInput, RegExp]> = [
        [{}, /INDEX notifications_(list_date|distribution)\b/],
        [{ sort: 'distributionDate', direction: 'asc' }, /INDEX notifications_(list_date|distribution)\b/],
        [{ sort: 'title', direction: 'asc' }, /INDEX notifications_title\b/],
        [{ sort: 'title', direction: 'desc' }, /INDEX notifications_title\b/],
        [{ sort: 'symbol' }, /INDEX sqlite_autoindex_notifications_1\b/],
        [{ sort: 'commentDeadline', direction: 'asc' }, /INDEX notifications_deadline\b/],
        [{ sort: 'commentDeadline', direction: 'desc' }, /INDEX notifications_deadline\b/],
        [{ sort: 'memberCode' }, /INDEX notifications_list_member\b/],
        [{ area: 'TBT', docTypes: ['regular'] }, /INDEX notifications_(list_date|distribution)\b/],
      ];
      for (const [input, index] of indexes) {
        const steps = plan(pageQuery(statementsOf(input))).join(' | ');
        expect(steps, JSON.stringify(input)).toMatch(index);
        expect(steps, JSON.stringify(input)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      }
    });

    it('counts SCO and bloc filters inside the member index, without reading rows', () => {
      for (const input of [{ scoStatus: 'partner', area: 'TBT' }, { blocs: ['GCC'], docTypes: ['regular'] }] as ListInput[]) {
        const count = statementsOf(input).find((r) => /count\(\*\)/.test(r.sql))!;
        expect(plan(count).join(' | '), JSON.stringify(input)).toMatch(/COVERING INDEX notifications_list_member/);
      }
    });

    it('never scans the notifications table for the hot lists and searches', () => {
      const hot: ListInput[] = [
        {},
        { memberCodes: ['SAU'] },
        { scoStatus: 'any', openForComments: true },
        { blocs: ['EAEU'], area: 'SPS' },
        { hsCode: '8507' },
        { keyword: 'Labelling' },
        { triageStatuses: ['assessing'] },
        { sort: 'status', direction: 'desc' },
        { sort: 'relevance' },
        { query: '标准' },
        { query: 'zeolite', scoStatus: 'partner' },
        { query: 'labelling', openForComments: true },
        { query: 'batteries', sort: 'distributionDate' },
      ];
      for (const input of hot) {
        for (const r of statementsOf(input)) {
          const steps = plan(r);
          expect(steps, `${JSON.stringify(input)}: ${r.sql}`).not.toContain('SCAN n');
          // An id list handed to FTS5 would run the full-text query once per id.
          expect(steps.join(' | '), r.sql).not.toMatch(/VIRTUAL TABLE INDEX \d+:=/);
        }
      }
    });
  });
});

describe('migration 0090 (search indexes)', () => {
  const codes = (db: Database, id: number): string[] =>
    (db.prepare('SELECT kind, code FROM notification_codes WHERE notification_id = ? ORDER BY kind, code').all(id) as Array<{
      kind: string;
      code: string;
    }>).map((r) => `${r.kind}:${r.code}`);

  it('indexes the codes of notifications stored before it, and keeps them in step afterwards', () => {
    const dir = makeTempDir();
    const db = new BetterSqlite(path.join(dir.dir, 'm80.sqlite3'));
    try {
      configureConnection(db);
      migrate(db, testClock(), migrations.filter((m) => m.version <= 80));
      // The notification alone: the analysts' layer of this version is not in a store of version 80.
      const { symbol, title, hs, ics, keywords, objectives, distributed } = SEARCH_FIXTURES[0]!;
      const [id] = Object.values(insertSearchFixtures(db, [{ symbol, title, hs, ics, keywords, objectives, distributed }]));
      migrate(db, testClock());
      expect(codes(db, id!)).toEqual([
        'hs:841810',
        'hs:841821',
        'ics:97.040.30',
        'keyword:energy efficiency',
        'keyword:labelling',
        'objective:protection of the environment',
      ]);
      const before = NotificationsListInput.parse({ hsCode: '8418' });
      expect(listNotifications(db, before, TODAY).total).toBe(1);

      // A re-import that changes the codes, then a deletion.
      db.prepare(`UPDATE notifications SET hs_codes = '["8516.10"]', keywords = '[]' WHERE id = ?`).run(id);
      expect(codes(db, id!)).toEqual(['hs:851610', 'ics:97.040.30', 'objective:protection of the environment']);
      expect(listNotifications(db, before, TODAY).total).toBe(0);
      db.prepare('DELETE FROM notifications WHERE id = ?').run(id);
      expect(codes(db, id!)).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
      dir.cleanup();
    }
  });

  it('tolerates codes that are not a JSON array', () => {
    const db = backend.ctx.db;
    const id = ids['G/TBT/N/EGY/500']!;
    db.prepare(`UPDATE notifications SET hs_codes = 'not json', ics_codes = '[" 91.100.10 ", ""]' WHERE id = ?`).run(id);
    expect(codes(db, id)).toEqual(['ics:91.100.10']);
  });
});
