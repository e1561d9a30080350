import type { notificationChannels } from '../../../shared/contract/notifications';
import type { HandlersFor } from '../handler-types';
import { listNotifications } from './notifications';

export const notificationListHandlers: HandlersFor<typeof notificationChannels> = {
  notificationsList: (ctx, input) => listNotifications(ctx.db, input),
};
