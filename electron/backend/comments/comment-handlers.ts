import type { commentChannels } from '../../../shared/contract/comments';
import { todayOf } from '../../../shared/domain/clock';
import { withChange } from '../changes';
import { actingAnalyst } from '../analysts/analysts';
import type { BackendContext } from '../context';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';
import { commentsDashboard } from './comment-dashboard';
import { createComment, deleteComment, insertTemplatePoint, restoreVersion, saveComment } from './comment-edit';
import { exportComment } from './comment-export';
import { confirmLanguage } from './language-marks';
import { acknowledgeCommentFollowup, clearOutcome, recordOutcome } from './comment-outcomes';
import { getComment, listComments } from './comment-read';
import { commentStats } from './comment-stats';
import { transitionComment } from './comment-transitions';
import { diffVersions, getVersion, listVersions } from './comment-versions';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';

/** Every write below is by the analyst this workstation acts as (analysts.ts). */

/**
 * The comment as it stands after a write, with deadlines counted from today. An outcome (and
 * its follow-up) is told apart from the comment's text and workflow: the adoption figures follow it.
 */
const fresh = (ctx: BackendContext, id: number, entity: 'comments' | 'outcomes' = 'comments') =>
  withChange(getComment(ctx.db, id, todayOf(ctx.clock)), ctx, entity, [id]);

export const commentHandlers: HandlersFor<typeof commentChannels> = {
  commentTemplatesList: (ctx) => listTemplates(ctx.db),
  commentTemplatesSave: (ctx, input) => {
    const saved = saveTemplate(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return withChange(saved, ctx, 'templates', [saved.id]);
  },
  commentTemplatesDelete: (ctx, input) => withChange(deleteTemplate(ctx.db, actingAnalyst(ctx.db), input.id, ctx.clock), ctx, 'templates', [input.id]),
  commentsList: (ctx, input) => listComments(ctx.db, input, input.today ?? todayOf(ctx.clock)),
  commentsGet: (ctx, input) => getComment(ctx.db, input.id, input.today ?? todayOf(ctx.clock)),
  commentsDashboard: (ctx, input) => commentsDashboard(ctx.db, input.today ?? todayOf(ctx.clock)),
  commentsCreate: (ctx, input) => fresh(ctx, createComment(ctx.db, actingAnalyst(ctx.db), input, ctx.clock)),
  commentsDelete: (ctx, input) => withChange(deleteComment(ctx.db, actingAnalyst(ctx.db), input.id, ctx.clock), ctx, 'comments', [input.id]),
  commentsSave: (ctx, input) => {
    saveComment(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.id);
  },
  commentsInsertTemplate: (ctx, input) => {
    insertTemplatePoint(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.commentId);
  },
  commentsVersions: (ctx, input) => listVersions(ctx.db, input.id),
  commentsVersionGet: (ctx, input) => getVersion(ctx.db, input.id, input.version),
  commentsDiff: (ctx, input) => diffVersions(ctx.db, input.id, input.fromVersion, input.toVersion),
  commentsRestore: (ctx, input) => {
    restoreVersion(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.id);
  },
  commentsTransition: (ctx, input) => {
    transitionComment(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.id);
  },
  commentsRecordOutcome: (ctx, input) => {
    recordOutcome(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.id, 'outcomes');
  },
  commentsClearOutcome: (ctx, input) => {
    clearOutcome(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.id, 'outcomes');
  },
  commentsAcknowledgeFollowup: (ctx, input) => {
    acknowledgeCommentFollowup(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.id, 'outcomes');
  },
  commentsConfirmLanguage: (ctx, input) => {
    confirmLanguage(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return fresh(ctx, input.id);
  },
  commentsStats: (ctx, input) => commentStats(ctx.db, input),
};

export const commentAsyncHandlers: AsyncHandlersFor<typeof commentChannels> = {
  commentsExport: (ctx, input) => exportComment(ctx, input),
};
