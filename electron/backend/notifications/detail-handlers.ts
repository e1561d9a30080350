import type { notificationDetailChannels } from '../../../shared/contract/notification-record';
import { localDate, todayOf } from '../../../shared/domain/clock';
import { withChange } from '../changes';
import { actingAnalyst } from '../analysts/analysts';
import type { HandlersFor } from '../handler-types';
import { addAttachment, openAttachment, removeAttachment } from './attachments';
import { getNotificationDetail } from './detail';
import { createManualNotification, updateManualNotification } from './manual-entry';
import { updateTranslation } from './translation';
import { updateTriage, updateTriageBatch } from './triage';

export const notificationDetailHandlers: HandlersFor<typeof notificationDetailChannels> = {
  notificationsGet: (ctx, input) => getNotificationDetail(ctx.db, input.id, input.today ?? todayOf(ctx.clock)),
  notificationsTriageUpdate: (ctx, input) => withChange(updateTriage(ctx.db, actingAnalyst(ctx.db), input, ctx.clock), ctx, 'triage', [input.id]),
  notificationsTriageBatch: (ctx, input) => withChange(updateTriageBatch(ctx.db, actingAnalyst(ctx.db), input, ctx.clock), ctx, 'triage', input.ids),
  notificationsTranslationUpdate: (ctx, input) =>
    withChange(updateTranslation(ctx.db, actingAnalyst(ctx.db), input, ctx.clock), ctx, 'translations', [input.id]),
  notificationsCreate: (ctx, input) => {
    const now = ctx.clock.now();
    const today = localDate(now);
    const id = createManualNotification(ctx.db, actingAnalyst(ctx.db), input, today, now);
    return withChange(getNotificationDetail(ctx.db, id, today), ctx, 'notifications', [id]);
  },
  notificationsUpdateManual: (ctx, input) => {
    updateManualNotification(ctx.db, actingAnalyst(ctx.db), input, ctx.clock.now());
    return withChange(getNotificationDetail(ctx.db, input.id, todayOf(ctx.clock)), ctx, 'notifications', [input.id]);
  },
  attachmentsAdd: (ctx, input) => addAttachment(ctx, input),
  attachmentsRemove: (ctx, input) => removeAttachment(ctx, input.id),
  attachmentsOpen: (ctx, input) => openAttachment(ctx, input.id),
};
