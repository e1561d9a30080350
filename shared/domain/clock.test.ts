import { describe, expect, it } from 'vitest';
import { clockFromEnv, clockStartingAt, fixedClock, localDate, nowIso, systemClock, todayOf } from './clock';

describe('clock', () => {
  it('a fixed clock always reads the same instant', () => {
    const clock = fixedClock('2026-11-21T01:30:00.000Z');
    expect(nowIso(clock)).toBe('2026-11-21T01:30:00.000Z');
    expect(nowIso(clock)).toBe('2026-11-21T01:30:00.000Z');
  });

  it('today is the local calendar day of the instant', () => {
    const at = new Date(2026, 10, 21, 0, 5);
    expect(localDate(at)).toBe('2026-11-21');
    expect(todayOf(fixedClock(at))).toBe('2026-11-21');
  });

  it('a clock starting at a moment runs on from it', () => {
    let ms = Date.parse('2030-01-01T00:00:00Z');
    const base = { now: () => new Date(ms) };
    const clock = clockStartingAt('2026-11-21T08:00:00Z', base);
    expect(nowIso(clock)).toBe('2026-11-21T08:00:00.000Z');
    ms += 60_000;
    expect(nowIso(clock)).toBe('2026-11-21T08:01:00.000Z');
  });

  it('the environment names a start or leaves the machine clock', () => {
    expect(clockFromEnv(undefined)).toBe(systemClock);
    expect(todayOf(clockFromEnv('2026-11-21T12:00:00'))).toBe('2026-11-21');
  });

  it('refuses text that is not a date-time', () => {
    expect(() => fixedClock('soon')).toThrow(/Not a date-time/);
  });
});
