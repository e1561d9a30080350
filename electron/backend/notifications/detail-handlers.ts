import type { notificationDetailChannels } from '../../../shared/contract/notification-detail';
import { localDate, todayOf } from '../../../shared/domain/clock';
import { actingAnalyst } from '../analysts/analysts';
import type { BackendContext } from '../context';
import type { HandlersFor } from '../handler-types';
import { addAttachment, openAttachment, removeAttachment } from './attachments';
import { getNotificationDetail } from './detail';
import { createManualNotification, updateManualNotification } from './manual-entry';
import { updateTranslation } from './translation';
import { updateTriage, updateTriageBatch } from './triage';

/** Lists, counts and search results change with every write here. */
function changed<T>(ctx: BackendContext, value: T): T {
  ctx.emit('dataChanged', { entity: 'notifications' });
  return value;
}

export const notificationDetailHandlers: HandlersFor<typeof notificationDetailChannels> = {
  notificationsGet: (ctx, input) => getNotificationDetail(ctx.db, input.id, input.today ?? todayOf(ctx.clock)),
  notificationsTriageUpdate: (ctx, input) => changed(ctx, updateTriage(ctx.db, actingAnalyst(ctx.db), input, ctx.clock)),
  notificationsTriageBatch: (ctx, input) => changed(ctx, updateTriageBatch(ctx.db, actingAnalyst(ctx.db), input, ctx.clock)),
  notificationsTranslationUpdate: (ctx, input) => changed(ctx, updateTranslation(ctx.db, actingAnalyst(ctx.db), input, ctx.clock)),
  notificationsCreate: (ctx, input) => {
    const now = ctx.clock.now();
    const today = localDate(now);
    const id = createManualNotification(ctx.db, actingAnalyst(ctx.db), input, today, now);
    return changed(ctx, getNotificationDetail(ctx.db, id, today));
  },
  notificationsUpdateManual: (ctx, input) => {
    updateManualNotification(ctx.db, actingAnalyst(ctx.db), input, ctx.clock.now());
    return changed(ctx, getNotificationDetail(ctx.db, input.id, todayOf(ctx.clock)));
  },
  attachmentsAdd: (ctx, input) => addAttachment(ctx, input),
  attachmentsRemove: (ctx, input) => removeAttachment(ctx, input.id),
  attachmentsOpen: (ctx, input) => openAttachment(ctx, input.id),
};
