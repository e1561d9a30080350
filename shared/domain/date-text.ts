/**
 * Dates written as text, read to YYYY-MM-DD. One grammar for the files an import reads and for
 * the date boxes of the app, so a date pasted from a notification or an ePing export reads the
 * same in both: ISO (2026-11-21, also with a time), 2026/11/21 and 2026.11.21, 2026年11月21日,
 * 20261121, the WTO's day-first 21/11/2026 (also with dots or dashes), and 21 November 2026 or
 * November 21, 2026. A month-first reading of 11/21/2026 is never attempted.
 */

export type DateText =
  | { kind: 'date'; iso: string }
  /** Blank, or a placeholder that means "no date" ('N/A', 'Not stated'). */
  | { kind: 'empty' }
  /** `calendar`: the form is right but the day does not exist (31/02/2026); `month`: an unknown month name. */
  | { kind: 'invalid'; problem: 'format' | 'calendar' | 'month'; monthName?: string };

/** Cells ePing and analysts fill in when there is no date; they mean "no date", not an error. */
const NO_DATE = new Set([
  '-',
  '--',
  'n/a',
  'na',
  'n.a.',
  'none',
  'nil',
  'not applicable',
  'not stated',
  'not specified',
  'tbd',
  'to be determined',
]);

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10,
  october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const YMD_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const YMD_CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// ePing and the WTO write day first.
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const D_MONTH_Y = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/;
const MONTH_D_Y = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD for a day that exists (years 1900-9999), else null. */
export function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const dated = (iso: string | null): DateText => (iso === null ? { kind: 'invalid', problem: 'calendar' } : { kind: 'date', iso });

export function readDateText(raw: string): DateText {
  // Full-width digits and separators, as a Chinese input method types them.
  const text = raw.normalize('NFKC').trim();
  if (text === '' || NO_DATE.has(text.toLowerCase())) return { kind: 'empty' };
  let m: RegExpExecArray | null;
  if ((m = ISO_DATE.exec(text) ?? YMD_SLASH.exec(text) ?? YMD_CHINESE.exec(text) ?? YMD_COMPACT.exec(text))) {
    return dated(isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])));
  }
  if ((m = DMY.exec(text))) return dated(isoFromParts(Number(m[3]), Number(m[2]), Number(m[1])));
  const named = D_MONTH_Y.exec(text);
  const first = named ? null : MONTH_D_Y.exec(text);
  if (named || first) {
    const [name, day, year] = named ? [named[2]!, named[1]!, named[3]!] : [first![1]!, first![2]!, first![3]!];
    const month = MONTHS[name.toLowerCase()];
    if (month === undefined) return { kind: 'invalid', problem: 'month', monthName: name };
    return dated(isoFromParts(Number(year), month, Number(day)));
  }
  return { kind: 'invalid', problem: 'format' };
}
