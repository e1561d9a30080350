import { ReportParams, type ReportFormat, type ReportKind } from '../../../shared/contract';
import { isCalendarDate } from '../../../shared/domain/deadline';

export const PERIOD_PRESETS = ['lastMonth', 'lastQuarter', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** What the analyst has filled in, as typed: turned into ReportParams only when every field reads. */
export interface ReportForm {
  kind: ReportKind;
  preset: PeriodPreset;
  from: string;
  to: string;
  /** A member (ISO3) or bloc code; '' for none. */
  member: string;
  /** The bulletin's issue number as typed; '' for none. */
  issue: string;
  compiler: string;
  /** Kept whatever the kind, so switching kinds loses nothing the analyst wrote. */
  recommendations: string;
}

export type FormProblem = 'from' | 'to' | 'order' | 'member' | 'issue';

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const day = (year: number, month: number, d: number): string => `${year}-${pad(month)}-${pad(d)}`;

/** The period a preset names, counted from `today` (YYYY-MM-DD); null for 'custom'. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'lastMonth': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: day(y, m, 1), to: day(y, m, lastDayOf(y, m)) };
    }
    case 'lastQuarter': {
      const quarter = Math.floor((month - 1) / 3);
      const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
      const first = q * 3 + 1;
      return { from: day(y, first, 1), to: day(y, first + 2, lastDayOf(y, first + 2)) };
    }
    case 'thisYear':
      return { from: day(year, 1, 1), to: today };
    case 'custom':
      return null;
  }
}

/** The preset whose period these dates are (today as it is now), or 'custom'. */
export function presetOf(from: string, to: string, today: string): PeriodPreset {
  return PERIOD_PRESETS.find((p) => {
    const period = presetPeriod(p, today);
    return period !== null && period.from === from && period.to === to;
  }) ?? 'custom';
}

export function initialForm(today: string): ReportForm {
  const period = presetPeriod('lastMonth', today)!;
  return { kind: 'bulletin', preset: 'lastMonth', ...period, member: '', issue: '', compiler: '', recommendations: '' };
}

/** What keeps the form from being a report, field by field; empty when none. */
export function formProblems(form: ReportForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!isCalendarDate(form.from)) problems.push('from');
  if (!isCalendarDate(form.to)) problems.push('to');
  if (problems.length === 0 && form.from > form.to) problems.push('order');
  if (form.kind === 'country' && form.member === '') problems.push('member');
  if (form.kind === 'bulletin' && form.issue.trim() !== '' && !/^\d{1,4}$/.test(form.issue.trim())) problems.push('issue');
  else if (form.kind === 'bulletin' && form.issue.trim() !== '' && Number(form.issue) < 1) problems.push('issue');
  return problems;
}

/**
 * The report's parameters, or null while the form has a problem. The issue goes only with a
 * bulletin, and the compiler only when one is named (else the backend names the acting analyst).
 */
export function paramsOf(form: ReportForm): ReportParams | null {
  if (formProblems(form).length > 0) return null;
  const parsed = ReportParams.safeParse({
    kind: form.kind,
    from: form.from,
    to: form.to,
    member: form.member === '' ? null : form.member,
    issue: form.kind === 'bulletin' && form.issue.trim() !== '' ? Number(form.issue) : null,
    compiler: form.compiler.trim() === '' ? null : form.compiler.trim(),
    recommendations: form.recommendations,
  });
  return parsed.success ? parsed.data : null;
}

/** The form a report of the history was made with, to make it again. */
export function formOf(params: ReportParams, today: string): ReportForm {
  return {
    kind: params.kind,
    preset: presetOf(params.from, params.to, today),
    from: params.from,
    to: params.to,
    member: params.member ?? '',
    issue: params.issue === null ? '' : String(params.issue),
    compiler: params.compiler ?? '',
    recommendations: params.recommendations,
  };
}

export const FORMATS: readonly ReportFormat[] = ['docx', 'pdf', 'xlsx'];
export const DEFAULT_FORMATS: readonly ReportFormat[] = ['docx', 'pdf'];
