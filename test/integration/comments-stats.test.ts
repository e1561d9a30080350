import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ChannelInput } from '../../shared/contract';
import { AUTHOR, addAnalysts, by, commentWithPoints, submit } from '../helpers/comment-fixtures';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;

const T1 = 'international-test-methods';
const T2 = 'accredited-lab-reports';
const T3 = 'transition-period';

/**
 * Six submitted comments across three members and two years, one draft that must not count.
 *
 * | # | notification | member | industries                  | submitted  | points (template → outcome)                         |
 * |---|--------------|--------|-----------------------------|------------|-----------------------------------------------------|
 * | 1 | SAU/101      | SAU    | household-appliances        | 2024-03-10 | T1 adopted 2024-09-10 (¥10m), T2 not adopted 06-01  |
 * | 2 | SAU/102      | SAU    | ev, lithium-battery         | 2024-07-01 | T1 partly 2025-01-15, free no reply                 |
 * | 3 | TUR/201      | TUR    | chemicals                   | 2024-11-20 | T3 adopted 2025-02-20 (¥2.5m)                       |
 * | 4 | TUR/202      | TUR    | (none)                      | 2025-02-10 | T3 pending, T2 pending                              |
 * | 5 | KAZ/301      | KAZ    | photovoltaic                | 2025-05-05 | T1 not adopted 08-01, T2 withdrawn 09-01, T3 pending |
 * | 6 | KAZ/302      | KAZ    | photovoltaic                | 2025-06-30 | free no reply                                       |
 * | 7 | IND/401      | IND    | lithium-battery             | (draft)    | T1                                                  |
 */
beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  const ids = insertNotifications(backend.ctx.db, [
    { symbol: 'G/TBT/N/SAU/101', distributionDate: '2024-01-10' },
    { symbol: 'G/TBT/N/SAU/102', distributionDate: '2024-05-10' },
    { symbol: 'G/TBT/N/TUR/201', distributionDate: '2024-09-10' },
    { symbol: 'G/TBT/N/TUR/202', distributionDate: '2024-12-10' },
    { symbol: 'G/TBT/N/KAZ/301', distributionDate: '2025-03-10' },
    { symbol: 'G/TBT/N/KAZ/302', distributionDate: '2025-05-10' },
    { symbol: 'G/TBT/N/IND/401', distributionDate: '2025-08-10' },
  ]);
  const industries: Record<string, string[]> = {
    'G/TBT/N/SAU/101': ['household-appliances'],
    'G/TBT/N/SAU/102': ['ev', 'lithium-battery'],
    'G/TBT/N/TUR/201': ['chemicals'],
    'G/TBT/N/KAZ/301': ['photovoltaic'],
    'G/TBT/N/KAZ/302': ['photovoltaic'],
    'G/TBT/N/IND/401': ['lithium-battery'],
  };
  for (const [symbol, codes] of Object.entries(industries)) backend.call('notificationsTriageUpdate', { id: ids[symbol]!, industries: codes });

  const outcome = (id: number, pointKey: string, o: Omit<ChannelInput<'commentsRecordOutcome'>, 'id' | 'actor' | 'pointKey'>) =>
    by(backend, AUTHOR).call('commentsRecordOutcome', { id, pointKey, ...o });

  const c1 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/SAU/101']!, 2, [T1, T2]), '2024-03-10');
  outcome(c1.id, 'p1', {
    outcome: 'adopted',
    evidence: { kind: 'regulation', reference: 'Final regulation', date: '2024-09-10' },
    costSparedCny: 10_000_000,
    costMethod: 'units × testing fee',
  });
  outcome(c1.id, 'p2', { outcome: 'not_adopted', date: '2024-06-01' });
  const c2 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/SAU/102']!, 2, [T1, null]), '2024-07-01');
  outcome(c2.id, 'p1', { outcome: 'partly_adopted', evidence: { kind: 'regulation', reference: 'Revised draft', date: '2025-01-15' } });
  outcome(c2.id, 'p2', { outcome: 'no_reply' });
  const c3 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/TUR/201']!, 1, [T3]), '2024-11-20');
  outcome(c3.id, 'p1', {
    outcome: 'adopted',
    evidence: { kind: 'regulation', reference: 'Fertilizer regulation', date: '2025-02-20' },
    costSparedCny: 2_500_000,
    costMethod: 'tonnage × relabelling cost',
  });
  submit(backend, commentWithPoints(backend, ids['G/TBT/N/TUR/202']!, 2, [T3, T2]), '2025-02-10');
  const c5 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/KAZ/301']!, 3, [T1, T2, T3]), '2025-05-05');
  outcome(c5.id, 'p1', { outcome: 'not_adopted', date: '2025-08-01' });
  outcome(c5.id, 'p2', { outcome: 'withdrawn', date: '2025-09-01' });
  const c6 = submit(backend, commentWithPoints(backend, ids['G/TBT/N/KAZ/302']!, 1, [null]), '2025-06-30');
  outcome(c6.id, 'p1', { outcome: 'no_reply' });
  commentWithPoints(backend, ids['G/TBT/N/IND/401']!, 1, [T1]);
});
afterEach(() => env.cleanup());

/** A breakdown row, worked by hand: the rates are over the comments with an outcome (fully + partly + not adopted). */
const group = (key: string | null, counts: { adopted?: number; partly?: number; not?: number; awaiting?: number }, points: number, pointsAdopted: number) => {
  const { adopted = 0, partly = 0, not = 0, awaiting = 0 } = counts;
  const decided = adopted + partly + not;
  return expect.objectContaining({
    key,
    submitted: decided + awaiting,
    adopted,
    partlyAdopted: partly,
    notAdopted: not,
    withdrawn: 0,
    awaiting,
    decided,
    fullyAdoptedRate: decided === 0 ? null : adopted / decided,
    atLeastPartlyRate: decided === 0 ? null : (adopted + partly) / decided,
    points,
    pointsAdopted,
  });
};

/**
 * Comment outcomes from the table above: #1 partly (one point adopted, one not), #2 partly
 * (partly + no reply), #3 adopted (its one point), #4 awaiting, #5 awaiting (a point still open),
 * #6 not adopted (no reply). So 1 fully adopted, 2 partly, 1 not, 2 awaiting: 1/4 fully adopted,
 * 3/4 at least partly, where "one point adopted" used to make 3 of 6 "adopted".
 */
describe('comment statistics', () => {
  it('match the hand count over all years', () => {
    const s = backend.call('commentsStats', {});
    expect(s.totals).toEqual({
      submitted: 6,
      adopted: 1,
      partlyAdopted: 2,
      notAdopted: 1,
      withdrawn: 0,
      awaiting: 2,
      decided: 4,
      fullyAdoptedRate: 0.25,
      atLeastPartlyRate: 0.75,
      points: { total: 11, adopted: 2, partlyAdopted: 1, notAdopted: 2, noReply: 2, withdrawn: 1, pending: 3 },
      pointAdoptionRate: 3 / 11,
      costSparedCny: 12_500_000,
    });
    // Saudi Arabia: both comments only partly adopted, so 0 % fully and 100 % at least partly (not "100 % adopted").
    expect(s.byMember).toEqual([
      group('KAZ', { not: 1, awaiting: 1 }, 4, 0),
      group('SAU', { partly: 2 }, 4, 2),
      group('TUR', { adopted: 1, awaiting: 1 }, 3, 1),
    ]);
    expect(s.byMember[1]).toMatchObject({ labelZh: '沙特阿拉伯', labelEn: 'Saudi Arabia', fullyAdoptedRate: 0, atLeastPartlyRate: 1 });
    expect(s.byIndustry).toEqual([
      group(null, { awaiting: 1 }, 2, 0),
      group('chemicals', { adopted: 1 }, 1, 1),
      group('ev', { partly: 1 }, 2, 1),
      group('household-appliances', { partly: 1 }, 2, 1),
      group('lithium-battery', { partly: 1 }, 2, 1),
      group('photovoltaic', { not: 1, awaiting: 1 }, 4, 0),
    ]);
    expect(s.byIndustry[0]).toMatchObject({ labelZh: '未分类', labelEn: 'Unclassified' });
    expect(s.byYear).toEqual([group('2024', { adopted: 1, partly: 2 }, 5, 3), group('2025', { not: 1, awaiting: 2 }, 6, 0)]);
    expect(s.byTemplate).toEqual([
      { code: T2, nameZh: '承认中国认可实验室出具的检测报告', nameEn: expect.any(String), adoptionRate: 0, points: { total: 3, adopted: 0, partlyAdopted: 0, notAdopted: 1, noReply: 0, withdrawn: 1, pending: 1 } },
      { code: T1, nameZh: expect.any(String), nameEn: expect.any(String), adoptionRate: 2 / 3, points: { total: 3, adopted: 1, partlyAdopted: 1, notAdopted: 1, noReply: 0, withdrawn: 0, pending: 0 } },
      { code: T3, nameZh: expect.any(String), nameEn: expect.any(String), adoptionRate: 1 / 3, points: { total: 3, adopted: 1, partlyAdopted: 0, notAdopted: 0, noReply: 0, withdrawn: 0, pending: 2 } },
      { code: null, nameZh: '未使用模板', nameEn: 'Written without a template', adoptionRate: 0, points: { total: 2, adopted: 0, partlyAdopted: 0, notAdopted: 0, noReply: 2, withdrawn: 0, pending: 0 } },
    ]);
    // First dated outcome other than "no reply": 83 (#1), 198 (#2), 92 (#3) and 88 (#5) days.
    expect(s.timeToOutcome).toEqual({ comments: 4, meanDays: 115.25, medianDays: 90, minDays: 83, maxDays: 198 });
  });

  it('restrict everything to the submissions of a period', () => {
    const s = backend.call('commentsStats', { from: '2025-01-01', to: '2025-12-31' });
    expect(s.totals).toMatchObject({ submitted: 3, adopted: 0, notAdopted: 1, awaiting: 2, decided: 1, fullyAdoptedRate: 0, atLeastPartlyRate: 0, costSparedCny: 0 });
    expect(s.byYear).toEqual([group('2025', { not: 1, awaiting: 2 }, 6, 0)]);
    expect(s.byMember.map((g) => g.key)).toEqual(['KAZ', 'TUR']);
    expect(s.timeToOutcome).toMatchObject({ comments: 1, medianDays: 88 });
    const none = backend.call('commentsStats', { from: '2030-01-01' });
    expect(none.totals).toMatchObject({ submitted: 0, decided: 0, fullyAdoptedRate: null, atLeastPartlyRate: null, pointAdoptionRate: null });
    expect(none.timeToOutcome).toEqual({ comments: 0, meanDays: null, medianDays: null, minDays: null, maxDays: null });
  });

  it('count a comment only once every point has an outcome, and then as partly adopted when one of two points was', () => {
    const c4 = backend.call('commentsList', { statuses: ['submitted'] }).items.find((i) => i.target.symbols[0] === 'G/TBT/N/TUR/202')!;
    const record = (pointKey: string, outcome: 'adopted' | 'not_adopted') =>
      by(backend, AUTHOR).call('commentsRecordOutcome', {
        id: c4.id,
        pointKey,
        outcome,
        ...(outcome === 'adopted' ? { evidence: { kind: 'regulation' as const, reference: 'Final text', date: '2025-06-01' } } : { date: '2025-06-01' }),
      });
    expect(record('p1', 'adopted').outcome).toBe('awaiting');
    expect(backend.call('commentsStats', {}).totals).toMatchObject({ awaiting: 2, fullyAdoptedRate: 0.25, atLeastPartlyRate: 0.75 });

    expect(record('p2', 'not_adopted').outcome).toBe('partly_adopted');
    const after = backend.call('commentsStats', {}).totals;
    expect(after).toMatchObject({ adopted: 1, partlyAdopted: 3, notAdopted: 1, awaiting: 1, decided: 5, fullyAdoptedRate: 1 / 5, atLeastPartlyRate: 4 / 5 });
    expect(backend.call('commentsDashboard', {}).outcomes).toEqual({
      submitted: 6,
      adopted: 1,
      partlyAdopted: 3,
      notAdopted: 1,
      withdrawn: 0,
      awaiting: 1,
      decided: 5,
      fullyAdoptedRate: 1 / 5,
      atLeastPartlyRate: 4 / 5,
    });
  });
});
