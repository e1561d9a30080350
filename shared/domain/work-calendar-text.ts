import { isCalendarDate } from './deadline';

/**
 * The team's work calendar as analysts paste it from the State Council's yearly notice: one
 * line per day or span, e.g.
 *
 *   2026-10-01 至 2026-10-08 休 国庆节、中秋节
 *   2026-09-27 班 国庆节调休
 *   2026/05/01 holiday Labour Day
 *
 * 休 / 假 / holiday / off make days off; 班 / 上班 / workday / work make working days. Lines
 * that are empty or start with # are skipped. A later line about the same date wins.
 */
export type CalendarKind = 'holiday' | 'workday';

export interface CalendarEntry {
  date: string;
  kind: CalendarKind;
  note: string;
}

/** Why a line could not be read; the window words each reason in the analyst's language. */
export type CalendarLineProblem = 'format' | 'date' | 'kind' | 'order' | 'span';

export interface CalendarLineError {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  problem: CalendarLineProblem;
  /** The word that should have been 休 or 班, for 'kind'. */
  word?: string;
}

/** The longest span one line may cover (the longest holiday is eight or nine days). */
export const MAX_SPAN_DAYS = 31;

const DATE = String.raw`(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?`;
/**
 * The end of a span may leave out what it shares with the start, as the State Council's notice
 * writes it: 2027年2月6日至2月13日, 10月1日至7日.
 */
const END = String.raw`(?:(\d{4})\s*(?:[-/.]|年)\s*)?(?:(\d{1,2})\s*(?:[-/.]|月)\s*)?(\d{1,2})\s*日?`;
/** The notice adds the weekday: 1月1日（周四）至3日（周六）. */
const WEEKDAY = String.raw`(?:\s*[（(][^）)]{1,8}[）)])?`;
// A date the notice ends with 日 or a bracket may run straight into its kind: 2月13日放假.
const LINE = new RegExp(
  String.raw`^${DATE}${WEEKDAY}(?:\s*(?:至|到|~|～|–|—|to|\.\.)\s*${END}${WEEKDAY})?(?:[\s,，、]+|(?<=[日）)]))([^\s,，、]+)(?:[\s,，、]+(.*))?$`,
  'i',
);
const SPAN_WORD = /^(?:至|到|~|～|–|—|to|\.\.)$/i;
const KINDS: Record<string, CalendarKind> = {
  休: 'holiday', 假: 'holiday', 放假: 'holiday', 放假调休: 'holiday', 休息: 'holiday', holiday: 'holiday', off: 'holiday',
  班: 'workday', 上班: 'workday', 补班: 'workday', workday: 'workday', work: 'workday',
};
const MS_PER_DAY = 86_400_000;

function isoOf(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * The end date of a span, taking the year and month the text leaves out from the start. A span
 * written without its year that ends in an earlier month runs into the next year
 * (12月31日至1月2日).
 */
function spanEnd(startYear: string, startMonth: string, year: string | undefined, month: string | undefined, day: string): string | null {
  if (year) return isoOf(year, month ?? startMonth, day);
  if (month && Number(month) < Number(startMonth)) return isoOf(String(Number(startYear) + 1), month, day);
  return isoOf(startYear, month ?? startMonth, day);
}

export function parseCalendarText(text: string): { entries: CalendarEntry[]; errors: CalendarLineError[] } {
  const byDate = new Map<string, CalendarEntry>();
  const errors: CalendarLineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fail = (problem: CalendarLineProblem, word?: string): void => {
      errors.push({ line: i + 1, text: line, problem, ...(word === undefined ? {} : { word }) });
    };
    const m = LINE.exec(line);
    if (!m) return fail('format');
    const start = isoOf(m[1]!, m[2]!, m[3]!);
    const end = m[6] ? spanEnd(m[1]!, m[2]!, m[4], m[5], m[6]) : start;
    if (!start || !end) return fail('date');
    // A span with no end (2026年10月1日至 休) is a malformed line, not an unknown kind word.
    if (SPAN_WORD.test(m[7]!)) return fail('format');
    const kind = KINDS[m[7]!.toLowerCase()];
    if (!kind) return fail('kind', m[7]);
    const from = Date.parse(start) / MS_PER_DAY;
    const to = Date.parse(end) / MS_PER_DAY;
    if (to < from) return fail('order');
    if (to - from + 1 > MAX_SPAN_DAYS) return fail('span');
    const note = (m[8] ?? '').trim().slice(0, 60);
    for (let day = from; day <= to; day++) {
      const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      byDate.delete(date);
      byDate.set(date, { date, kind, note });
    }
  });
  const entries = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { entries, errors };
}

/** Entries merged: those of `added` replace those of `existing` on the same date; sorted by date. */
export function mergeCalendar(existing: readonly CalendarEntry[], added: readonly CalendarEntry[]): CalendarEntry[] {
  const byDate = new Map(existing.map((e) => [e.date, e]));
  for (const e of added) byDate.set(e.date, e);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
