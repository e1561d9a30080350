import { z } from 'zod';
import { ExportedFile } from './comment-types';
import { channel } from './define';
import { CalendarDate } from './notification-record';
import { Area } from './notifications';
import { Uid } from './record-uid';

export const TradeConcernStatus = z.enum(['draft', 'raised', 'resolved', 'dropped']);
export type TradeConcernStatus = z.infer<typeof TradeConcernStatus>;

/** A suggestion to raise a specific trade concern in the WTO TBT or SPS Committee. */
export const TradeConcern = z.object({
  id: z.number().int(),
  titleZh: z.string(),
  titleEn: z.string(),
  committee: Area,
  members: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  notifications: z.array(
    z.object({ id: z.number().int(), symbol: z.string(), title: z.string(), titleZh: z.string().nullable(), memberCode: z.string() }),
  ),
  issueZh: z.string(),
  issueEn: z.string(),
  talkingPointsZh: z.array(z.string()),
  talkingPointsEn: z.array(z.string()),
  /** Free text, e.g. "TBT Committee, March 2026". */
  meeting: z.string(),
  status: TradeConcernStatus,
  createdAt: z.string(),
  /** Analysts as names (what the interface shows) and uids (what the record keeps). */
  createdBy: z.string(),
  createdById: Uid,
  updatedAt: z.string(),
  updatedBy: z.string(),
  updatedById: Uid,
});
export type TradeConcern = z.infer<typeof TradeConcern>;

const Id = z.number().int().positive();
const TalkingPoints = z.array(z.string().trim().min(1).max(5000)).max(50);

export const TradeConcernSaveInput = z
  .object({
    /** Without id: a new suggestion; with id: replace that one's fields. */
    id: Id.optional(),
    titleZh: z.string().trim().min(1, 'a Chinese title is required').max(500),
    titleEn: z.string().trim().max(500).default(''),
    committee: Area,
    // WTO member codes as symbols write them: EU, or three letters (KAZ, USA).
    memberCodes: z.array(z.string().regex(/^(EU|[A-Z]{3})$/, 'expected a WTO member code such as KAZ, USA or EU')).min(1, 'name at least one member').max(30),
    notificationIds: z.array(Id).max(100).default([]),
    issueZh: z.string().max(20_000).default(''),
    issueEn: z.string().max(20_000).default(''),
    talkingPointsZh: TalkingPoints.default([]),
    talkingPointsEn: TalkingPoints.default([]),
    meeting: z.string().trim().max(200).default(''),
    status: TradeConcernStatus.default('draft'),
  })
  .strict();
export type TradeConcernSaveInput = z.input<typeof TradeConcernSaveInput>;

export const tradeConcernChannels = {
  tradeConcernsList: channel(
    z
      .object({ statuses: z.array(TradeConcernStatus).max(4).optional(), committee: Area.optional() })
      .strict(),
    z.array(TradeConcern),
  ),
  tradeConcernsGet: channel(z.object({ id: Id }).strict(), TradeConcern),
  tradeConcernsSave: channel(TradeConcernSaveInput, TradeConcern),
  tradeConcernsDelete: channel(z.object({ id: Id }).strict(), z.object({ deleted: z.boolean() })),
  /** One Word document with every concern given, Chinese then English talking points, into <dataDir>/exports/. */
  tradeConcernsExport: channel(
    z
      .object({
        ids: z.array(Id).min(1, 'choose at least one trade concern').max(100),
        format: z.literal('docx').default('docx'),
        date: CalendarDate.optional(),
        inline: z.boolean().default(false),
      })
      .strict(),
    ExportedFile,
  ),
};
