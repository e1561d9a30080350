import type { notificationDetailChannels } from '../../../shared/contract/notification-detail';
import { localToday } from '../../../shared/domain/deadline';
import type { BackendContext } from '../context';
import type { HandlersFor } from '../handler-types';
import { currentActor } from '../settings/settings';
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
  notificationsGet: (ctx, input) => getNotificationDetail(ctx.db, input.id, input.today ?? localToday()),
  notificationsTriageUpdate: (ctx, input) => changed(ctx, updateTriage(ctx.db, currentActor(ctx.db), input)),
  notificationsTriageBatch: (ctx, input) => changed(ctx, updateTriageBatch(ctx.db, currentActor(ctx.db), input)),
  notificationsTranslationUpdate: (ctx, input) => changed(ctx, updateTranslation(ctx.db, currentActor(ctx.db), input)),
  notificationsCreate: (ctx, input) => {
    const today = localToday();
    const id = createManualNotification(ctx.db, currentActor(ctx.db), input, today);
    return changed(ctx, getNotificationDetail(ctx.db, id, today));
  },
  notificationsUpdateManual: (ctx, input) => {
    updateManualNotification(ctx.db, currentActor(ctx.db), input);
    return changed(ctx, getNotificationDetail(ctx.db, input.id));
  },
  attachmentsAdd: (ctx, input) => addAttachment(ctx, input),
  attachmentsRemove: (ctx, input) => removeAttachment(ctx, input.id),
  attachmentsOpen: (ctx, input) => openAttachment(ctx, input.id),
};
