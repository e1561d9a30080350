import type { Channel, ChannelOutput, ChannelParsedInput, DashboardData, DashboardGroup, NotificationDetail } from '../../shared/contract';
import { tallyOutcomes } from '../../shared/domain/comment-outcome';
import { COMMENT_STATUSES } from '../../shared/domain/comment-workflow';
import { addDays } from '../../shared/domain/deadline';
import { commentsOf } from './fake-comments';
import type { FakeBackend } from './fake-backend';
import { warningsOf } from './fake-warnings';

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };

function groups(items: NotificationDetail[], keysOf: (n: NotificationDetail) => string[], label: (key: string) => { zh: string; en: string }): DashboardGroup[] {
  const byKey = new Map<string, DashboardGroup>();
  for (const n of items) {
    for (const key of keysOf(n)) {
      const l = label(key);
      const g = byKey.get(key) ?? { key, labelZh: l.zh, labelEn: l.en, tbt: 0, sps: 0, total: 0 };
      if (n.area === 'TBT') g.tbt += 1;
      else g.sps += 1;
      g.total += 1;
      byKey.set(key, g);
    }
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/**
 * dashboardGet over the fake's notifications, warnings and comments, with the real one's rules in
 * small: the default period (twelve whole months to today), blocs standing for their members,
 * "now" figures ignoring the period.
 */
export function fakeDashboardHandlers(backend: FakeBackend): Handlers {
  return {
    dashboardGet: (input) => {
      const today = input.today ?? backend.now.slice(0, 10);
      const to = input.to ?? today;
      const start = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 12, 1)).toISOString().slice(0, 10);
      const from = input.from ?? start;
      const members = input.memberCodes?.length
        ? new Set(input.memberCodes.flatMap((code) => {
            const inBloc = backend.countries.filter((c) => (c.blocs as readonly string[]).includes(code)).map((c) => c.code);
            return inBloc.length ? inBloc : [code];
          }))
        : null;
      const industries = input.industries?.length ? new Set(input.industries) : null;
      const scoped = backend.notifications.filter(
        (n) => (!members || members.has(n.memberCode)) && (!industries || n.triage.industries.some((i) => industries.has(i))),
      );
      const inPeriod = scoped.filter((n) => n.distributionDate !== null && n.distributionDate >= from && n.distributionDate <= to);
      const months: DashboardData['byMonth'] = [];
      for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
        months.push({
          month: m,
          tbt: inPeriod.filter((n) => n.area === 'TBT' && n.distributionDate!.startsWith(m)).length,
          sps: inPeriod.filter((n) => n.area === 'SPS' && n.distributionDate!.startsWith(m)).length,
        });
        const [y, mm] = m.split('-').map(Number) as [number, number];
        m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
      }
      const open = scoped.filter((n) => n.commentDeadline !== null && n.commentDeadline >= today);
      const urgent = open
        .filter((n) => n.commentDeadline! <= addDays(today, 14) && n.triage.status === 'new')
        .sort((a, b) => a.commentDeadline!.localeCompare(b.commentDeadline!) || a.id - b.id);
      const country = (code: string) => backend.countries.find((c) => c.code === code);
      const levels = { red: 0, orange: 0, yellow: 0, blue: 0 };
      for (const w of warningsOf(backend).warnings) {
        if (w.state !== 'closed' && (!members || w.measure.members.some((m) => members.has(m)))) levels[w.level] += 1;
      }
      const comments = commentsOf(backend).comments.filter((c) => c.createdAt.slice(0, 10) >= from && c.createdAt.slice(0, 10) <= to);
      const submitted = commentsOf(backend).comments.filter((c) => c.submission && c.submission.date >= from && c.submission.date <= to);
      const tally = tallyOutcomes(submitted.map((c) => c.outcome));
      const byStatus = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, comments.filter((c) => c.status === s).length])) as DashboardData['comments']['byStatus'];
      const hsChapters = (n: NotificationDetail): string[] => [...new Set(n.hsCodes.map((h) => h.replace(/\D/g, '').slice(0, 2)).filter((h) => h.length === 2))];
      return {
        from,
        to,
        today,
        totals: { notifications: inPeriod.length, tbt: inPeriod.filter((n) => n.area === 'TBT').length, sps: inPeriod.filter((n) => n.area === 'SPS').length },
        byMonth: months,
        byMember: groups(inPeriod, (n) => [n.memberCode], (k) => ({ zh: country(k)?.nameZh ?? k, en: country(k)?.nameEn ?? k })),
        byIndustry: groups(inPeriod, (n) => (n.triage.industries.length ? n.triage.industries : ['']), (k) => (k === '' ? { zh: '未分类', en: 'Unclassified' } : { zh: k, en: k })),
        byHsChapter: groups(inPeriod, hsChapters, (k) => ({ zh: `第${k}章`, en: `Chapter ${k}` })),
        openNow: open.length,
        closingThisWeek: open.filter((n) => n.commentDeadline! <= addDays(today, 6)).length,
        untriagedClosingSoon: urgent.slice(0, 15).map((n) => ({
          id: n.id,
          symbol: n.symbol,
          memberCode: n.memberCode,
          memberName: country(n.memberCode)?.nameZh ?? n.memberCode,
          memberNameEn: country(n.memberCode)?.nameEn ?? n.memberCode,
          title: n.title,
          titleZh: n.titleZh,
          commentDeadline: n.commentDeadline!,
          daysLeft: Math.round((Date.parse(n.commentDeadline!) - Date.parse(today)) / 86_400_000),
        })),
        untriagedClosingSoonTotal: urgent.length,
        warningsByLevel: levels,
        comments: {
          drafted: comments.length,
          submitted: tally.submitted,
          withOutcome: submitted.filter((c) => c.outcome !== 'awaiting').length,
          adopted: tally.adopted,
          partlyAdopted: tally.partlyAdopted,
          fullyAdoptedRate: tally.fullyAdoptedRate,
          atLeastPartlyRate: tally.atLeastPartlyRate,
          byStatus,
        },
        costSparedCny: 0,
      };
    },
  };
}
