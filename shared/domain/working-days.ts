/**
 * Working-day arithmetic for comment deadlines. A working day is Monday to Friday, unless the
 * team's work calendar says otherwise: Chinese public holidays (Spring Festival, National Day
 * …) are days off, and the weekend days the State Council turns into working days (调休) are
 * working days. The schedule is decreed each year, so the team keeps it in Settings; without
 * it every Monday to Friday counts.
 */
import { dayNumber, daysLeft } from './deadline';

const MS_PER_DAY = 86_400_000;

function toDayNumber(iso: string): number {
  const day = dayNumber(iso);
  if (day === null) throw new RangeError(`${iso} is not a date in the calendar written as YYYY-MM-DD`);
  return day;
}

function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 (day 0) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Days off and working weekend days by day number, from the team's calendar entries. */
export interface WorkCalendar {
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

export const PLAIN_WEEKS: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** The calendar of a list of dated entries: 'holiday' is a day off, 'workday' a day of work. */
export function workCalendar(entries: ReadonlyArray<{ date: string; kind: 'holiday' | 'workday' }>): WorkCalendar {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  for (const e of entries) (e.kind === 'holiday' ? holidays : workdays).add(toDayNumber(e.date));
  return { holidays, workdays };
}

function isWeekdayNumber(day: number): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

function isWorkingDayNumber(day: number, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  return isWeekdayNumber(day);
}

/** Is this YYYY-MM-DD date a working day (Monday to Friday unless the calendar says otherwise)? */
export function isWorkingDay(iso: string, calendar: WorkCalendar = PLAIN_WEEKS): boolean {
  return isWorkingDayNumber(toDayNumber(iso), calendar);
}

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD date. */
export function weekdayOf(iso: string): number {
  return weekday(toDayNumber(iso));
}

/**
 * The date `n` working days after `iso` (before it when `n` is negative). The start day itself
 * is never counted, so adding 1 to a Friday gives the Monday and adding 0 gives `iso` back even
 * on a weekend.
 */
export function addWorkingDays(iso: string, n: number, calendar: WorkCalendar = PLAIN_WEEKS): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
  let day = toDayNumber(iso);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (isWorkingDayNumber(day, calendar)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The date by which the enquiry point wants the analysts' comment: `workingDays` working days
 * before the final date for comments (0 keeps the final date).
 */
export function internalDeadline(finalDate: string, workingDays: number, calendar: WorkCalendar = PLAIN_WEEKS): string {
  if (workingDays < 0) throw new RangeError(`working days before the final date cannot be negative (${workingDays})`);
  return addWorkingDays(finalDate, -workingDays, calendar);
}

/**
 * Working days after `from` up to and including `to`: 0 when both fall in the same weekend or
 * are the same day, negative when `to` is earlier.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = PLAIN_WEEKS): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workingDaysBetween(to, from, calendar);
  const span = b - a;
  const weeks = Math.floor(span / 7);
  let count = weeks * 5;
  for (let day = a + weeks * 7 + 1; day <= b; day++) if (isWeekdayNumber(day)) count += 1;
  // Then the calendar's exceptions inside (a, b]: holidays on weekdays, working weekend days.
  for (const day of calendar.holidays) if (day > a && day <= b && isWeekdayNumber(day) && !calendar.workdays.has(day)) count -= 1;
  for (const day of calendar.workdays) if (day > a && day <= b && !isWeekdayNumber(day)) count += 1;
  return count;
}

export type CommentRisk = 'ok' | 'due-soon' | 'at-risk' | 'missed';

/** A draft still needs review and approval: with fewer working days left it is at risk. */
export const REVIEW_WORKING_DAYS = 2;
/** The internal deadline is "soon" within this many working days. */
export const DUE_SOON_WORKING_DAYS = 5;

/** Statuses in which the comment has gone out; deadlines no longer apply. */
const SENT = new Set(['submitted', 'reply_received', 'closed']);

/**
 * How a comment stands against its deadlines:
 * - `missed`: the final date for comments has passed and the comment has not gone out;
 * - `at-risk`: the internal deadline has passed, or the comment is still a draft with fewer
 *   than REVIEW_WORKING_DAYS working days to the internal deadline;
 * - `due-soon`: at most DUE_SOON_WORKING_DAYS working days to the internal deadline;
 * - `ok`: anything else, including submitted comments and comments without a final date.
 */
export function commentRisk(
  today: string,
  internal: string | null,
  finalDate: string | null,
  status: string,
  calendar: WorkCalendar = PLAIN_WEEKS,
): CommentRisk {
  if (SENT.has(status) || finalDate === null) return 'ok';
  const toFinal = daysLeft(finalDate, today);
  if (toFinal !== null && toFinal < 0) return 'missed';
  const deadline = internal ?? finalDate;
  const left = workingDaysBetween(today, deadline, calendar);
  if ((daysLeft(deadline, today) ?? 0) < 0) return 'at-risk';
  if (status === 'draft' && left < REVIEW_WORKING_DAYS) return 'at-risk';
  if (left <= DUE_SOON_WORKING_DAYS) return 'due-soon';
  return 'ok';
}
