import { z } from 'zod';
import { CommentListItem, CommentStatus, OutcomeCounts, TemplateCode } from './comment-types';
import { IsoDate } from './notifications';

/**
 * Submitted comments by outcome (shared/domain/comment-outcome.ts): a comment is adopted when
 * every point was, partly adopted when some were (in whole or part), not adopted when none was.
 */
export const OutcomeTally = z.object({
  submitted: z.number().int(),
  /** Every point adopted. */
  adopted: z.number().int(),
  partlyAdopted: z.number().int(),
  notAdopted: z.number().int(),
  /** The measure was withdrawn: neither adopted nor refused, left out of the rates. */
  withdrawn: z.number().int(),
  /** Some point has no outcome yet. */
  awaiting: z.number().int(),
  /** adopted + partlyAdopted + notAdopted: the comments the rates are over. */
  decided: z.number().int(),
  /** adopted / decided; null while nothing is decided. */
  fullyAdoptedRate: z.number().nullable(),
  /** (adopted + partlyAdopted) / decided; null while nothing is decided. */
  atLeastPartlyRate: z.number().nullable(),
});
export type OutcomeTally = z.infer<typeof OutcomeTally>;

export const StatsGroup = OutcomeTally.extend({
  /** Member code, industry code or year; null for comments without an industry. */
  key: z.string().nullable(),
  labelZh: z.string(),
  labelEn: z.string(),
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
  /** Comments submitted in the period (by submission date), by outcome. */
  totals: OutcomeTally.extend({
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
  /** Every comment sent so far, by outcome. */
  outcomes: OutcomeTally,
});
export type CommentsDashboard = z.infer<typeof CommentsDashboard>;
