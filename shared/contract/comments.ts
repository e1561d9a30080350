import { z } from 'zod';
import {
  Comment,
  CommentDiff,
  CommentListItem,
  CommentRisk,
  CommentStatus,
  CommentTemplate,
  CommentVersion,
  CommentVersionSummary,
  ExportedFile,
  PointKey,
  PointOutcome,
  SubmissionChannel,
  TemplateCode,
} from './comment-types';
import { CommentStats, CommentsDashboard } from './comment-figures';
import { SYNC_PARTS } from '../domain/language-sync';
import { channel } from './define';
import { Uid } from './analysts';
import { CalendarDate } from './notification-record';

export * from './comment-types';
export * from './comment-figures';

const Id = z.number().int().positive();
const Version = z.number().int().positive();
const Empty = z.object({}).strict();
/** Point texts are kept exactly as typed (no trimming), so autosave never fights the editor. */
const PointText = z.string().max(20_000);
const Title = z.string().max(500);
const Note = z.string().trim().max(2000).default('');

export const PointInput = z
  .object({
    /** Leave out for a new point; an existing point keeps its key (and its outcome). */
    key: PointKey.optional(),
    /** An existing point's uid as read (it must match the key); a new point gets one. */
    uid: Uid.optional(),
    /** Left out: an existing point keeps its template code, a new one has none. */
    templateCode: TemplateCode.nullable().optional(),
    clauseZh: PointText.default(''),
    clauseEn: PointText.default(''),
    concernZh: PointText.default(''),
    concernEn: PointText.default(''),
    proposalZh: PointText.default(''),
    proposalEn: PointText.default(''),
    rationaleZh: PointText.default(''),
    rationaleEn: PointText.default(''),
  })
  .strict();
export type PointInput = z.input<typeof PointInput>;

export const CommentTargetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notification'), notificationId: Id }).strict(),
  z.object({ kind: z.literal('family'), familyId: Id }).strict(),
]);

const Common = { id: Id, note: Note };

/** One move of the workflow; `to` decides what else is needed. */
export const CommentsTransitionInput = z.discriminatedUnion('to', [
  /** Send for review: the author (or anyone) puts the version they saw up for approval. */
  z.object({ ...Common, to: z.literal('in_review'), baseVersion: Version }).strict(),
  /** Return for changes (from in review). */
  z.object({ ...Common, to: z.literal('draft') }).strict(),
  /** Approve the version the reviewer read; the reviewer must not be the author. */
  z.object({ ...Common, to: z.literal('approved'), baseVersion: Version }).strict(),
  z
    .object({
      ...Common,
      to: z.literal('submitted'),
      submission: z
        .object({ date: CalendarDate, channel: SubmissionChannel, reference: z.string().trim().max(200).default('') })
        .strict(),
    })
    .strict(),
  z
    .object({
      ...Common,
      to: z.literal('reply_received'),
      reply: z.object({ date: CalendarDate, summary: z.string().trim().min(1, 'summarise the reply').max(20_000) }).strict(),
    })
    .strict(),
  z.object({ ...Common, to: z.literal('closed') }).strict(),
]);
export type CommentsTransitionInput = z.input<typeof CommentsTransitionInput>;

export const EvidenceInput = z.discriminatedUnion('kind', [
  /** A later addendum or revision of the same measure; its distribution date is used when `date` is left out. */
  z.object({ kind: z.literal('notification'), symbol: z.string().trim().min(1).max(200), date: CalendarDate.optional() }).strict(),
  /** The final regulation as published (title, number, gazette). */
  z.object({ kind: z.literal('regulation'), reference: z.string().trim().min(1, 'name the regulation').max(1000), date: CalendarDate }).strict(),
]);
export type EvidenceInput = z.input<typeof EvidenceInput>;

export const CommentsRecordOutcomeInput = z
  .object({
    id: Id,
    pointKey: PointKey,
    outcome: PointOutcome,
    /** Required for adopted and partly adopted. */
    evidence: EvidenceInput.optional(),
    /** When the outcome became known, if there is no evidence to date it (e.g. the day a refusal arrived). */
    date: CalendarDate.optional(),
    /** Estimated cost spared for enterprises; needs `costMethod`. */
    costSparedCny: z.number().int().min(0).max(1e15).optional(),
    costMethod: z.string().trim().max(2000).optional(),
    note: Note,
  })
  .strict();
export type CommentsRecordOutcomeInput = z.input<typeof CommentsRecordOutcomeInput>;

export const CommentsListInput = z
  .object({
    statuses: z.array(CommentStatus).max(6).optional(),
    risks: z.array(CommentRisk).max(4).optional(),
    notificationId: Id.optional(),
    familyId: Id.optional(),
    memberCode: z.string().regex(/^[A-Z]{3}$/).optional(),
    /** Only comments with later addenda nobody has checked yet. */
    withOpenFollowups: z.boolean().optional(),
    /** 'deadline': unsent comments by internal deadline first; 'updated': latest change first. */
    sort: z.enum(['updated', 'deadline']).default('updated'),
    today: CalendarDate.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type CommentsListInput = z.input<typeof CommentsListInput>;

const TemplateText = z.string().max(20_000);

export const commentChannels = {
  commentTemplatesList: channel(Empty, z.array(CommentTemplate)),
  /** Without id: a new template. With id: edit it (the code of an existing template cannot change). */
  commentTemplatesSave: channel(
    z
      .object({
        id: Id.optional(),
        code: TemplateCode,
        nameZh: z.string().trim().min(1).max(200),
        nameEn: z.string().trim().min(1).max(200),
        clauseZh: TemplateText.default(''),
        clauseEn: TemplateText.default(''),
        concernZh: TemplateText.default(''),
        concernEn: TemplateText.default(''),
        proposalZh: TemplateText.default(''),
        proposalEn: TemplateText.default(''),
        rationaleZh: TemplateText.default(''),
        rationaleEn: TemplateText.default(''),
      })
      .strict(),
    CommentTemplate,
  ),
  /** Only templates the team added; the five built-in kinds stay. Kept as a tombstone; its code stays taken. */
  commentTemplatesDelete: channel(z.object({ id: Id }).strict(), z.object({ deleted: z.boolean() })),

  commentsList: channel(CommentsListInput, z.object({ total: z.number().int(), items: z.array(CommentListItem) })),
  commentsGet: channel(z.object({ id: Id, today: CalendarDate.optional() }).strict(), Comment),
  commentsDashboard: channel(z.object({ today: CalendarDate.optional() }).strict(), CommentsDashboard),
  /** A new draft (version 1) by the acting analyst, optionally with points from templates, in order. */
  commentsCreate: channel(
    z
      .object({
        target: CommentTargetInput,
        titleZh: Title.optional(),
        titleEn: Title.optional(),
        templateIds: z.array(Id).max(20).default([]),
      })
      .strict(),
    Comment,
  ),
  /**
   * Only drafts can be deleted; anything that went to review stays on record. A deleted draft is
   * kept as a tombstone (with its versions and history) and is not found or listed any more.
   */
  commentsDelete: channel(z.object({ id: Id }).strict(), z.object({ deleted: z.boolean() })),
  /**
   * Save the whole text. `baseVersion` is the version the editor started from: a stale one is
   * refused with CONFLICT. Autosaves by the same analyst within 2 minutes make one version.
   */
  commentsSave: channel(
    z
      .object({
        id: Id,
        baseVersion: Version,
        autosave: z.boolean().default(false),
        titleZh: Title,
        titleEn: Title,
        points: z.array(PointInput).max(100),
      })
      .strict(),
    Comment,
  ),
  /** Append a point from a template, filled with the notification's particulars (a new version). */
  commentsInsertTemplate: channel(
    z.object({ commentId: Id, templateId: Id, baseVersion: Version }).strict(),
    Comment,
  ),
  /** Newest first. */
  commentsVersions: channel(z.object({ id: Id }).strict(), z.array(CommentVersionSummary)),
  commentsVersionGet: channel(z.object({ id: Id, version: Version }).strict(), CommentVersion),
  commentsDiff: channel(z.object({ id: Id, fromVersion: Version, toVersion: Version }).strict(), CommentDiff),
  /** A new version with the old version's content; history is never rewritten. */
  commentsRestore: channel(
    z.object({ id: Id, version: Version, baseVersion: Version }).strict(),
    Comment,
  ),
  commentsTransition: channel(CommentsTransitionInput, Comment),
  /** Record (or replace) the outcome of one point of a submitted comment. */
  commentsRecordOutcome: channel(CommentsRecordOutcomeInput, Comment),
  /** The point is pending again; the outcome's record stays as a tombstone, and comes back if recorded again. */
  commentsClearOutcome: channel(z.object({ id: Id, pointKey: PointKey }).strict(), Comment),
  /** The analyst has looked at a later addendum or revision flagged on the comment. */
  commentsAcknowledgeFollowup: channel(
    z.object({ id: Id, notificationId: Id }).strict(),
    Comment,
  ),
  /** The author has checked that the marked side of a point part still says what the other side says. */
  commentsConfirmLanguage: channel(
    z.object({ id: Id, pointKey: PointKey, part: z.enum(SYNC_PARTS) }).strict(),
    Comment,
  ),
  commentsStats: channel(
    z.object({ from: CalendarDate.optional(), to: CalendarDate.optional() }).strict(),
    CommentStats,
  ),
  /**
   * Write the letter into <dataDir>/exports/: 'en' is the enquiry-point letter, 'zh' the Chinese
   * internal version. `date` defaults to the submission date, else today.
   */
  commentsExport: channel(
    z
      .object({
        id: Id,
        language: z.enum(['en', 'zh']),
        format: z.literal('docx').default('docx'),
        date: CalendarDate.optional(),
        inline: z.boolean().default(false),
      })
      .strict(),
    ExportedFile,
  ),
};
