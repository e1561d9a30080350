import { v7 as uuidv7, validate, version } from 'uuid';
import type { Clock } from './clock';

/**
 * The stable identity of a record that may leave this workstation: a UUIDv7, whose first 48
 * bits are the creation instant in milliseconds, so uids sort by creation time and two
 * workstations never make the same one. The instant comes from the backend's clock, never the
 * machine's directly; within one millisecond uuid keeps them increasing.
 */
export function newUid(clock: Clock): string {
  const ms = clock.now().getTime();
  if (ms > last.ms) {
    last.ms = ms;
    // A random start leaves room to count up within the millisecond (the top bit kept clear).
    last.seq = Math.floor(Math.random() * 0x7fffffff);
  } else {
    // The same millisecond, or a clock set back (a fixed test clock, a corrected system clock):
    // count on from the last uid so they keep increasing.
    last.seq += 1;
  }
  return uuidv7({ msecs: last.ms, seq: last.seq >>> 0 });
}

const last = { ms: -1, seq: 0 };

/**
 * A uid for a record made at `at` (ms or ISO text), for filling in records that existed before
 * uids: they sort by when the record was made. Random within the millisecond, so not ordered there.
 */
export function uidAt(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return uuidv7({ msecs: Number.isNaN(ms) ? 0 : ms });
}

/**
 * Who made a record when nobody was recorded (rows filled in for data from before analysts had
 * ids). The same on every workstation, so records exchanged later agree on it.
 */
export const UNRECORDED_ANALYST_UID = '00000000-0000-7000-8000-000000000000';

/** True for a well-formed UUIDv7 (lower-case, as newUid writes them). */
export function isUid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value) && validate(value) && version(value) === 7;
}

/** The creation instant a UUIDv7 carries (milliseconds since the epoch). */
export function uidTime(uid: string): number {
  return parseInt(uid.slice(0, 8) + uid.slice(9, 13), 16);
}
