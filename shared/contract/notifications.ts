import { z } from 'zod';
import { Bloc, ScoStatus } from './app';
import { IsoDate } from './dates';
import { channel } from './define';
import { Uid } from './record-uid';

export const Area = z.enum(['TBT', 'SPS']);
export type Area = z.infer<typeof Area>;

export const DocType = z.enum(['regular', 'addendum', 'corrigendum', 'revision', 'supplement', 'emergency']);
export type DocType = z.infer<typeof DocType>;

export { IsoDate };

/** Where an analyst's review of a notification stands; 'new' until someone triages it. */
export const TriageStatus = z.enum(['new', 'screening', 'assessing', 'commented', 'closed']);
export type TriageStatus = z.infer<typeof TriageStatus>;

export const Relevance = z.enum(['high', 'medium', 'low', 'none']);
export type Relevance = z.infer<typeof Relevance>;

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

/** Sortable list columns; 'rank' (best match first) is the default when a query is given. */
export const SortKey = z.enum([
  'distributionDate',
  'commentDeadline',
  'symbol',
  'memberCode',
  'title',
  'status',
  'relevance',
  'rank',
]);
export type SortKey = z.infer<typeof SortKey>;

const MemberCode = z.string().regex(/^[A-Z]{2,4}$/);
const IndustryCode = z.string().regex(/^[a-z0-9-]{1,40}$/);
/** 'unrated' selects notifications nobody has rated yet. */
export const RelevanceFilter = z.enum([...Relevance.options, 'unrated']);

/**
 * Filters, query and sort of the notification list. Every field is optional: filters combine
 * with AND, the values inside one array filter with OR.
 */
export const NotificationsListInput = z
  .object({
    /** Words in Chinese or English, or a symbol; every term must match. */
    query: z.string().max(200).optional(),
    area: Area.optional(),
    memberCodes: z.array(MemberCode).max(60).optional(),
    /** 'any' is every SCO country, member or partner. */
    scoStatus: z.enum([...ScoStatus.options, 'any']).optional(),
    blocs: z.array(Bloc).max(2).optional(),
    docTypes: z.array(DocType).max(6).optional(),
    /** HS code prefix; dots and spaces are ignored (8507.60 = 850760). */
    hsCode: z.string().trim().regex(/^[0-9][0-9. ]{0,13}$/).optional(),
    /** ICS code or a higher level of it: 43 finds 43.120 and 43.120.10. */
    icsCode: z.string().trim().regex(/^\d{2}(\.\d{3}(\.\d{2})?)?$/).optional(),
    /** One objective as ePing names it, case-insensitive. */
    objective: z.string().trim().min(1).max(200).optional(),
    /** One keyword as ePing names it, case-insensitive. */
    keyword: z.string().trim().min(1).max(200).optional(),
    distributedFrom: IsoDate.optional(),
    distributedTo: IsoDate.optional(),
    /** true: final date for comments today or later; false: passed or none. */
    openForComments: z.boolean().optional(),
    /** Final date for comments between today and today + N days. */
    deadlineWithinDays: z.number().int().min(0).max(3660).optional(),
    /** The day the deadline filters count from; defaults to the current local date. */
    today: IsoDate.optional(),
    triageStatuses: z.array(TriageStatus).max(5).optional(),
    relevances: z.array(RelevanceFilter).max(5).optional(),
    industries: z.array(IndustryCode).max(50).optional(),
    /** An analyst's name; null selects notifications nobody is assigned to. */
    assignee: z.string().trim().min(1).max(80).nullable().optional(),
    sort: SortKey.optional(),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type NotificationsListInput = z.input<typeof NotificationsListInput>;
export type NotificationsListQuery = z.output<typeof NotificationsListInput>;

/** A run of text, `hit` when it matches a query term. */
export const TextSegment = z.object({ text: z.string(), hit: z.boolean() });
export type TextSegment = z.infer<typeof TextSegment>;

export const SearchHighlight = z.object({
  title: z.array(TextSegment),
  titleZh: z.array(TextSegment).nullable(),
  /** About 160 characters around the first hit in the description or the Chinese translation. */
  snippet: z.array(TextSegment).nullable(),
});
export type SearchHighlight = z.infer<typeof SearchHighlight>;

export const NotificationListItem = NotificationSummary.extend({
  /** Chinese name from the reference data, else the name as imported, else the code. */
  memberName: z.string(),
  memberNameEn: z.string(),
  status: TriageStatus,
  relevance: Relevance.nullable(),
  assignee: z.string().nullable(),
  industries: z.array(z.string()),
  familyId: z.number().int().nullable(),
  highlight: SearchHighlight.optional(),
});
export type NotificationListItem = z.infer<typeof NotificationListItem>;

export const NotificationsListOutput = z.object({
  /** Matching notifications; when totalCapped, at least this many (counting stops there). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  items: z.array(NotificationListItem),
});
export type NotificationsListOutput = z.infer<typeof NotificationsListOutput>;

/** The list's query, filters and sort without paging: what a saved search keeps, and what "tick every match" ticks. */
export const UnpagedListInput = NotificationsListInput.omit({ offset: true, limit: true });
export type UnpagedListQuery = z.output<typeof UnpagedListInput>;

export const NotificationsMatchingIdsOutput = z.object({
  /** Matching notifications; when totalCapped, at least this many. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  /** Every match in the list's order, or none when more match than one batch may change. */
  ids: z.array(z.number().int()),
});
export type NotificationsMatchingIdsOutput = z.infer<typeof NotificationsMatchingIdsOutput>;

/** What a saved search keeps: the list input without paging. */
export const SavedSearchQuery = UnpagedListInput;
export type SavedSearchQuery = UnpagedListQuery;

export const SavedSearch = z.object({
  id: z.number().int(),
  name: z.string(),
  query: SavedSearchQuery,
  createdAt: z.string(),
  createdBy: z.string(),
  createdById: Uid,
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const Industry = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type Industry = z.infer<typeof Industry>;

const Empty = z.object({}).strict();

export const notificationChannels = {
  notificationsList: channel(NotificationsListInput, NotificationsListOutput),
  /** The ids of every match, when a triage batch may take them all (MAX_TRIAGE_BATCH). */
  notificationsMatchingIds: channel(UnpagedListInput, NotificationsMatchingIdsOutput),
  savedSearchesList: channel(Empty, z.array(SavedSearch)),
  /** Saving under an existing name replaces that search. */
  savedSearchSave: channel(
    z.object({ name: z.string().trim().min(1).max(80), query: SavedSearchQuery }).strict(),
    SavedSearch,
  ),
  /** A name another saved search has is refused with CONFLICT. */
  savedSearchRename: channel(
    z.object({ id: z.number().int().positive(), name: z.string().trim().min(1).max(80) }).strict(),
    SavedSearch,
  ),
  savedSearchDelete: channel(z.object({ id: z.number().int().positive() }).strict(), z.object({ deleted: z.boolean() })),
  industriesList: channel(Empty, z.array(Industry)),
};
