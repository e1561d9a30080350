import { z } from 'zod';
import { CommentStatus } from './comment-types';
import { CalendarDate } from './dates';
import { channel } from './define';
import { WarningLevelCounts } from './warnings';

const MemberCode = z.string().regex(/^[A-Z]{2,4}$/);
const IndustryCode = z.string().regex(/^[a-z0-9-]{1,40}$/);

/**
 * What every dashboard chart is filtered by. The period is of distribution dates (default: the
 * twelve months up to today); a member may be a bloc (GCC, EAEU), which stands for its members;
 * industries are the triage's. "Now" figures (open for comments, closing this week, untriaged
 * and closing soon) are as of `today` and ignore the period.
 */
export const DashboardFilter = z
  .object({
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    memberCodes: z.array(MemberCode).max(60).optional(),
    industries: z.array(IndustryCode).max(50).optional(),
    /** The day "now" figures count from; defaults to the backend clock's local date. */
    today: CalendarDate.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'the period ends before it starts', path: ['to'] });
export type DashboardFilter = z.input<typeof DashboardFilter>;

/** A labelled group of a breakdown: its key is what the list behind the chart filters by. */
export const DashboardGroup = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  tbt: z.number().int(),
  sps: z.number().int(),
  total: z.number().int(),
});
export type DashboardGroup = z.infer<typeof DashboardGroup>;

export const DashboardMonth = z.object({
  /** 2026-03 */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  tbt: z.number().int(),
  sps: z.number().int(),
});
export type DashboardMonth = z.infer<typeof DashboardMonth>;

/** A notification open for comments with nobody's triage yet, as the morning list shows it. */
export const DashboardUrgentItem = z.object({
  id: z.number().int(),
  symbol: z.string(),
  memberCode: z.string(),
  memberName: z.string(),
  memberNameEn: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  commentDeadline: CalendarDate,
  daysLeft: z.number().int(),
});
export type DashboardUrgentItem = z.infer<typeof DashboardUrgentItem>;

export const CommentFunnel = z.object({
  /** Comments written in the period, whatever their state now (deleted ones left out). */
  drafted: z.number().int(),
  submitted: z.number().int(),
  /** Submitted comments with an outcome for at least one point. */
  withOutcome: z.number().int(),
  /** Every point adopted. */
  adopted: z.number().int(),
  partlyAdopted: z.number().int(),
  /** adopted / decided, partly-or-fully adopted / decided; null while nothing is decided. */
  fullyAdoptedRate: z.number().nullable(),
  atLeastPartlyRate: z.number().nullable(),
  /** The comment states as they stand, for the funnel's tooltip. */
  byStatus: z.record(CommentStatus, z.number().int()),
});
export type CommentFunnel = z.infer<typeof CommentFunnel>;

export const DashboardData = z.object({
  /** The period as applied (the defaults filled in) and the day "now" figures count from. */
  from: CalendarDate,
  to: CalendarDate,
  today: CalendarDate,
  totals: z.object({ notifications: z.number().int(), tbt: z.number().int(), sps: z.number().int() }),
  byMonth: z.array(DashboardMonth),
  /** Every member with a notification in the period, most first. */
  byMember: z.array(DashboardGroup),
  /** Triage industries, most first; key '' gathers notifications with no industry set. */
  byIndustry: z.array(DashboardGroup),
  /** HS chapters (two digits) named by the notifications, most first (at most 20). */
  byHsChapter: z.array(DashboardGroup),
  /** Final date for comments today or later, and within today + 6 days. */
  openNow: z.number().int(),
  closingThisWeek: z.number().int(),
  /** Open notifications still 'new' in triage, closing within 14 days, soonest first (at most 15). */
  untriagedClosingSoon: z.array(DashboardUrgentItem),
  untriagedClosingSoonTotal: z.number().int(),
  /** Open warnings (not closed) by level, for the members and industries filtered. */
  warningsByLevel: WarningLevelCounts,
  comments: CommentFunnel,
  /** Estimated cost spared by adopted comment points in the period (CNY, per DOMAIN.md). */
  costSparedCny: z.number().int(),
});
export type DashboardData = z.infer<typeof DashboardData>;

export const dashboardChannels = {
  /** Every figure of the dashboard in one call (target p95 < 100 ms on 105,000 notifications). */
  dashboardGet: channel(DashboardFilter, DashboardData),
};
