import { z } from 'zod';
import { CommentListItem, CommentStatus, OutcomeCounts, TemplateCode } from './comment-types';
import { IsoDate } from './notifications';

export const StatsGroup = z.object({
  /** Member code, industry code or year; null for comments without an industry. */
  key: z.string().nullable(),
  labelZh: z.string(),
  labelEn: z.string(),
  submitted: z.number().int(),
  withOutcome: z.number().int(),
  adopted: z.number().int(),
  /** adopted / submitted; null when nothing was submitted. */
  adoptionRate: z.number().nullable(),
  points: z.number().int(),
  /** Points adopted or partly adopted. */
  pointsAdopted: z.number().int(),
});
export type StatsGroup = z.infer<typeof StatsGroup>;

export const PointCounts = OutcomeCounts.extend({ total: z.number().int() });
export type PointCounts = z.infer<typeof PointCounts>;

export const CommentStats = z.object({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  totals: z.object({
    /** Comments submitted in the period (by submission date). */
    submitted: z.number().int(),
    /** Of those, comments with at least one point outcome recorded. */
    withOutcome: z.number().int(),
    /** Of those, comments with at least one point adopted or partly adopted. */
    adopted: z.number().int(),
    adoptionRate: z.number().nullable(),
    points: PointCounts,
    /** (adopted + partly adopted points) / all points of submitted comments. */
    pointAdoptionRate: z.number().nullable(),
    costSparedCny: z.number().int(),
  }),
  /** A family comment counts for every member that notified the measure. */
  byMember: z.array(StatsGroup),
  /** Industries from the notification's triage; a comment counts for each of them, or under key null. */
  byIndustry: z.array(StatsGroup),
  byYear: z.array(StatsGroup),
  /** Point level; code null gathers points written without a template. */
  byTemplate: z.array(
    z.object({ code: TemplateCode.nullable(), nameZh: z.string(), nameEn: z.string(), points: PointCounts, adoptionRate: z.number().nullable() }),
  ),
  /** Days from submission to the first dated outcome other than "no reply". */
  timeToOutcome: z.object({
    comments: z.number().int(),
    meanDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    minDays: z.number().int().nullable(),
    maxDays: z.number().int().nullable(),
  }),
});
export type CommentStats = z.infer<typeof CommentStats>;

export const CommentsDashboard = z.object({
  byStatus: z.record(CommentStatus, z.number().int()),
  /** Unsent comments due soon, at risk or missed, by internal deadline (at most 20). */
  flagged: z.array(CommentListItem),
  flaggedCounts: z.object({ dueSoon: z.number().int(), atRisk: z.number().int(), missed: z.number().int() }),
  /** Comments with later addenda or revisions to check (at most 20), and how many in all. */
  followups: z.array(CommentListItem),
  openFollowups: z.number().int(),
  submitted: z.number().int(),
  adopted: z.number().int(),
  adoptionRate: z.number().nullable(),
});
export type CommentsDashboard = z.infer<typeof CommentsDashboard>;
