import { z } from 'zod';
import { isWebLink } from '../domain/external-links';
import { CalendarDate } from './dates';
import { channel } from './define';
import { Area, DocType, IsoDate, NotificationSummary, Relevance, TriageStatus } from './notifications';
import { Uid } from './record-uid';

export { CalendarDate };

const Id = z.number().int().positive();
const MemberCode = z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter country code');

/** Every item of the notification form as imported or entered: the record itself. */
export const NotificationRecord = NotificationSummary.extend({
  baseSymbol: z.string(),
  /** The document this one amends (one suffix less); null for a base notification. */
  parentSymbol: z.string().nullable(),
  memberName: z.string(),
  description: z.string(),
  products: z.string(),
  hsCodes: z.array(z.string()),
  icsCodes: z.array(z.string()),
  keywords: z.array(z.string()),
  objectives: z.array(z.string()),
  notificationType: z.string(),
  /** Free text as the WTO gives it ("Not stated", "60 days after publication", a date). */
  proposedAdoption: z.string().nullable(),
  proposedEntryIntoForce: z.string().nullable(),
  countriesAffected: z.array(z.string()),
  /** The other symbols of a joint notification (empty for a single one). */
  jointSymbols: z.array(z.string()),
  /** The row's own family (set on base notifications only; `family` also covers follow-ups). */
  familyId: z.number().int().nullable(),
  documentLinks: z.array(z.string()),
  links: z.object({ en: z.string().nullable(), fr: z.string().nullable(), es: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NotificationRecord = z.infer<typeof NotificationRecord>;

/** Status: new → screening → assessing (under assessment) → commented, or closed (no action). */
export const Triage = z.object({
  status: TriageStatus,
  relevance: Relevance.nullable(),
  /** The assigned analyst's name (what the interface shows) and uid (what the record keeps). */
  assignee: z.string().nullable(),
  assigneeId: Uid.nullable(),
  notes: z.string(),
  /** Industry codes (see the industries reference list). */
  industries: z.array(z.string()),
  /** Null while nobody has triaged the notification yet. */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedById: Uid.nullable(),
});
export type Triage = z.infer<typeof Triage>;

export const TranslationStatus = z.enum(['draft', 'reviewed', 'final']);
export type TranslationStatus = z.infer<typeof TranslationStatus>;
export const Translation = z.object({
  titleZh: z.string(),
  descriptionZh: z.string(),
  translator: z.string().nullable(),
  translatorId: Uid.nullable(),
  status: TranslationStatus,
  updatedAt: z.string(),
  /** Who saved it last: name and uid. */
  updatedBy: z.string(),
  updatedById: Uid,
});
export type Translation = z.infer<typeof Translation>;

export const Deadline = z.object({
  /** Days from today to the final date for comments: 0 on the day, negative once passed. */
  daysLeft: z.number().int().nullable(),
  state: z.enum(['open', 'closing-soon', 'overdue', 'closed', 'none']),
});
export type Deadline = z.infer<typeof Deadline>;

export const TimelineEntry = z.object({
  id: z.number().int(),
  symbol: z.string(),
  memberCode: z.string(),
  docType: DocType,
  distributionDate: IsoDate.nullable(),
  commentDeadline: IsoDate.nullable(),
  title: z.string(),
  isCurrent: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const MeasureFamily = z.object({
  id: z.number().int(),
  kind: z.enum(['joint', 'GCC', 'EAEU']),
  title: z.string(),
  /** The base notifications of the family, one per notifying member. */
  members: z.array(z.object({ id: z.number().int(), symbol: z.string(), memberCode: z.string() })),
});
export type MeasureFamily = z.infer<typeof MeasureFamily>;

export const Attachment = z.object({
  id: z.number().int(),
  notificationId: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  addedById: Uid,
});
export type Attachment = z.infer<typeof Attachment>;

/** One old value kept when an import or a manual edit changed a field. */
export const NotificationChange = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** The NotificationDetail key that changed, e.g. `commentDeadline`. */
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  /** The import that made the change; null for a manual edit. */
  importId: z.number().int().nullable(),
});
export type NotificationChange = z.infer<typeof NotificationChange>;

/** The record plus the analysts' layer and everything related to it, for the detail view. */
export const NotificationDetail = NotificationRecord.extend({
  triage: Triage,
  translation: Translation.nullable(),
  deadline: Deadline,
  /** Every notification of the measure (base, revisions, addenda, corrigenda, family members) by date. */
  timeline: z.array(TimelineEntry),
  /**
   * The base symbol of a follow-up (addendum, revision, corrigendum, supplement) whose base
   * notification is not in the store, so the analyst can look for it; null otherwise.
   */
  missingBase: z.string().nullable(),
  /** Null unless the measure was notified by more than one member. */
  family: MeasureFamily.nullable(),
  attachments: z.array(Attachment),
  /** Newest first. */
  changes: z.array(NotificationChange),
});
export type NotificationDetail = z.infer<typeof NotificationDetail>;

const Text = (max: number) => z.string().trim().max(max);
const TextList = z.array(Text(500).min(1)).max(500);
const Person = Text(80)
  .nullable()
  .transform((v) => (v ? v : null));
/** Notifications one batch triage may change. */
export const MAX_TRIAGE_BATCH = 1_000;
const WebLink = Text(2048).refine(isWebLink, 'expected an http or https address');

/** What the analyst can type for a notification that arrived outside the WTO feeds. */
const manualFields = {
  title: Text(2000).min(1, 'a title is required'),
  description: Text(100_000),
  products: Text(10_000),
  hsCodes: TextList,
  icsCodes: TextList,
  keywords: TextList,
  objectives: TextList,
  notificationType: Text(200),
  distributionDate: CalendarDate.nullable(),
  commentDeadline: CalendarDate.nullable(),
  proposedAdoption: Text(500).nullable(),
  proposedEntryIntoForce: Text(500).nullable(),
  documentLinks: z.array(WebLink).max(50),
};

export const NotificationCreateInput = z
  .object({
    /**
     * A WTO symbol (`G/TBT/N/KAZ/123`) when the measure has one; leave it out for a national
     * source and a local reference (`NAT/UZB/2026/0001`) is assigned.
     */
    symbol: Text(200).optional(),
    area: Area,
    memberCode: MemberCode,
    title: manualFields.title,
    description: manualFields.description.default(''),
    products: manualFields.products.default(''),
    hsCodes: manualFields.hsCodes.default([]),
    icsCodes: manualFields.icsCodes.default([]),
    keywords: manualFields.keywords.default([]),
    objectives: manualFields.objectives.default([]),
    notificationType: manualFields.notificationType.default(''),
    distributionDate: manualFields.distributionDate.default(null),
    commentDeadline: manualFields.commentDeadline.default(null),
    proposedAdoption: manualFields.proposedAdoption.default(null),
    proposedEntryIntoForce: manualFields.proposedEntryIntoForce.default(null),
    documentLinks: manualFields.documentLinks.default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.distributionDate && v.commentDeadline && v.commentDeadline < v.distributionDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['commentDeadline'],
        message: `the final date for comments (${v.commentDeadline}) is before the distribution date (${v.distributionDate})`,
      });
    }
  });
export type NotificationCreateInput = z.input<typeof NotificationCreateInput>;

/**
 * Only the fields given change (no defaults here, so a missing field is left alone); symbol,
 * area and member identify the record and stay.
 */
export const NotificationUpdateManualInput = z
  .object({ id: Id, ...manualFields })
  .partial()
  .required({ id: true })
  .strict();
export type NotificationUpdateManualInput = z.input<typeof NotificationUpdateManualInput>;

const FileRef = z.string().regex(/^[a-f0-9]{32}$/, 'expected a file reference from stageFile');

export const notificationDetailChannels = {
  /** One notification with triage, translation, timeline, family, attachments and history. */
  notificationsGet: channel(
    z.object({ id: Id, today: CalendarDate.optional() }).strict(),
    NotificationDetail,
  ),
  notificationsTriageUpdate: channel(
    z
      .object({
        id: Id,
        status: TriageStatus.optional(),
        relevance: Relevance.nullable().optional(),
        assignee: Person.optional(),
        notes: z.string().max(20_000).optional(),
        industries: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'expected an industry code')).max(30).optional(),
      })
      .strict(),
    Triage,
  ),
  /**
   * One status, relevance or assignee for many notifications at once (screening a week's
   * arrivals): one transaction, one audit entry per notification that changed.
   */
  notificationsTriageBatch: channel(
    z
      .object({
        ids: z
          .array(Id)
          .min(1)
          .max(MAX_TRIAGE_BATCH)
          .refine((ids) => new Set(ids).size === ids.length, 'each notification once'),
        status: TriageStatus.optional(),
        relevance: Relevance.nullable().optional(),
        assignee: Person.optional(),
      })
      .strict()
      .refine((v) => v.status !== undefined || v.relevance !== undefined || v.assignee !== undefined, {
        message: 'set a status, a relevance or an assignee',
      }),
    z.object({ updated: z.number().int(), unchanged: z.number().int() }),
  ),
  notificationsTranslationUpdate: channel(
    z
      .object({
        id: Id,
        titleZh: Text(2000),
        descriptionZh: Text(100_000),
        translator: Person,
        status: TranslationStatus,
      })
      .strict(),
    Translation,
  ),
  /** Manual entry: national sources of non-WTO members, or anything the feeds missed. */
  notificationsCreate: channel(NotificationCreateInput, NotificationDetail),
  /** Edit a manually entered record; imported ones change only by re-import. */
  notificationsUpdateManual: channel(NotificationUpdateManualInput, NotificationDetail),
  /** Keep a staged file (PDF, DOCX, DOC, XLSX, TXT, HTML; at most 100 MB) with a notification. */
  attachmentsAdd: channel(
    z.object({ notificationId: Id, fileRef: FileRef }).strict(),
    z.object({ attachment: Attachment, alreadyAttached: z.boolean() }),
  ),
  attachmentsRemove: channel(z.object({ id: Id }).strict(), z.object({ id: z.number().int(), blobDeleted: z.boolean() })),
  /** The stored file's path, checked against its hash, for the shell to open. */
  attachmentsOpen: channel(z.object({ id: Id }).strict(), z.object({ path: z.string() })),
};
