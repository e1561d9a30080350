import type { Database } from 'better-sqlite3';
import type { CommentsDashboard, CommentStatus } from '../../../shared/contract';
import { tallyOutcomes } from '../../../shared/domain/comment-outcome';
import { COMMENT_STATUSES, isSentStatus } from '../../../shared/domain/comment-workflow';
import { listCommentItems } from './comment-read';

const SHOWN = 20;

/** What the dashboard shows of comments: deadlines at risk, addenda to check, adoption so far (fully and at least partly, over the comments with an outcome). */
export function commentsDashboard(db: Database, today: string): CommentsDashboard {
  const items = listCommentItems(db, { sort: 'deadline' }, today);
  const byStatus = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, 0])) as Record<CommentStatus, number>;
  for (const i of items) byStatus[i.status] += 1;
  const flagged = items.filter((i) => !isSentStatus(i.status) && i.deadlines.risk !== 'ok');
  const withFollowups = items.filter((i) => i.openFollowups > 0);
  const sent = items.filter((i) => isSentStatus(i.status));
  return {
    byStatus,
    flagged: flagged.slice(0, SHOWN),
    flaggedCounts: {
      dueSoon: flagged.filter((i) => i.deadlines.risk === 'due-soon').length,
      atRisk: flagged.filter((i) => i.deadlines.risk === 'at-risk').length,
      missed: flagged.filter((i) => i.deadlines.risk === 'missed').length,
    },
    followups: withFollowups.slice(0, SHOWN),
    openFollowups: withFollowups.reduce((n, i) => n + i.openFollowups, 0),
    outcomes: tallyOutcomes(sent.map((i) => i.outcome)),
  };
}
