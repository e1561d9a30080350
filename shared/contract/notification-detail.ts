import { z } from 'zod';
import { channel } from './define';
import { NotificationSummary } from './notifications';

export const NotificationDetail = NotificationSummary.extend({
  baseSymbol: z.string(),
  description: z.string(),
  products: z.string(),
  hsCodes: z.array(z.string()),
  icsCodes: z.array(z.string()),
  keywords: z.array(z.string()),
  objectives: z.array(z.string()),
  notificationType: z.string(),
  documentLinks: z.array(z.string()),
  links: z.object({ en: z.string().nullable(), fr: z.string().nullable(), es: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NotificationDetail = z.infer<typeof NotificationDetail>;

export const notificationDetailChannels = {
  notificationsGet: channel(z.object({ id: z.number().int().positive() }).strict(), NotificationDetail),
};
