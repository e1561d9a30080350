/**
 * The one source of "now" and "today". Nothing else reads the wall clock: handlers take the
 * context's clock, components take the clock context, and tests hand in a fixed one, so a test
 * passes on any date (CI runs the suite a second time with every clock a year ahead).
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's clock, used only where the app starts. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always reads `at` (tests, demos, the browser suite through PINGYI_NOW). */
export function fixedClock(at: string | Date): Clock {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new Error(`Not a date-time: ${String(at)}`);
  return { now: () => new Date(ms) };
}

/** A clock that runs with the machine's but starts from `at` (the browser suite's fixed day). */
export function clockStartingAt(at: string, base: Clock = systemClock): Clock {
  const target = Date.parse(at);
  if (Number.isNaN(target)) throw new Error(`Not a date-time: ${at}`);
  const offset = target - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/**
 * The clock named by the environment: PINGYI_NOW (an ISO date-time) starts the clock at that
 * moment and lets it run; without it, the machine's clock.
 */
export function clockFromEnv(value: string | undefined): Clock {
  return value ? clockStartingAt(value) : systemClock;
}

/**
 * Today's date on the analyst's own calendar (local time, not UTC): at 07:00 in Beijing the UTC
 * date is still yesterday, and the day count would be one off.
 */
export function localDate(at: Date): string {
  const y = String(at.getFullYear()).padStart(4, '0');
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Today's date (YYYY-MM-DD, local) by `clock`. */
export function todayOf(clock: Clock): string {
  return localDate(clock.now());
}

/** The current instant by `clock`, as stored in the database (ISO 8601, UTC). */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
