import type { Country, DashboardData, WarningLevel } from '../../../shared/contract';
import type { ListFilters } from '../../stores/notification-list-store';
import { formatInboxQuery, parseInboxQuery } from '../warnings/inbox-query';
import { monthWithin, type DashboardView } from './dashboard-address';

/** Blocs the member picker offers beside the countries; each stands for its members. */
export const DASHBOARD_BLOCS = ['GCC', 'EAEU'] as const;

/** Member codes with every bloc replaced by the countries the reference data puts in it. */
export function expandMembers(codes: readonly string[], countries: readonly Country[]): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    const members = countries.filter((c) => (c.blocs as readonly string[]).includes(code)).map((c) => c.code);
    for (const m of members.length ? members : [code]) out.add(m);
  }
  return [...out].sort();
}

/** What a click on the dashboard opens: a list with its filters set. */
export type DashboardTarget =
  | { kind: 'notifications'; filters: ListFilters }
  | { kind: 'warnings'; query: string }
  | { kind: 'commentStats' };

/**
 * The notification list's filters behind a figure: the dashboard's members (blocs expanded, as
 * the dashboard counts them) and industries, and what the figure adds. Period figures add the
 * period; "now" figures (open, closing this week, untriaged) do not, as the dashboard counts them.
 */
export function notificationsTarget(view: DashboardView, countries: readonly Country[], extra: ListFilters): DashboardTarget {
  return { kind: 'notifications', filters: { ...scopeFilters(view, countries), ...extra } };
}

function scopeFilters(view: DashboardView, countries: readonly Country[]): ListFilters {
  return {
    ...(view.members.length ? { memberCodes: expandMembers(view.members, countries) } : {}),
    ...(view.industries.length ? { industries: view.industries } : {}),
  };
}

const period = (data: DashboardData): ListFilters => ({ distributedFrom: data.from, distributedTo: data.to });

/** The list behind each chart's categories and each card. */
export function targets(view: DashboardView, data: DashboardData, countries: readonly Country[]) {
  const to = (extra: ListFilters) => notificationsTarget(view, countries, extra);
  return {
    period: () => to(period(data)),
    month: (month: string, area: 'TBT' | 'SPS' | null) => {
      const m = monthWithin(month, data.from, data.to);
      return to({ distributedFrom: m.from, distributedTo: m.to, ...(area ? { area } : {}) });
    },
    area: (area: 'TBT' | 'SPS') => to({ ...period(data), area }),
    // A member's bar lists that member alone, whatever the members filtered.
    member: (code: string) => to({ ...period(data), memberCodes: [code] }),
    industry: (code: string) => to({ ...period(data), industries: [code] }),
    hsChapter: (chapter: string) => to({ ...period(data), hsCode: chapter }),
    openNow: () => to({ openForComments: true }),
    closingThisWeek: () => to({ deadlineWithinDays: 6 }),
    untriaged: () => to({ deadlineWithinDays: 14, triageStatuses: ['new'] }),
    warnings: (level: WarningLevel): DashboardTarget => {
      // The inbox takes one member and one industry; with several, it opens on the level alone.
      const members = expandMembers(view.members, countries);
      const query = {
        ...parseInboxQuery(''),
        levels: [level],
        states: ['new', 'acknowledged', 'planned'] as const,
        member: members.length === 1 ? members[0]! : null,
        industry: view.industries.length === 1 ? view.industries[0]! : null,
      };
      return { kind: 'warnings', query: formatInboxQuery({ ...query, states: [...query.states] }) };
    },
    comments: (): DashboardTarget => ({ kind: 'commentStats' }),
  };
}
export type DashboardTargets = ReturnType<typeof targets>;
