/**
 * Working-day arithmetic for comment deadlines. A working day is Monday to Friday.
 *
 * Chinese public holidays (Spring Festival, National Day …) and the weekend days the State
 * Council turns into working days (调休) are NOT modelled: the calendar changes every year by
 * decree, and an offline tool cannot fetch it. Around those holidays the internal deadline may
 * fall on a day off; analysts should bring it forward themselves.
 */
import { daysLeft } from './deadline';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function toDayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`${iso} is not a date written as YYYY-MM-DD`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.toISOString().slice(0, 10) !== iso) throw new RangeError(`${iso} is not a date in the calendar`);
  return ms / MS_PER_DAY;
}

function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 (day 0) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWorkingDayNumber(day: number): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** Is this YYYY-MM-DD date a Monday to Friday? */
export function isWorkingDay(iso: string): boolean {
  return isWorkingDayNumber(toDayNumber(iso));
}

/**
 * The date `n` working days after `iso` (before it when `n` is negative). The start day itself
 * is never counted, so adding 1 to a Friday gives the Monday and adding 0 gives `iso` back even
 * on a weekend.
 */
export function addWorkingDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
  let day = toDayNumber(iso);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The date by which the enquiry point wants the analysts' comment: `workingDays` working days
 * before the final date for comments (0 keeps the final date).
 */
export function internalDeadline(finalDate: string, workingDays: number): string {
  if (workingDays < 0) throw new RangeError(`working days before the final date cannot be negative (${workingDays})`);
  return addWorkingDays(finalDate, -workingDays);
}

/**
 * Working days after `from` up to and including `to`: 0 when both fall in the same weekend or
 * are the same day, negative when `to` is earlier.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workingDaysBetween(to, from);
  const span = b - a;
  const weeks = Math.floor(span / 7);
  let count = weeks * 5;
  for (let day = a + weeks * 7 + 1; day <= b; day++) if (isWorkingDayNumber(day)) count += 1;
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
export function commentRisk(today: string, internal: string | null, finalDate: string | null, status: string): CommentRisk {
  if (SENT.has(status) || finalDate === null) return 'ok';
  const toFinal = daysLeft(finalDate, today);
  if (toFinal !== null && toFinal < 0) return 'missed';
  const deadline = internal ?? finalDate;
  const left = workingDaysBetween(today, deadline);
  if ((daysLeft(deadline, today) ?? 0) < 0) return 'at-risk';
  if (status === 'draft' && left < REVIEW_WORKING_DAYS) return 'at-risk';
  if (left <= DUE_SOON_WORKING_DAYS) return 'due-soon';
  return 'ok';
}
