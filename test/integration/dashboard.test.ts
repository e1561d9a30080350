import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ChannelInput, DashboardData } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { addDays } from '../../shared/domain/deadline';
import { AUTHOR, addAnalysts, by, commentWithPoints, submit } from '../helpers/comment-fixtures';
import { CHAPTERS_FROM_CODES, CHAPTERS_FROM_ROWS, industriesFromRows, industriesFromTags } from '../../electron/backend/dashboard/dashboard-query';
import { resolveScope } from '../../electron/backend/dashboard/dashboard-scope';
import { countTables, recountTables } from '../helpers/dashboard-counts';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend, testClock } from '../helpers/temp-store';
import { insertWarningRow } from '../helpers/warning-fixtures';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;

const TODAY = todayOf(testClock());
/** The default period: the first day of the month eleven months back, to today. */
const FROM = (() => {
  const monthIndex = Number(TODAY.slice(5, 7)) - 1;
  return new Date(Date.UTC(Number(TODAY.slice(0, 4)), monthIndex - 11, 1)).toISOString().slice(0, 10);
})();

interface Row {
  symbol: string;
  distributed: string;
  deadline: string | null;
  hs: string[];
  industries: string[];
  status?: 'screening' | 'assessing' | 'new';
  titleZh?: string;
}

/** The fixture notifications; every expected figure below is counted from this table by hand-written filters. */
const ROWS: Row[] = [
  { symbol: 'G/TBT/N/SAU/1', distributed: addDays(TODAY, -10), deadline: addDays(TODAY, 3), hs: ['8507.60', '850780'], industries: ['ev'], titleZh: '电动汽车电池技术法规' },
  { symbol: 'G/SPS/N/SAU/2', distributed: addDays(TODAY, -40), deadline: addDays(TODAY, 10), hs: ['0302'], industries: ['aquatic-products'], status: 'screening' },
  { symbol: 'G/TBT/N/ARE/3', distributed: addDays(TODAY, -70), deadline: addDays(TODAY, 20), hs: ['8703.10'], industries: [] },
  { symbol: 'G/TBT/N/KAZ/4', distributed: addDays(TODAY, -100), deadline: addDays(TODAY, -1), hs: ['8507'], industries: ['lithium-battery', 'ev'] },
  { symbol: 'G/SPS/N/RUS/5', distributed: addDays(TODAY, -200), deadline: addDays(TODAY, 5), hs: [], industries: [], status: 'new' },
  { symbol: 'G/TBT/N/IND/6', distributed: addDays(FROM, -1), deadline: addDays(TODAY, 2), hs: ['8541'], industries: ['photovoltaic'] },
  { symbol: 'G/TBT/N/CHN/7', distributed: TODAY, deadline: addDays(TODAY, 14), hs: ['85'], industries: [] },
  { symbol: 'G/TBT/N/TUR/8', distributed: addDays(TODAY, -800), deadline: null, hs: ['3105'], industries: ['chemicals'] },
  { symbol: 'G/TBT/N/KAZ/9', distributed: addDays(TODAY, -5), deadline: addDays(TODAY, 15), hs: ['8507.10'], industries: ['ev'] },
];
const member = (r: Row): string => r.symbol.split('/')[3]!;
const area = (r: Row): string => r.symbol.split('/')[1]!;
const inPeriod = (r: Row, from = FROM, to = TODAY): boolean => r.distributed >= from && r.distributed <= to;
const GCC = ['ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'SAU'];

let ids: Record<string, number>;

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  ids = insertNotifications(
    backend.ctx.db,
    ROWS.map((r) => ({ symbol: r.symbol, distributionDate: r.distributed, commentDeadline: r.deadline })),
  );
  const setHs = backend.ctx.db.prepare('UPDATE notifications SET hs_codes = ? WHERE id = ?');
  for (const r of ROWS) {
    setHs.run(JSON.stringify(r.hs), ids[r.symbol]!);
    if (r.industries.length || r.status) {
      backend.call('notificationsTriageUpdate', { id: ids[r.symbol]!, industries: r.industries, ...(r.status ? { status: r.status } : {}) });
    }
    if (r.titleZh) {
      backend.call('notificationsTranslationUpdate', { id: ids[r.symbol]!, titleZh: r.titleZh, descriptionZh: '', translator: AUTHOR, status: 'draft' });
    }
  }
});
afterEach(() => env.cleanup());

const get = (input: ChannelInput<'dashboardGet'> = {}): DashboardData => backend.call('dashboardGet', input);

describe('dashboard notification figures', () => {
  it('counts the default period (twelve months to today) by month, member, area, industry and HS chapter', () => {
    const d = get();
    expect(d.from).toBe(FROM);
    expect(d.to).toBe(TODAY);
    expect(d.today).toBe(TODAY);
    const period = ROWS.filter((r) => inPeriod(r));
    expect(d.totals).toEqual({
      notifications: period.length,
      tbt: period.filter((r) => area(r) === 'TBT').length,
      sps: period.filter((r) => area(r) === 'SPS').length,
    });
    // Twelve months, every one present, oldest first.
    expect(d.byMonth).toHaveLength(12);
    expect(d.byMonth[0]!.month).toBe(FROM.slice(0, 7));
    expect(d.byMonth[11]!.month).toBe(TODAY.slice(0, 7));
    for (const m of d.byMonth) {
      const rows = period.filter((r) => r.distributed.startsWith(m.month));
      expect(m).toEqual({ month: m.month, tbt: rows.filter((r) => area(r) === 'TBT').length, sps: rows.filter((r) => area(r) === 'SPS').length });
    }
    const members = [...new Set(period.map(member))];
    expect(d.byMember.map((g) => g.key).sort()).toEqual(members.sort());
    for (const g of d.byMember) {
      const rows = period.filter((r) => member(r) === g.key);
      expect(g.total).toBe(rows.length);
      expect(g.tbt).toBe(rows.filter((r) => area(r) === 'TBT').length);
    }
    expect(d.byMember[0]!.total).toBeGreaterThanOrEqual(d.byMember[d.byMember.length - 1]!.total);
    expect(d.byMember.find((g) => g.key === 'SAU')).toMatchObject({ labelZh: '沙特阿拉伯', tbt: 1, sps: 1, total: 2 });

    const industries = new Map<string, number>();
    for (const r of period) for (const i of r.industries.length ? r.industries : ['']) industries.set(i, (industries.get(i) ?? 0) + 1);
    expect(Object.fromEntries(d.byIndustry.map((g) => [g.key, g.total]))).toEqual(Object.fromEntries(industries));
    expect(d.byIndustry.find((g) => g.key === '')?.labelEn).toBe('Unclassified');

    const chapters = new Map<string, number>();
    for (const r of period) {
      for (const ch of new Set(r.hs.map((h) => h.replace(/\D/g, '').slice(0, 2)))) chapters.set(ch, (chapters.get(ch) ?? 0) + 1);
    }
    expect(Object.fromEntries(d.byHsChapter.map((g) => [g.key, g.total]))).toEqual(Object.fromEntries(chapters));
    expect(d.byHsChapter[0]).toMatchObject({ key: '85', labelZh: '第85章' });
  });

  it('counts open, closing this week and untriaged closing soon as of today, whatever the period', () => {
    const d = get({ from: addDays(TODAY, -30), to: TODAY });
    const open = ROWS.filter((r) => r.deadline !== null && r.deadline >= TODAY);
    expect(d.openNow).toBe(open.length);
    expect(d.closingThisWeek).toBe(open.filter((r) => r.deadline! <= addDays(TODAY, 6)).length);
    const urgent = open
      .filter((r) => r.deadline! <= addDays(TODAY, 14) && (r.status ?? 'new') === 'new')
      .sort((a, b) => (a.deadline! < b.deadline! ? -1 : 1));
    expect(d.untriagedClosingSoonTotal).toBe(urgent.length);
    expect(d.untriagedClosingSoon.map((i) => i.symbol)).toEqual(urgent.map((r) => r.symbol));
    const first = d.untriagedClosingSoon.find((i) => i.symbol === 'G/TBT/N/SAU/1')!;
    expect(first).toMatchObject({ titleZh: '电动汽车电池技术法规', memberName: '沙特阿拉伯', daysLeft: 3, commentDeadline: addDays(TODAY, 3) });
  });

  it('filters by period, member, bloc and industry', () => {
    const from = addDays(TODAY, -75);
    const to = addDays(TODAY, -5);
    expect(get({ from, to }).totals.notifications).toBe(ROWS.filter((r) => inPeriod(r, from, to)).length);

    const kaz = get({ memberCodes: ['KAZ'] });
    expect(kaz.byMember.map((g) => g.key)).toEqual(['KAZ']);
    expect(kaz.totals.notifications).toBe(ROWS.filter((r) => inPeriod(r) && member(r) === 'KAZ').length);
    expect(kaz.openNow).toBe(ROWS.filter((r) => member(r) === 'KAZ' && r.deadline !== null && r.deadline >= TODAY).length);

    // A bloc stands for its members.
    const gcc = get({ memberCodes: ['GCC'] });
    expect(gcc.byMember.map((g) => g.key).sort()).toEqual(['ARE', 'SAU']);
    expect(gcc.totals.notifications).toBe(ROWS.filter((r) => inPeriod(r) && GCC.includes(member(r))).length);
    const mixed = get({ memberCodes: ['GCC', 'KAZ'] });
    expect(mixed.totals.notifications).toBe(ROWS.filter((r) => inPeriod(r) && [...GCC, 'KAZ'].includes(member(r))).length);

    const ev = get({ industries: ['ev'] });
    const evRows = ROWS.filter((r) => inPeriod(r) && r.industries.includes('ev'));
    expect(ev.totals.notifications).toBe(evRows.length);
    expect(ev.byIndustry.find((g) => g.key === '')).toBeUndefined();
    expect(ev.byIndustry.find((g) => g.key === 'ev')?.total).toBe(evRows.length);
    expect(ev.byIndustry.find((g) => g.key === 'lithium-battery')?.total).toBe(evRows.filter((r) => r.industries.includes('lithium-battery')).length);
    expect(ev.untriagedClosingSoon.map((i) => i.symbol)).toEqual(['G/TBT/N/SAU/1']);

    const both = get({ memberCodes: ['KAZ'], industries: ['ev'], from: addDays(TODAY, -60) });
    expect(both.totals.notifications).toBe(ROWS.filter((r) => inPeriod(r, addDays(TODAY, -60)) && member(r) === 'KAZ' && r.industries.includes('ev')).length);
  });

  it('lists what each figure counts through the notification list with the same filters', () => {
    const d = get({ memberCodes: ['GCC', 'KAZ'] });
    const list = (input: ChannelInput<'notificationsList'>) => backend.call('notificationsList', { today: TODAY, limit: 1, ...input }).total;
    const members = ['ARE', 'BHR', 'KAZ', 'KWT', 'OMN', 'QAT', 'SAU'];
    for (const g of d.byMember) expect(list({ memberCodes: [g.key], distributedFrom: d.from, distributedTo: d.to })).toBe(g.total);
    for (const g of d.byHsChapter) expect(list({ memberCodes: members, hsCode: g.key, distributedFrom: d.from, distributedTo: d.to })).toBe(g.total);
    expect(list({ memberCodes: members, openForComments: true })).toBe(d.openNow);
    expect(list({ memberCodes: members, deadlineWithinDays: 6 })).toBe(d.closingThisWeek);
    expect(list({ memberCodes: members, deadlineWithinDays: 14, triageStatuses: ['new'] })).toBe(d.untriagedClosingSoonTotal);
  });

  it('reads the same HS chapters from the lookup table (many notifications) as from the rows (few)', () => {
    const update = backend.ctx.db.prepare('UPDATE notifications SET hs_codes = ? WHERE id = ?');
    // Odd spellings the lookup table normalises: dots, spaces, dashes, a one-digit code, a chapter twice.
    update.run(JSON.stringify([' 85.07-60 ', '8', '8541 40', '85']), ids['G/TBT/N/KAZ/9']!);
    const sorted = (rows: unknown[]) => JSON.stringify([...(rows as Array<{ key: string; area: string }>)].sort((a, b) => `${a.key}${a.area}`.localeCompare(`${b.key}${b.area}`)));
    const where = 'WHERE n.distribution_date >= @from';
    const fromCodes = backend.ctx.db.prepare(CHAPTERS_FROM_CODES(where)).all({ from: FROM });
    const fromRows = backend.ctx.db.prepare(CHAPTERS_FROM_ROWS(where)).all({ from: FROM });
    expect(fromCodes.length).toBeGreaterThan(2);
    expect(sorted(fromRows)).toBe(sorted(fromCodes));
  });

  it('counts a period that cuts months in two: whole months from the counts tables, the days around them from the rows', () => {
    const from = addDays(TODAY, -150);
    const to = addDays(TODAY, -3);
    for (const input of [{ from, to }, { from, to, memberCodes: ['KAZ', 'SAU'] }]) {
      const d = get(input);
      const period = ROWS.filter((r) => inPeriod(r, from, to) && (!input.memberCodes || input.memberCodes.includes(member(r))));
      expect(d.totals.notifications).toBe(period.length);
      for (const m of d.byMonth) {
        const rows = period.filter((r) => r.distributed.startsWith(m.month));
        expect(m).toEqual({ month: m.month, tbt: rows.filter((r) => area(r) === 'TBT').length, sps: rows.filter((r) => area(r) === 'SPS').length });
      }
      const members = new Map<string, number>();
      for (const r of period) members.set(member(r), (members.get(member(r)) ?? 0) + 1);
      expect(Object.fromEntries(d.byMember.map((g) => [g.key, g.total]))).toEqual(Object.fromEntries(members));
      const chapters = new Map<string, number>();
      for (const r of period) {
        for (const ch of new Set(r.hs.map((h) => h.replace(/\D/g, '').slice(0, 2)))) chapters.set(ch, (chapters.get(ch) ?? 0) + 1);
      }
      expect(Object.fromEntries(d.byHsChapter.map((g) => [g.key, g.total]))).toEqual(Object.fromEntries(chapters));
      const industries = new Map<string, number>();
      for (const r of period) for (const i of r.industries.length ? r.industries : ['']) industries.set(i, (industries.get(i) ?? 0) + 1);
      expect(Object.fromEntries(d.byIndustry.map((g) => [g.key, g.total]))).toEqual(Object.fromEntries(industries));
    }
  });

  it('keeps the counts tables in step with every insert, update and delete of a notification', () => {
    const db = backend.ctx.db;
    expect(countTables(db)).toEqual(recountTables(db));
    expect(countTables(db).memberChapters.length).toBeGreaterThan(5);
    const id = ids['G/TBT/N/KAZ/9']!;
    const steps = [
      ['UPDATE notifications SET distribution_date = ? WHERE id = ?', addDays(TODAY, -400), id],
      ['UPDATE notifications SET member_code = ? WHERE id = ?', 'UZB', id],
      ["UPDATE notifications SET area = 'SPS' WHERE id = ?", id],
      ['UPDATE notifications SET hs_codes = ? WHERE id = ?', JSON.stringify([' 03.02 ', '0302', '8', '85 07']), id],
      ["UPDATE notifications SET hs_codes = 'not json' WHERE id = ?", ids['G/TBT/N/SAU/1']!],
      ['UPDATE notifications SET distribution_date = NULL WHERE id = ?', ids['G/SPS/N/SAU/2']!],
      ['UPDATE notifications SET distribution_date = ? WHERE id = ?', TODAY, ids['G/SPS/N/SAU/2']!],
      ['DELETE FROM notifications WHERE id = ?', ids['G/TBT/N/IND/6']!],
    ] as const;
    for (const [sql, ...args] of steps) {
      db.prepare(sql).run(...args);
      expect(countTables(db), sql).toEqual(recountTables(db));
    }
    // Nothing left at zero: each row stands for some notifications.
    expect(db.prepare('SELECT count(*) FROM notification_month_counts WHERE n <= 0').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM notification_member_chapter_counts WHERE n <= 0').pluck().get()).toBe(0);
    // The figures follow: the notification moved out of the default period, chapter 03 gained one.
    const d = get({ from: addDays(TODAY, -800) });
    expect(d.byMember.find((g) => g.key === 'UZB')).toMatchObject({ sps: 1, tbt: 0 });
    expect(d.byHsChapter.find((g) => g.key === '03')).toMatchObject({ sps: 2 });
  });

  it('counts industries from the tagged notifications (many in the period) as from the rows (few)', () => {
    const db = backend.ctx.db;
    const sorted = (rows: Array<{ key: string; area: string; n: number }>) => [...rows].sort((a, b) => `${a.key}/${a.area}`.localeCompare(`${b.key}/${b.area}`));
    for (const filter of [{}, { from: addDays(TODAY, -900) }, { memberCodes: ['KAZ', 'TUR'], from: addDays(TODAY, -900) }, { from: addDays(TODAY, -60), to: addDays(TODAY, -1) }]) {
      const scope = resolveScope(db, filter, TODAY);
      const total = { TBT: 0, SPS: 0 };
      for (const r of ROWS) {
        if (inPeriod(r, scope.from, scope.to) && (!scope.members || scope.members.includes(member(r)))) total[area(r) as 'TBT' | 'SPS'] += 1;
      }
      const fromRows = industriesFromRows(db, scope);
      expect(fromRows.length).toBeGreaterThan(0);
      expect(sorted(industriesFromTags(db, scope, total))).toEqual(sorted(fromRows));
    }
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => get({ from: TODAY, to: addDays(TODAY, -1) })).toThrow(/ends before it starts/);
  });
});

describe('dashboard warnings and comments', () => {
  it('counts open warnings by level for the members and industries filtered', () => {
    const actorUid = backend.call('analystsList', {})[0]!.uid;
    const n = ids['G/TBT/N/SAU/1']!;
    const warnings = [
      { members: ['SAU', 'ARE'], level: 'red', industryCode: 'ev' },
      { members: ['SAU'], level: 'red', industryCode: 'lithium-battery' },
      { members: ['KAZ'], level: 'orange', industryCode: 'ev' },
      { members: ['KAZ'], level: 'blue', industryCode: 'ev', state: 'closed' },
      { members: ['TUR'], level: 'yellow', industryCode: 'chemicals', state: 'acknowledged' },
    ] as const;
    warnings.forEach((w, i) =>
      insertWarningRow(backend.ctx.db, { notificationId: n, symbols: [`G/TBT/N/SAU/${100 + i}`], score: 50, actorUid, ...w, members: [...w.members] }),
    );
    const count = (pick: (w: (typeof warnings)[number]) => boolean) => {
      const out = { red: 0, orange: 0, yellow: 0, blue: 0 };
      for (const w of warnings) if (!('state' in w && w.state === 'closed') && pick(w)) out[w.level] += 1;
      return out;
    };
    expect(get().warningsByLevel).toEqual(count(() => true));
    expect(get({ memberCodes: ['GCC'] }).warningsByLevel).toEqual(count((w) => w.members.some((m) => GCC.includes(m))));
    expect(get({ industries: ['ev'] }).warningsByLevel).toEqual(count((w) => w.industryCode === 'ev'));
    expect(get({ memberCodes: ['KAZ'], industries: ['ev'] }).warningsByLevel).toEqual({ red: 0, orange: 1, yellow: 0, blue: 0 });
    // The inbox lists the same warnings for one member.
    const inbox = backend.call('warningsList', { member: 'SAU', states: ['new', 'acknowledged', 'planned'] });
    expect(inbox.levels).toEqual(get({ memberCodes: ['SAU'] }).warningsByLevel);
  });

  it('builds the comment funnel and cost spared as the comment statistics define them', () => {
    const outcome = (id: number, pointKey: string, o: Omit<ChannelInput<'commentsRecordOutcome'>, 'id' | 'actor' | 'pointKey'>) =>
      by(backend, AUTHOR).call('commentsRecordOutcome', { id, pointKey, ...o });
    const evidence = { kind: 'regulation' as const, reference: 'Final regulation', date: addDays(TODAY, -2) };
    // SAU/1: submitted in the period, both points adopted (fully adopted), ¥3m.
    const c1 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/SAU/1']!, 2), addDays(TODAY, -8));
    outcome(c1.id, 'p1', { outcome: 'adopted', evidence, costSparedCny: 3_000_000, costMethod: 'units × fee' });
    outcome(c1.id, 'p2', { outcome: 'adopted', evidence });
    // KAZ/4: submitted in the period, one point partly adopted, one not (partly adopted), ¥1m.
    const c2 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/KAZ/4']!, 2), addDays(TODAY, -30));
    outcome(c2.id, 'p1', { outcome: 'partly_adopted', evidence, costSparedCny: 1_000_000, costMethod: 'tonnage' });
    outcome(c2.id, 'p2', { outcome: 'not_adopted', date: addDays(TODAY, -3) });
    // ARE/3: submitted in the period, one of two points answered (awaiting, but has an outcome).
    const c3 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/ARE/3']!, 2), addDays(TODAY, -20));
    outcome(c3.id, 'p1', { outcome: 'not_adopted', date: addDays(TODAY, -1) });
    // TUR/8: submitted long before the period: not in the funnel's submitted figures.
    const c4 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/TUR/8']!, 1), addDays(TODAY, -700));
    outcome(c4.id, 'p1', { outcome: 'adopted', evidence, costSparedCny: 9_000_000, costMethod: 'units' });
    // RUS/5: a draft.
    commentWithPoints(backend, ids['G/SPS/N/RUS/5']!, 1);

    const d = get();
    // Every comment was written today (the test clock), so all five are drafted in the period.
    expect(d.comments).toMatchObject({ drafted: 5, submitted: 3, withOutcome: 3, adopted: 1, partlyAdopted: 1 });
    // Decided: c1 (adopted) and c2 (partly); c3 still awaits a point.
    expect(d.comments.fullyAdoptedRate).toBeCloseTo(1 / 2);
    expect(d.comments.atLeastPartlyRate).toBeCloseTo(2 / 2);
    expect(d.costSparedCny).toBe(4_000_000);
    expect(d.comments.byStatus).toMatchObject({ submitted: 4, draft: 1 });
    // The same figures as the comment statistics of the period.
    const stats = backend.call('commentsStats', { from: d.from, to: d.to });
    expect(stats.totals).toMatchObject({ submitted: d.comments.submitted, adopted: d.comments.adopted, partlyAdopted: d.comments.partlyAdopted, costSparedCny: d.costSparedCny });

    const kaz = get({ memberCodes: ['KAZ'] });
    expect(kaz.comments).toMatchObject({ drafted: 1, submitted: 1, adopted: 0, partlyAdopted: 1, fullyAdoptedRate: 0, atLeastPartlyRate: 1 });
    expect(kaz.costSparedCny).toBe(1_000_000);
    const gcc = get({ memberCodes: ['GCC'] });
    expect(gcc.comments).toMatchObject({ drafted: 2, submitted: 2, withOutcome: 2, adopted: 1 });
    const ev = get({ industries: ['ev'] });
    expect(ev.comments).toMatchObject({ submitted: 2, adopted: 1, partlyAdopted: 1 });
    expect(ev.costSparedCny).toBe(4_000_000);
    // A period that ends before anything was written today.
    const old = get({ from: addDays(TODAY, -800), to: addDays(TODAY, -365) });
    expect(old.comments).toMatchObject({ drafted: 0, submitted: 1, adopted: 1 });
    expect(old.costSparedCny).toBe(9_000_000);
  });
});
