import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarningListInput } from '../../shared/contract/warnings';
import { ApiError } from '../../shared/result';
import { notificationId, plusDays, SYMBOLS, warningsStore } from '../helpers/warnings-workflow-store';

let fx: Awaited<ReturnType<typeof warningsStore>>;
beforeEach(async () => {
  fx = await warningsStore();
});
afterEach(() => fx.cleanup());

/** The fixture's names of the warnings listed, in order. */
function listed(input: WarningListInput = {}): string[] {
  const names = new Map(Object.entries(fx.warnings).map(([name, uid]) => [uid, name]));
  return fx.backend.call('warningsList', input).items.map((i) => names.get(i.uid) ?? i.uid);
}

describe('the warnings inbox', () => {
  it('lists the warnings highest score first, without the removed one, with the total and the counts by level', () => {
    const page = fx.backend.call('warningsList', {});
    expect(listed()).toEqual(['red82', 'red72', 'orange55', 'yellow35', 'blue20']);
    expect(page.total).toBe(5);
    expect(page.levels).toEqual({ red: 2, orange: 1, yellow: 1, blue: 1 });
    const first = page.items[0]!;
    expect(first.target).toMatchObject({ kind: 'enterprise', name: '宁德示例电池有限公司' });
    expect(first.measure).toMatchObject({ symbols: [SYMBOLS.base, SYMBOLS.addendum], members: ['SAU'], title: 'Electrical appliances and batteries' });
    expect(page.items.find((i) => i.uid === fx.warnings.blue20)!.target).toMatchObject({ kind: 'industry', industryCode: 'ev' });
  });

  it('filters by level, and counts every level for the other filters so the level tabs show what each holds', () => {
    const page = fx.backend.call('warningsList', { levels: ['red'] });
    expect(listed({ levels: ['red'] })).toEqual(['red82', 'red72']);
    expect(page.total).toBe(2);
    expect(page.levels).toEqual({ red: 2, orange: 1, yellow: 1, blue: 1 });
    expect(listed({ levels: ['orange', 'blue'] })).toEqual(['orange55', 'blue20']);
    const appliances = fx.backend.call('warningsList', { levels: ['yellow'], enterpriseUid: fx.enterprises.appliance });
    expect(appliances.total).toBe(1);
    expect(appliances.levels).toEqual({ red: 0, orange: 1, yellow: 1, blue: 0 });
  });

  it('filters by state, target and enterprise', () => {
    expect(listed({ states: ['acknowledged'] })).toEqual(['orange55']);
    expect(listed({ states: ['new', 'closed'] })).toEqual(['red82', 'red72', 'yellow35', 'blue20']);
    expect(listed({ target: 'industry' })).toEqual(['blue20']);
    expect(listed({ target: 'enterprise' })).toEqual(['red82', 'red72', 'orange55', 'yellow35']);
    expect(listed({ enterpriseUid: fx.enterprises.battery })).toEqual(['red82', 'red72']);
    expect(listed({ enterpriseUid: fx.enterprises.appliance })).toEqual(['orange55', 'yellow35']);
  });

  it('filters by a member the measure covers: a Gulf family reaches every Gulf member', () => {
    expect(listed({ member: 'ARE' })).toEqual(['red72']);
    expect(listed({ member: 'YEM' })).toEqual(['red72']);
    expect(listed({ member: 'SAU' })).toEqual(['red82', 'red72', 'orange55']);
    expect(listed({ member: 'EGY' })).toEqual(['yellow35', 'blue20']);
    expect(listed({ member: 'USA' })).toEqual([]);
  });

  it('filters by industry: a focus industry reached, the industry target itself, or the industry an enterprise gave', () => {
    expect(listed({ industry: 'lithium-battery' })).toEqual(['red72']);
    expect(listed({ industry: 'ev' })).toEqual(['blue20']);
    expect(listed({ industry: '家用电器' })).toEqual(['orange55', 'yellow35']);
    expect(listed({ industry: '电池制造' })).toEqual(['red82', 'red72']);
    // Wildcards in the text are taken literally.
    expect(listed({ industry: '%' })).toEqual([]);
    expect(listed({ industry: '电池%' })).toEqual([]);
  });

  it('filters by a deadline within N days of today: past deadlines and undated warnings are left out', () => {
    expect(listed({ deadlineWithinDays: 5 })).toEqual(['red82']);
    expect(listed({ deadlineWithinDays: 4 })).toEqual([]);
    expect(listed({ deadlineWithinDays: 20 })).toEqual(['red82', 'red72']);
    expect(listed({ deadlineWithinDays: 40 })).toEqual(['red82', 'red72', 'orange55']);
    fx.db.prepare('UPDATE warnings SET next_deadline = ? WHERE uid = ?').run(fx.today, fx.warnings.yellow35);
    expect(listed({ deadlineWithinDays: 0 })).toEqual(['yellow35']);
  });

  it("filters by a notification: every warning of its measure, found from an addendum or any member's base of a family", () => {
    expect(listed({ notificationId: notificationId(fx.db, SYMBOLS.base) })).toEqual(['red82', 'orange55']);
    expect(listed({ notificationId: notificationId(fx.db, SYMBOLS.addendum) })).toEqual(['red82', 'orange55']);
    // The family's warning opens with the Saudi base; the UAE's base reaches it through the family.
    expect(listed({ notificationId: notificationId(fx.db, SYMBOLS.gccAre) })).toEqual(['red72']);
    expect(listed({ notificationId: notificationId(fx.db, SYMBOLS.gccSau) })).toEqual(['red72']);
    expect(listed({ notificationId: notificationId(fx.db, SYMBOLS.egypt) })).toEqual(['yellow35', 'blue20']);
    expect(listed({ notificationId: notificationId(fx.db, SYMBOLS.egyptAddendum) })).toEqual(['yellow35', 'blue20']);
    expect(listed({ notificationId: 999_999 })).toEqual([]);
  });

  it('filters by match quality', () => {
    expect(listed({ match: ['direct'] })).toEqual(['red82', 'red72']);
    expect(listed({ match: ['broad', 'text'] })).toEqual(['orange55', 'yellow35', 'blue20']);
  });

  it('combines filters', () => {
    expect(listed({ member: 'SAU', match: ['direct'], deadlineWithinDays: 10 })).toEqual(['red82']);
    const page = fx.backend.call('warningsList', { member: 'EGY', levels: ['blue'] });
    expect(page.levels).toEqual({ red: 0, orange: 0, yellow: 1, blue: 1 });
    expect(page.total).toBe(1);
  });

  it('sorts by deadline, undated last, and by creation, newest first', () => {
    expect(listed({ sort: 'deadline' })).toEqual(['blue20', 'red82', 'red72', 'orange55', 'yellow35']);
    const at = (days: number): string => `${plusDays(fx.today, days)}T08:00:00.000Z`;
    const created = fx.db.prepare('UPDATE warnings SET created_at = ? WHERE uid = ?');
    created.run(at(-1), fx.warnings.red82);
    created.run(at(-5), fx.warnings.red72);
    created.run(at(-2), fx.warnings.orange55);
    created.run(at(-3), fx.warnings.yellow35);
    created.run(at(-4), fx.warnings.blue20);
    expect(listed({ sort: 'created' })).toEqual(['red82', 'orange55', 'yellow35', 'blue20', 'red72']);
  });

  it('pages with limit and offset; the total counts every page', () => {
    const page = fx.backend.call('warningsList', { limit: 2, offset: 2 });
    expect(listed({ limit: 2, offset: 2 })).toEqual(['orange55', 'yellow35']);
    expect(page.total).toBe(5);
    expect(listed({ limit: 2, offset: 4 })).toEqual(['blue20']);
  });

  it('refuses a member that is not a member code', () => {
    expect(() => fx.backend.call('warningsList', { member: "SAU%' OR 1=1 --" })).toThrow(ApiError);
  });
});

describe('the warnings of a notification', () => {
  it("lists the measure's warnings, enterprises and industries, highest score first, closed ones at the end, removed ones never", () => {
    const names = (items: Array<{ uid: string }>): string[] => {
      const byUid = new Map(Object.entries(fx.warnings).map(([name, uid]) => [uid, name]));
      return items.map((i) => byUid.get(i.uid) ?? i.uid);
    };
    const base = notificationId(fx.db, SYMBOLS.base);
    expect(names(fx.backend.call('warningsForNotification', { notificationId: base }))).toEqual(['red82', 'orange55']);
    fx.db.prepare("UPDATE warnings SET state = 'closed', close_reason = 'handled' WHERE uid = ?").run(fx.warnings.red82);
    expect(names(fx.backend.call('warningsForNotification', { notificationId: notificationId(fx.db, SYMBOLS.addendum) }))).toEqual(['orange55', 'red82']);
    const egypt = fx.backend.call('warningsForNotification', { notificationId: notificationId(fx.db, SYMBOLS.egyptAddendum) });
    expect(names(egypt)).toEqual(['yellow35', 'blue20']);
    expect(egypt.map((w) => w.target.kind)).toEqual(['enterprise', 'industry']);
    expect(names(fx.backend.call('warningsForNotification', { notificationId: notificationId(fx.db, SYMBOLS.gccAre) }))).toEqual(['red72']);
  });

  it('answers NOT_FOUND for a notification that is not in the store', () => {
    try {
      fx.backend.call('warningsForNotification', { notificationId: 999_999 });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).code).toBe('NOT_FOUND');
    }
  });
});
