/**
 * Days left to a notification's final date for comments, and how urgent that is. Pure and
 * calendar-based (no clock, no time zone): every screen that shows a notification computes the
 * same figure from the same ISO dates.
 */

/** A notification closes "soon" when its final date is at most this many days away. */
export const CLOSING_SOON_DAYS = 14;

/**
 * For this many days after the final date a notification is marked overdue (a late comment may
 * still go out through the enquiry point); after that its comment period is simply closed. A bulk
 * export reaches back to 1995: tens of thousands of red marks would drown the few that matter.
 */
export const OVERDUE_DAYS = 30;

export type DeadlineState = 'open' | 'closing-soon' | 'overdue' | 'closed' | 'none';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date written as YYYY-MM-DD, else null. */
export function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a rolled date is not the date that was written.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** The calendar date `days` after `iso` (negative: before), both YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const n = dayNumber(iso);
  if (n === null) throw new Error(`not a calendar date: ${iso}`);
  return new Date((n + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Is this string a date that exists in the calendar, written as YYYY-MM-DD? */
export function isCalendarDate(iso: string): boolean {
  return dayNumber(iso) !== null;
}

/**
 * Whole days from `today` to `deadline` (both YYYY-MM-DD): 0 on the final date itself, negative
 * once it has passed, null when there is no usable deadline.
 */
export function daysLeft(deadline: string | null | undefined, today: string): number | null {
  if (!deadline) return null;
  const end = dayNumber(deadline);
  const start = dayNumber(today);
  if (end === null || start === null) return null;
  return end - start;
}

/**
 * The mark a notification carries: closed once the final date is more than OVERDUE_DAYS past,
 * overdue in the days before that, closing soon from `closingSoonDays` days before the final date
 * up to and including the day itself, open before that, none without a deadline.
 */
export function deadlineState(left: number | null, closingSoonDays: number = CLOSING_SOON_DAYS): DeadlineState {
  if (left === null) return 'none';
  if (left < -OVERDUE_DAYS) return 'closed';
  if (left < 0) return 'overdue';
  if (left <= closingSoonDays) return 'closing-soon';
  return 'open';
}

/** Both figures at once, as the detail view and lists show them. */
export function describeDeadline(
  deadline: string | null | undefined,
  today: string,
  closingSoonDays: number = CLOSING_SOON_DAYS,
): { daysLeft: number | null; state: DeadlineState } {
  const left = daysLeft(deadline, today);
  return { daysLeft: left, state: deadlineState(left, closingSoonDays) };
}
