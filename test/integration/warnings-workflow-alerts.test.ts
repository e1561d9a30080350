import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarningLevel, WarningState } from '../../shared/contract/warnings';
import { insertWarningRow } from '../helpers/warning-fixtures';
import { notificationId, plusDays, SYMBOLS, warningsStore } from '../helpers/warnings-workflow-store';

let fx: Awaited<ReturnType<typeof warningsStore>>;
beforeEach(async () => {
  fx = await warningsStore();
  // The fixture's warnings are all "new" today; these tests make their own.
  fx.db.prepare('UPDATE warnings SET deleted_at = created_at, deleted_by = created_by').run();
});
afterEach(() => fx.cleanup());

const HOUR_MS = 3_600_000;
/** An instant `hours` before the backend's now. */
const hoursAgo = (hours: number): string => new Date(fx.backend.ctx.clock.now().getTime() - hours * HOUR_MS).toISOString();

let serial = 0;
/**
 * A warning of the Egyptian measure against a target of its own, created `createdHoursAgo`
 * hours back, with the computed levels it had before, oldest first, as [level, hours ago].
 */
function warning(input: {
  level: WarningLevel;
  createdHoursAgo: number;
  computed?: Array<[WarningLevel, number]>;
  state?: WarningState;
  deadline?: string | null;
}): string {
  serial += 1;
  const uid = insertWarningRow(fx.db, {
    notificationId: notificationId(fx.db, SYMBOLS.egypt),
    symbols: [SYMBOLS.egypt],
    members: ['EGY'],
    industryCode: `target-${serial}`,
    score: { red: 80, orange: 60, yellow: 40, blue: 10 }[input.level],
    level: input.level,
    state: input.state ?? 'new',
    commentDeadline: input.deadline ?? null,
    actorUid: fx.actorUid,
  });
  fx.db.prepare('UPDATE warnings SET created_at = ? WHERE uid = ?').run(hoursAgo(input.createdHoursAgo), uid);
  const history = fx.db.prepare("INSERT INTO warning_history (warning_uid, at, actor_id, kind, score, level, note) VALUES (?, ?, ?, 'computed', 50, ?, '')");
  for (const [level, ago] of input.computed ?? []) history.run(uid, hoursAgo(ago), fx.actorUid, level);
  return uid;
}

describe('warning alerts', () => {
  it('raises open red and orange warnings created or raised in the last 24 hours, highest first', () => {
    const createdRed = warning({ level: 'red', createdHoursAgo: 1, computed: [['red', 1]] });
    const raisedToOrange = warning({ level: 'orange', createdHoursAgo: 72, computed: [['yellow', 72], ['orange', 2]] });
    const firstScoredOrange = warning({ level: 'orange', createdHoursAgo: 30, computed: [['orange', 3]] });
    const raisedOrangeToRed = warning({ level: 'red', createdHoursAgo: 72, computed: [['orange', 72], ['red', 5]] });
    // Not raised: rescored at the same level, lowered, raised too long ago, closed, or yellow.
    warning({ level: 'red', createdHoursAgo: 72, computed: [['red', 72], ['red', 2]] });
    warning({ level: 'orange', createdHoursAgo: 72, computed: [['red', 72], ['orange', 1]] });
    warning({ level: 'red', createdHoursAgo: 72, computed: [['yellow', 72], ['red', 25]] });
    warning({ level: 'red', createdHoursAgo: 1, state: 'closed' });
    warning({ level: 'yellow', createdHoursAgo: 1, computed: [['blue', 1], ['yellow', 1]] });
    // Raised to orange, but an analyst has since set it to yellow by hand.
    const overridden = warning({ level: 'orange', createdHoursAgo: 72, computed: [['blue', 72], ['orange', 2]] });
    fx.db.prepare("UPDATE warnings SET override_level = 'yellow', level = 'yellow' WHERE uid = ?").run(overridden);

    const { raised } = fx.backend.call('warningAlerts', {});
    // Red before orange; the same score in the order the warnings were made.
    expect(raised.map((w) => w.uid)).toEqual([createdRed, raisedOrangeToRed, raisedToOrange, firstScoredOrange]);
    expect(new Set(raised.map((w) => w.level))).toEqual(new Set(['red', 'orange']));
  });

  it('takes `since` from the caller', () => {
    const raisedTwoHoursAgo = warning({ level: 'orange', createdHoursAgo: 72, computed: [['yellow', 72], ['orange', 2]] });
    const createdNow = warning({ level: 'red', createdHoursAgo: 0 });
    expect(fx.backend.call('warningAlerts', { since: hoursAgo(1) }).raised.map((w) => w.uid)).toEqual([createdNow]);
    // Written without milliseconds: still the same instant.
    const since = hoursAgo(3).replace(/\.\d{3}Z$/, 'Z');
    expect(fx.backend.call('warningAlerts', { since }).raised.map((w) => w.uid)).toEqual([createdNow, raisedTwoHoursAgo]);
    expect(fx.backend.call('warningAlerts', { since: hoursAgo(100) }).raised).toHaveLength(2);
  });

  it('lists open warnings with a deadline from today to 7 days ahead, nearest first', () => {
    const today = fx.today;
    const inAWeek = warning({ level: 'blue', createdHoursAgo: 100, deadline: plusDays(today, 7) });
    const dueToday = warning({ level: 'yellow', createdHoursAgo: 100, deadline: today });
    const inThreeDays = warning({ level: 'red', createdHoursAgo: 100, deadline: plusDays(today, 3), state: 'planned' });
    warning({ level: 'red', createdHoursAgo: 100, deadline: plusDays(today, 8) });
    warning({ level: 'red', createdHoursAgo: 100, deadline: plusDays(today, -1) });
    warning({ level: 'red', createdHoursAgo: 100, deadline: plusDays(today, 2), state: 'closed' });
    warning({ level: 'red', createdHoursAgo: 100, deadline: null });
    expect(fx.backend.call('warningAlerts', {}).dueSoon.map((w) => w.uid)).toEqual([dueToday, inThreeDays, inAWeek]);
  });

  it('holds at most 50 of each', () => {
    for (let i = 0; i < 60; i += 1) warning({ level: 'red', createdHoursAgo: 1, deadline: plusDays(fx.today, 1) });
    const alerts = fx.backend.call('warningAlerts', {});
    expect(alerts.raised).toHaveLength(50);
    expect(alerts.dueSoon).toHaveLength(50);
  });

  it('leaves removed warnings out', () => {
    const uid = warning({ level: 'red', createdHoursAgo: 1, deadline: fx.today });
    fx.db.prepare('UPDATE warnings SET deleted_at = created_at WHERE uid = ?').run(uid);
    expect(fx.backend.call('warningAlerts', {})).toEqual({ raised: [], dueSoon: [] });
  });
});
