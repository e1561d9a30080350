import type { Database } from 'better-sqlite3';
import type { CommentFunnel } from '../../../shared/contract/dashboard';
import type { CommentStatus } from '../../../shared/contract';
import { commentOutcome, tallyOutcomes, type PointOutcomeValue } from '../../../shared/domain/comment-outcome';
import { addDays } from '../../../shared/domain/deadline';
import { COMMENT_STATUSES } from '../../../shared/domain/comment-workflow';
import { localMidnightIso, type DashboardScope } from './dashboard-scope';

/**
 * Whether comment `c` concerns the scope's members and industries: through its notification, or
 * for a comment on a measure family, through any notification of the family (as the comment
 * statistics group comments by member and industry).
 */
function commentConditions(scope: DashboardScope): { conditions: string[]; params: Record<string, string> } {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  const reaches = (test: string): string =>
    `(EXISTS (SELECT 1 FROM notifications n WHERE n.id = c.notification_id AND ${test})
      OR EXISTS (SELECT 1 FROM notifications n WHERE n.family_id = c.family_id AND ${test}))`;
  if (scope.members) {
    conditions.push(reaches('n.member_code IN (SELECT value FROM json_each(@members))'));
    params.members = JSON.stringify(scope.members);
  }
  if (scope.industries) {
    conditions.push(
      reaches(
        'n.id IN (SELECT notification_id FROM notification_industries WHERE industry IN (SELECT value FROM json_each(@industries)) AND deleted_at IS NULL)',
      ),
    );
    params.industries = JSON.stringify(scope.industries);
  }
  return { conditions, params };
}

/**
 * The comment funnel of the period: comments written in it (by their creation on the local
 * calendar), and of those submitted in it (by submission date, as the comment statistics count)
 * how many have an outcome, are adopted or partly adopted, with the statistics' rates
 * (shared/domain/comment-outcome.ts) and their estimated cost spared.
 */
export function dashboardComments(db: Database, scope: DashboardScope): { funnel: CommentFunnel; costSparedCny: number } {
  const { conditions, params } = commentConditions(scope);
  const extra = conditions.map((c) => ` AND ${c}`).join('');
  const all = {
    ...params,
    from: scope.from,
    to: scope.to,
    createdFrom: localMidnightIso(scope.from),
    createdBefore: localMidnightIso(addDays(scope.to, 1)),
  };
  const drafted = db
    .prepare(`SELECT c.id, c.status FROM comments c WHERE c.deleted_at IS NULL AND c.created_at >= @createdFrom AND c.created_at < @createdBefore${extra}`)
    .all(all) as Array<{ id: number; status: CommentStatus }>;
  const submitted = db
    .prepare(
      `SELECT c.id, c.status FROM comments c WHERE c.deleted_at IS NULL AND c.submission_date IS NOT NULL
         AND c.submission_date >= @from AND c.submission_date <= @to${extra}`,
    )
    .all(all) as Array<{ id: number; status: CommentStatus }>;
  // The points of the current version (frozen from approval on), their outcomes matched by key.
  const points = db
    .prepare(
      `SELECT c.id AS comment_id, o.outcome
       FROM json_each(@ids) s
       JOIN comments c ON c.id = s.value
       JOIN comment_versions v ON v.comment_id = c.id AND v.version = c.current_version
       JOIN json_each(v.snapshot, '$.points') p
       LEFT JOIN comment_outcomes o ON o.comment_id = c.id AND o.point_key = json_extract(p.value, '$.key') AND o.deleted_at IS NULL`,
    )
    .all({ ids: JSON.stringify(submitted.map((c) => c.id)) }) as Array<{ comment_id: number; outcome: PointOutcomeValue | null }>;
  const byComment = new Map<number, Array<PointOutcomeValue | null>>(submitted.map((c) => [c.id, []]));
  for (const p of points) byComment.get(p.comment_id)?.push(p.outcome);
  const tally = tallyOutcomes([...byComment.values()].map((outcomes) => commentOutcome(outcomes)));
  const withOutcome = [...byComment.values()].filter((outcomes) => outcomes.some((o) => o !== null)).length;
  const cost = db
    .prepare(
      `SELECT coalesce(sum(o.cost_spared_cny), 0) AS cost FROM comment_outcomes o
       WHERE o.deleted_at IS NULL AND o.comment_id IN (SELECT value FROM json_each(@ids))`,
    )
    .get({ ids: JSON.stringify(submitted.map((c) => c.id)) }) as { cost: number };

  // The states as they stand, of every comment the funnel counts (written or submitted in the period).
  const byStatus = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, 0])) as Record<CommentStatus, number>;
  const counted = new Map([...drafted, ...submitted].map((c) => [c.id, c.status]));
  for (const status of counted.values()) byStatus[status] += 1;
  return {
    funnel: {
      drafted: drafted.length,
      submitted: tally.submitted,
      withOutcome,
      adopted: tally.adopted,
      partlyAdopted: tally.partlyAdopted,
      fullyAdoptedRate: tally.fullyAdoptedRate,
      atLeastPartlyRate: tally.atLeastPartlyRate,
      byStatus,
    },
    costSparedCny: cost.cost,
  };
}
