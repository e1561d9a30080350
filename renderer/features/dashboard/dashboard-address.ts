import type { DashboardFilter } from '../../../shared/contract/dashboard';
import { isCalendarDate } from '../../../shared/domain/deadline';

/**
 * The dashboard's filters as the address carries them (#/dashboard?from=2026-01-01&to=…&members=SAU,GCC&industries=ev),
 * so that a view can be bookmarked, reloaded or sent to a colleague. No period: the backend's
 * default (the twelve months up to today).
 */
export interface DashboardView {
  from: string | null;
  to: string | null;
  members: string[];
  industries: string[];
}

const codes = (text: string | null, shape: RegExp): string[] => [
  ...new Set(
    (text ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter((c) => shape.test(c)),
  ),
];

/** Read the view from the address's query; anything malformed is left out, not an error. */
export function parseDashboardQuery(query: string | undefined): DashboardView {
  const p = new URLSearchParams(query ?? '');
  const date = (name: string): string | null => {
    const v = p.get(name);
    return v && isCalendarDate(v) ? v : null;
  };
  let from = date('from');
  let to = date('to');
  if (from && to && from > to) [from, to] = [to, from];
  return {
    from,
    to,
    members: codes(p.get('members'), /^[A-Z]{2,4}$/).slice(0, 60),
    industries: codes(p.get('industries'), /^[a-z0-9-]{1,40}$/).slice(0, 50),
  };
}

/** The address's query for a view: only what is set, in a fixed order. */
export function formatDashboardQuery(view: DashboardView): string {
  const p = new URLSearchParams();
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (view.members.length) p.set('members', view.members.join(','));
  if (view.industries.length) p.set('industries', view.industries.join(','));
  return p.toString().replace(/%2C/g, ',');
}

/** What dashboardGet is asked for a view. */
export function filterOf(view: DashboardView): DashboardFilter {
  return {
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
    ...(view.members.length ? { memberCodes: view.members } : {}),
    ...(view.industries.length ? { industries: view.industries } : {}),
  };
}

export const PERIOD_PRESETS = ['thisMonth', 'thisQuarter', 'last12Months', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const pad = (n: number): string => String(n).padStart(2, '0');

/** The period a preset stands for on `today` (YYYY-MM-DD): from its first day to today. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'thisQuarter':
      return { from: `${year}-${pad(month - ((month - 1) % 3))}-01`, to: today };
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'last12Months': {
      // Twelve whole months, this one included: the backend's default period.
      const start = month === 12 ? { y: year, m: 1 } : { y: year - 1, m: month + 1 };
      return { from: `${start.y}-${pad(start.m)}-01`, to: today };
    }
  }
}

/** The first and last day of a month (2026-03) inside the period, for the list behind a month's bar. */
export function monthWithin(month: string, from: string, to: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const start = `${month}-01`;
  const end = `${month}-${pad(last)}`;
  return { from: start < from ? from : start, to: end > to ? to : end };
}
