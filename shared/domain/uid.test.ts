import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock';
import { isUid, newUid, uidTime } from './uid';

describe('newUid', () => {
  it('makes UUIDv7s carrying the clock instant, increasing within one millisecond', () => {
    const clock = fixedClock('2026-11-20T02:00:00.000Z');
    const uids = Array.from({ length: 50 }, () => newUid(clock));
    for (const uid of uids) {
      expect(isUid(uid)).toBe(true);
      expect(uidTime(uid)).toBe(Date.parse('2026-11-20T02:00:00.000Z'));
    }
    expect(new Set(uids).size).toBe(50);
    expect([...uids].sort()).toEqual(uids);
  });

  it('refuses other shapes', () => {
    expect(isUid('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(isUid('not a uid')).toBe(false);
    expect(isUid(42)).toBe(false);
  });
});
