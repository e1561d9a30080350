import type { notificationDetailChannels } from '../../../shared/contract/notification-detail';
import type { HandlersFor } from '../handler-types';
import { getNotification } from './notifications';

export const notificationDetailHandlers: HandlersFor<typeof notificationDetailChannels> = {
  notificationsGet: (ctx, input) => getNotification(ctx.db, input.id),
};
