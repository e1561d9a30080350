import { z } from 'zod';
import { channel } from './define';

export const Area = z.enum(['TBT', 'SPS']);
export type Area = z.infer<typeof Area>;

export const DocType = z.enum(['regular', 'addendum', 'corrigendum', 'revision', 'supplement', 'emergency']);
export type DocType = z.infer<typeof DocType>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const NotificationSummary = z.object({
  id: z.number().int(),
  symbol: z.string(),
  area: Area,
  memberCode: z.string(),
  docType: DocType,
  title: z.string(),
  titleZh: z.string().nullable(),
  distributionDate: IsoDate.nullable(),
  commentDeadline: IsoDate.nullable(),
  source: z.string(),
});
export type NotificationSummary = z.infer<typeof NotificationSummary>;

export const SortKey = z.enum(['distributionDate', 'commentDeadline', 'symbol', 'memberCode', 'title']);

export const NotificationsListInput = z
  .object({
    area: Area.optional(),
    memberCodes: z.array(z.string().regex(/^[A-Z]{3}$/)).max(60).optional(),
    sort: SortKey.default('distributionDate'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type NotificationsListInput = z.input<typeof NotificationsListInput>;

export const notificationChannels = {
  notificationsList: channel(
    NotificationsListInput,
    z.object({ total: z.number().int(), items: z.array(NotificationSummary) }),
  ),
};
