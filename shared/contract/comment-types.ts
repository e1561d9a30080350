import { z } from 'zod';
import { COMMENT_STATUSES } from '../domain/comment-workflow';
import { SYNC_PARTS } from '../domain/language-sync';
import { TEMPLATE_PLACEHOLDERS } from '../domain/template-fill';
import { Uid } from './analysts';
import { TimelineEntry } from './notification-record';
import { Area, DocType, IsoDate } from './notifications';

/** Workflow status; the allowed moves are in shared/domain/comment-workflow.ts. */
export const CommentStatus = z.enum(COMMENT_STATUSES);
export type CommentStatus = z.infer<typeof CommentStatus>;

/** How an unsent comment stands against its internal deadline (see commentRisk). */
export const CommentRisk = z.enum(['ok', 'due-soon', 'at-risk', 'missed']);
export type CommentRisk = z.infer<typeof CommentRisk>;

export const PointOutcome = z.enum(['adopted', 'partly_adopted', 'not_adopted', 'no_reply', 'withdrawn']);
/** What became of the whole comment, from its points (shared/domain/comment-outcome.ts). */
export const CommentOutcome = z.enum(['adopted', 'partly_adopted', 'not_adopted', 'withdrawn', 'awaiting']);
export type CommentOutcome = z.infer<typeof CommentOutcome>;
export type PointOutcome = z.infer<typeof PointOutcome>;

export const SubmissionChannel = z.enum(['enquiry-point', 'email', 'bilateral', 'other']);
export type SubmissionChannel = z.infer<typeof SubmissionChannel>;

export { AnalystName } from './analysts';
/** A point's stable key within its comment (p1, p2, …); numbering in the letter follows position. */
export const PointKey = z.string().regex(/^p\d{1,6}$/, 'expected a point key such as p3');
export const TemplateCode = z.string().regex(/^[a-z0-9-]{1,40}$/, 'expected a code of lowercase letters, digits and hyphens');
export const TemplatePlaceholder = z.enum(TEMPLATE_PLACEHOLDERS);


/** The eight texts of a point: clause, concern, proposed change and rationale, Chinese beside English. */
export const POINT_TEXT_FIELDS = [
  'clauseZh', 'clauseEn', 'concernZh', 'concernEn', 'proposalZh', 'proposalEn', 'rationaleZh', 'rationaleEn',
] as const;
export const PointTextField = z.enum(POINT_TEXT_FIELDS);
export type PointTextField = z.infer<typeof PointTextField>;

export const CommentPoint = z.object({
  key: PointKey,
  /** The point's stable identity (the key is its label within the comment and the letter). */
  uid: Uid,
  /** The template the point was inserted from (kept for statistics per template); null if written freely. */
  templateCode: TemplateCode.nullable(),
  clauseZh: z.string(),
  clauseEn: z.string(),
  concernZh: z.string(),
  concernEn: z.string(),
  proposalZh: z.string(),
  proposalEn: z.string(),
  rationaleZh: z.string(),
  rationaleEn: z.string(),
});
export type CommentPoint = z.infer<typeof CommentPoint>;

/** What every version keeps in full. */
export const CommentContent = z.object({ titleZh: z.string(), titleEn: z.string(), points: z.array(CommentPoint) });
export type CommentContent = z.infer<typeof CommentContent>;

/** What the comment is about: one notification, or a measure family (a GCC or EAEU draft, a joint notification). */
export const CommentTarget = z.object({
  kind: z.enum(['notification', 'family']),
  notificationId: z.number().int().nullable(),
  familyId: z.number().int().nullable(),
  /** Symbols named in the letter's subject: the notification's, or every family member's base. */
  symbols: z.array(z.string()),
  title: z.string(),
  titleZh: z.string().nullable(),
  area: Area,
  memberCodes: z.array(z.string()),
  memberNamesZh: z.array(z.string()),
  memberNamesEn: z.array(z.string()),
});
export type CommentTarget = z.infer<typeof CommentTarget>;

export const CommentDeadlines = z.object({
  /** The notification's final date for comments; for a family, the earliest among its members. */
  finalDate: IsoDate.nullable(),
  /** `workingDays` working days (Mon–Fri; public holidays not modelled) before the final date. */
  internalDeadline: IsoDate.nullable(),
  workingDays: z.number().int(),
  /** Calendar days from today to the internal deadline; negative once passed. */
  daysToInternal: z.number().int().nullable(),
  daysToFinal: z.number().int().nullable(),
  risk: CommentRisk,
});
export type CommentDeadlines = z.infer<typeof CommentDeadlines>;

export const Submission = z.object({ date: IsoDate, channel: SubmissionChannel, reference: z.string() });
export type Submission = z.infer<typeof Submission>;
export const Reply = z.object({ date: IsoDate, summary: z.string() });
export type Reply = z.infer<typeof Reply>;

export const OutcomeCounts = z.object({
  adopted: z.number().int(),
  partlyAdopted: z.number().int(),
  notAdopted: z.number().int(),
  noReply: z.number().int(),
  withdrawn: z.number().int(),
  /** Points without a recorded outcome. */
  pending: z.number().int(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

export const CommentListItem = z.object({
  id: z.number().int(),
  uid: Uid,
  status: CommentStatus,
  titleZh: z.string(),
  titleEn: z.string(),
  /** The analyst who started the comment: name, and uid (what the four-eyes rule compares). */
  author: z.string(),
  authorUid: Uid,
  target: CommentTarget,
  version: z.number().int(),
  pointCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deadlines: CommentDeadlines,
  submission: Submission.nullable(),
  outcomes: OutcomeCounts,
  /** At least one point adopted or partly adopted. */
  adopted: z.boolean(),
  /** Adopted only when every point was; awaiting while a point has no outcome. */
  outcome: CommentOutcome,
  /** Later addenda or revisions not yet checked by an analyst. */
  openFollowups: z.number().int(),
});
export type CommentListItem = z.infer<typeof CommentListItem>;

/** One side of a point's Chinese/English pair that may be out of date (shared/domain/language-sync.ts). */
export const LanguageMark = z.object({
  pointKey: PointKey,
  part: z.enum(SYNC_PARTS),
  /** The side that may no longer match the other. */
  stale: z.enum(['zh', 'en']),
  /** When and by whom (name, uid) the other side was rewritten. */
  markedAt: z.string(),
  markedBy: z.string(),
  markedByUid: Uid,
});
export type LanguageMark = z.infer<typeof LanguageMark>;

export const CommentEvent = z.object({
  id: z.number().int(),
  /** The step's stable identity; the move to submitted is the submission's. */
  uid: Uid,
  at: z.string(),
  actor: z.string(),
  actorUid: Uid,
  /** Null for the creation of the comment. */
  fromStatus: CommentStatus.nullable(),
  toStatus: CommentStatus,
  note: z.string(),
  /** The content version current when the step was taken: its local number, and its uid. */
  version: z.number().int(),
  versionUid: Uid.nullable(),
});
export type CommentEvent = z.infer<typeof CommentEvent>;

export const OutcomeEvidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notification'), notificationId: z.number().int(), symbol: z.string(), date: IsoDate }),
  z.object({ kind: z.literal('regulation'), reference: z.string(), date: IsoDate }),
]);
export type OutcomeEvidence = z.infer<typeof OutcomeEvidence>;

export const PointOutcomeRecord = z.object({
  uid: Uid,
  pointKey: PointKey,
  outcome: PointOutcome,
  /** When the outcome became known: the evidence's date, else the date given, else the reply's. */
  date: IsoDate.nullable(),
  evidence: OutcomeEvidence.nullable(),
  costSparedCny: z.number().int().nullable(),
  costMethod: z.string().nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  recordedByUid: Uid,
});
export type PointOutcomeRecord = z.infer<typeof PointOutcomeRecord>;

export const CommentFollowup = z.object({
  notificationId: z.number().int(),
  symbol: z.string(),
  docType: DocType,
  title: z.string(),
  distributionDate: IsoDate.nullable(),
  detectedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedByUid: Uid.nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type CommentFollowup = z.infer<typeof CommentFollowup>;

export const Comment = CommentListItem.extend({
  content: CommentContent,
  /** Oldest first. */
  events: z.array(CommentEvent),
  /** Who approved (the last move to approved), once it happened. */
  reviewer: z.string().nullable(),
  reviewerUid: Uid.nullable(),
  reply: Reply.nullable(),
  pointOutcomes: z.array(PointOutcomeRecord),
  /** Newest first; open ones ask the analyst to check the outcome. */
  followups: z.array(CommentFollowup),
  /** Statuses the comment may move to next (the self-approval rule is checked on the move). */
  nextStatuses: z.array(CommentStatus),
  /** True in draft and in review: the text and points may change. */
  editable: z.boolean(),
  /** True once submitted: outcomes may be recorded. */
  acceptsOutcomes: z.boolean(),
  /** Every notification of the measure, by date (as the notification detail shows it). */
  measureTimeline: z.array(TimelineEntry),
  /** Texts that may be out of date since the other language was rewritten, in point order. */
  languageMarks: z.array(LanguageMark),
});
export type Comment = z.infer<typeof Comment>;

export const CommentVersionSummary = z.object({
  /**
   * The number is a label local to this workstation, unique per comment; the uid is the version's
   * identity everywhere (a version made on another workstation keeps its uid and gets the next free number).
   */
  version: z.number().int(),
  uid: Uid,
  author: z.string(),
  authorUid: Uid,
  /** When the version was first written; a coalesced autosave keeps its first time. */
  createdAt: z.string(),
  updatedAt: z.string(),
  autosave: z.boolean(),
  /** What made the version: "restored from version 3", "inserted template transition-period"… */
  note: z.string(),
  pointCount: z.number().int(),
});
export type CommentVersionSummary = z.infer<typeof CommentVersionSummary>;

export const CommentVersion = CommentVersionSummary.extend({ content: CommentContent });
export type CommentVersion = z.infer<typeof CommentVersion>;

export const DiffSegment = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffSegment = z.infer<typeof DiffSegment>;

/** One changed text: segments read old → new; words for English, characters for Chinese. */
export const FieldDiff = z.object({
  field: z.enum(['titleZh', 'titleEn', 'templateCode', ...POINT_TEXT_FIELDS]),
  segments: z.array(DiffSegment),
});
export type FieldDiff = z.infer<typeof FieldDiff>;

export const PointDiff = z.object({
  key: PointKey,
  change: z.enum(['added', 'removed', 'changed', 'unchanged']),
  /** 1-based positions in each version (null where the point does not exist). */
  fromPosition: z.number().int().nullable(),
  toPosition: z.number().int().nullable(),
  moved: z.boolean(),
  /** Changed fields only; every non-empty field for an added or removed point. */
  fields: z.array(FieldDiff),
});
export type PointDiff = z.infer<typeof PointDiff>;

export const CommentDiff = z.object({
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  title: z.array(FieldDiff),
  /** In the order of the newer version, removed points after the point that preceded them. */
  points: z.array(PointDiff),
  summary: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
});
export type CommentDiff = z.infer<typeof CommentDiff>;

export const CommentTemplate = z.object({
  id: z.number().int(),
  uid: Uid,
  code: TemplateCode,
  nameZh: z.string(),
  nameEn: z.string(),
  clauseZh: z.string(),
  clauseEn: z.string(),
  concernZh: z.string(),
  concernEn: z.string(),
  proposalZh: z.string(),
  proposalEn: z.string(),
  rationaleZh: z.string(),
  rationaleEn: z.string(),
  /** The five seeded kinds: editable, never deleted. */
  builtIn: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  updatedByUid: Uid,
});
export type CommentTemplate = z.infer<typeof CommentTemplate>;

/** A file written under <dataDir>/exports/. */
export const ExportedFile = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  mediaType: z.string(),
  /** The file's bytes when `inline` was asked for and the file is at most 20 MB; else null. */
  base64: z.string().nullable(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
