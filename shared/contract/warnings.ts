import { z } from 'zod';
import { ExportedFile } from './comment-types';
import { CalendarDate } from './dates';
import { channel } from './define';
import { Area } from './notifications';
import { Uid } from './record-uid';

/** The four Chinese warning colours, highest first: 红 red, 橙 orange, 黄 yellow, 蓝 blue. */
export const WARNING_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export const WarningLevel = z.enum(WARNING_LEVELS);
export type WarningLevel = z.infer<typeof WarningLevel>;

export const WarningLevelCounts = z.object({
  red: z.number().int(),
  orange: z.number().int(),
  yellow: z.number().int(),
  blue: z.number().int(),
});
export type WarningLevelCounts = z.infer<typeof WarningLevelCounts>;

/**
 * How closely the measure's products meet the target's: the same HS line (6+ digits), heading
 * (4) or chapter (2), or only a word of the text. Shown as "direct" (line), "broad" (heading or
 * chapter) or "text", so that noise is visible.
 */
export const MatchDepth = z.enum(['line', 'heading', 'chapter', 'text']);
export type MatchDepth = z.infer<typeof MatchDepth>;
export const MatchQuality = z.enum(['direct', 'broad', 'text']);
export type MatchQuality = z.infer<typeof MatchQuality>;

/** The factors of the score, in the order the explanation shows them. */
export const WARNING_FACTORS = [
  'exposure',
  'match',
  'nature',
  'deviation',
  'commentWindow',
  'entryIntoForce',
  'shortInterval',
  'focusIndustry',
  'laterDocuments',
] as const;
export const WarningFactorKey = z.enum(WARNING_FACTORS);
export type WarningFactorKey = z.infer<typeof WarningFactorKey>;

/** The nature of a measure, read from its text (UNCTAD MAST chapters in brackets). */
export const MeasureNature = z.enum([
  'ban', // prohibition (B1, A1)
  'emergency', // SPS emergency measure
  'residueLimit', // maximum residue level or limit (A2, B2)
  'conformity', // mandatory conformity assessment or certification (B8, A8)
  'regulation', // technical regulation (B7 ...)
  'labelling', // labelling (B3, A3)
  'standard', // voluntary standard
  'none',
]);
export type MeasureNature = z.infer<typeof MeasureNature>;

/** One factor of a warning's score: what was measured, and what it earned. */
export const WarningFactor = z.object({
  key: WarningFactorKey,
  /**
   * What the factor found, as a stable code the window words in either language
   * (e.g. 'usd' with params.usd, 'line', 'ban', 'days' with params.days, 'none').
   */
  value: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).default({}),
  points: z.number().int().min(0),
  /** The most this factor can give (its weight in the rules). */
  max: z.number().int().min(0),
  /** The words of the notification that triggered the class (nature, deviation, later documents, text match). */
  evidence: z.array(z.object({ symbol: z.string(), field: z.string(), text: z.string() })).default([]),
});
export type WarningFactor = z.infer<typeof WarningFactor>;

/** The rules: the most points of each factor, and the score at which each level starts. */
export const WarningRules = z
  .object({
    weights: z.object(Object.fromEntries(WARNING_FACTORS.map((k) => [k, z.number().int().min(0).max(100)])) as Record<WarningFactorKey, z.ZodNumber>),
    thresholds: z
      .object({ red: z.number().int().min(1).max(100), orange: z.number().int().min(1).max(100), yellow: z.number().int().min(1).max(100) })
      .refine((t) => t.red > t.orange && t.orange > t.yellow, 'thresholds must fall from red to orange to yellow'),
    /** Measures whose latest document is older than this (and not yet in force) raise no warning. */
    lookbackDays: z.number().int().min(30).max(3650),
  })
  .strict()
  .refine((r) => Object.values(r.weights).reduce((a, b) => a + b, 0) <= 100, { message: 'the weights add up to more than 100', path: ['weights'] });
export type WarningRules = z.infer<typeof WarningRules>;

export const WarningState = z.enum(['new', 'acknowledged', 'planned', 'closed']);
export type WarningState = z.infer<typeof WarningState>;

/** The responses a plan can choose: submit a comment, adapt the product, test or certify, monitor. */
export const ResponseKind = z.enum(['comment', 'adapt', 'certify', 'monitor']);
export type ResponseKind = z.infer<typeof ResponseKind>;

/** Why a warning closed. 'withdrawn' and 'enterpriseRemoved' are set by the engine, the others by an analyst. */
export const CloseReason = z.enum(['withdrawn', 'enterpriseRemoved', 'noLongerMatches', 'handled', 'notRelevant', 'other']);
export type CloseReason = z.infer<typeof CloseReason>;

/** Where the measure stands, from its later documents. */
export const MeasureStage = z.enum(['draft', 'commentsExtended', 'adopted', 'inForce', 'withdrawn']);
export type MeasureStage = z.infer<typeof MeasureStage>;

/** A measure: one notification with its addenda, corrigenda and revisions, or a family (GSO, EAEU, joint) as one. */
export const WarningMeasure = z.object({
  /** 'base:G/TBT/N/SAU/1201' or 'family:<family key>': stable on every workstation. */
  key: z.string(),
  area: Area,
  /** Every symbol of the measure, base documents first. */
  symbols: z.array(z.string()),
  /** The notification the measure is opened by (its first base document). */
  notificationId: z.number().int(),
  title: z.string(),
  titleZh: z.string().nullable(),
  /** Members the measure covers (a GSO or EAEU family: every member of the bloc). */
  members: z.array(z.string()),
  commentDeadline: z.string().nullable(),
  adoption: z.string().nullable(),
  entryIntoForce: z.string().nullable(),
  stage: MeasureStage,
});
export type WarningMeasure = z.infer<typeof WarningMeasure>;

export const WarningTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enterprise'), enterpriseUid: Uid, name: z.string(), creditCode: z.string() }),
  z.object({ kind: z.literal('industry'), industryCode: z.string(), nameZh: z.string(), nameEn: z.string() }),
]);
export type WarningTarget = z.infer<typeof WarningTarget>;

/** A product × market of the target that the measure reaches. */
export const WarningMatch = z.object({
  hsCode: z.string(),
  market: z.string(),
  depth: MatchDepth,
  /** The measure's code that matched (null for a text match). */
  measureCode: z.string().nullable(),
  /** Export value of this line (USD); null when unknown. */
  valueUsd: z.number().nullable(),
  /** 'enterprise': the enterprise's own figure; 'customs': China's exports from the trade exposure data. */
  valueSource: z.enum(['enterprise', 'customs', 'none']),
});
export type WarningMatch = z.infer<typeof WarningMatch>;

export const WarningResponse = z.object({
  kind: ResponseKind,
  ownerUid: Uid,
  ownerName: z.string(),
  dueDate: CalendarDate,
  note: z.string(),
});
export type WarningResponse = z.infer<typeof WarningResponse>;

export const WarningOverride = z.object({
  level: WarningLevel,
  reason: z.string(),
  by: z.string(),
  byId: Uid,
  at: z.string(),
});

/** A warning in the inbox. */
export const WarningListItem = z.object({
  uid: Uid,
  measure: WarningMeasure,
  target: WarningTarget,
  score: z.number().int().min(0).max(100),
  computedLevel: WarningLevel,
  /** The override's level where there is one, else the computed level. */
  level: WarningLevel,
  overridden: z.boolean(),
  match: MatchQuality,
  /** Export value at stake (USD), null when unknown. */
  valueUsd: z.number().nullable(),
  state: WarningState,
  closeReason: CloseReason.nullable(),
  response: WarningResponse.nullable(),
  /** The nearest date that matters: comments, else entry into force (null: none ahead). */
  nextDeadline: z.string().nullable(),
  createdAt: z.string(),
  computedAt: z.string(),
});
export type WarningListItem = z.infer<typeof WarningListItem>;

/** A level or state the warning had before: every change is kept. */
export const WarningHistoryEntry = z.object({
  at: z.string(),
  by: z.string(),
  kind: z.enum(['computed', 'override', 'state', 'response', 'letter']),
  score: z.number().int().nullable(),
  level: WarningLevel.nullable(),
  state: WarningState.nullable(),
  note: z.string(),
});
export type WarningHistoryEntry = z.infer<typeof WarningHistoryEntry>;

export const DeliveryChannel = z.enum(['email', 'post', 'fax', 'inPerson', 'phone', 'other']);
export type DeliveryChannel = z.infer<typeof DeliveryChannel>;

/** A one-to-one warning letter made for an enterprise. */
export const WarningLetter = z.object({
  uid: Uid,
  enterpriseUid: Uid,
  enterpriseName: z.string(),
  warningUids: z.array(Uid),
  symbols: z.array(z.string()),
  format: z.enum(['docx', 'pdf']),
  fileName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  delivery: z.object({ date: CalendarDate, channel: DeliveryChannel, note: z.string(), by: z.string() }).nullable(),
  acknowledgement: z.object({ date: CalendarDate, note: z.string(), by: z.string() }).nullable(),
});
export type WarningLetter = z.infer<typeof WarningLetter>;

export const Warning = WarningListItem.extend({
  factors: z.array(WarningFactor),
  matches: z.array(WarningMatch),
  override: WarningOverride.nullable(),
  history: z.array(WarningHistoryEntry),
  letters: z.array(WarningLetter),
});
export type Warning = z.infer<typeof Warning>;

/** What one pass of the engine did. */
export const WarningPassSummary = z.object({
  /** Measure × target pairs scored. */
  scored: z.number().int(),
  created: z.number().int(),
  /** Warnings whose score, level or explanation changed (a level change is kept in history). */
  changed: z.number().int(),
  closed: z.number().int(),
  unchanged: z.number().int(),
  /** Warnings that became red or orange in this pass (new, or raised). */
  raisedHigh: z.number().int(),
  /** Of raisedHigh, how many became red (the rest orange), for the alert's counts. */
  raisedRed: z.number().int().optional(),
  /** The first 200 of them, for the alert. */
  raisedUids: z.array(Uid).max(200),
});
export type WarningPassSummary = z.infer<typeof WarningPassSummary>;

const WarningUidInput = z.object({ uid: Uid }).strict();

export const WarningListInput = z
  .object({
    levels: z.array(WarningLevel).max(4).optional(),
    states: z.array(WarningState).max(4).optional(),
    target: z.enum(['enterprise', 'industry']).optional(),
    enterpriseUid: Uid.optional(),
    /** A member the measure covers. */
    member: z.string().regex(/^(EU|[A-Z]{3})$/).optional(),
    /** A focus industry code, or an enterprise's industry text. */
    industry: z.string().max(100).optional(),
    /** Only warnings with a deadline (comments or entry into force) within this many days from today. */
    deadlineWithinDays: z.number().int().min(0).max(3650).optional(),
    notificationId: z.number().int().positive().optional(),
    match: z.array(MatchQuality).max(3).optional(),
    sort: z.enum(['score', 'deadline', 'created']).default('score'),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type WarningListInput = z.input<typeof WarningListInput>;

export const warningChannels = {
  warningsList: channel(
    WarningListInput,
    z.object({ items: z.array(WarningListItem), total: z.number().int(), levels: WarningLevelCounts }),
  ),
  warningsGet: channel(WarningUidInput, Warning),
  /** Set a level by hand, with a reason (null level: back to the computed one). Audited; survives recomputation. */
  warningsOverride: channel(
    z.object({ uid: Uid, level: WarningLevel.nullable(), reason: z.string().trim().min(1, 'give a reason for the override').max(2000) }).strict(),
    Warning,
  ),
  /** new → acknowledged → planned → closed (closing needs a reason); a closed warning can be reopened to acknowledged. */
  warningsTransition: channel(
    z
      .object({ uid: Uid, state: WarningState, closeReason: CloseReason.optional(), note: z.string().trim().max(2000).default('') })
      .strict(),
    Warning,
  ),
  /** Record the response plan: what, who and by when. Moves a new or acknowledged warning to planned. */
  warningsPlanResponse: channel(
    z.object({ uid: Uid, kind: ResponseKind, ownerUid: Uid, dueDate: CalendarDate, note: z.string().trim().max(5000).default('') }).strict(),
    Warning,
  ),
  /** Recompute every warning as a job. */
  warningsRecompute: channel(z.object({}).strict(), z.object({ jobId: z.string() })),
  warningRulesGet: channel(z.object({}).strict(), WarningRules),
  /** Save the rules and recompute every warning as a job. */
  warningRulesSave: channel(WarningRules, z.object({ rules: WarningRules, jobId: z.string() })),
  /** The enterprises (and focus industries) a notification's measure reaches, highest score first. */
  warningsForNotification: channel(z.object({ notificationId: z.number().int().positive() }).strict(), z.array(WarningListItem)),
  /**
   * New red and orange warnings since `since` (an instant; default: the last 24 hours) and
   * open warnings with a deadline in the next 7 days: what the alerts show.
   */
  warningAlerts: channel(
    z.object({ since: z.string().datetime().optional() }).strict(),
    z.object({ raised: z.array(WarningListItem), dueSoon: z.array(WarningListItem) }),
  ),
};

/** One-to-one warning letters: made, listed, delivered and acknowledged. */
export const warningLetterChannels = {
  /**
   * One letter for one enterprise, covering the warnings given (default: its open red, orange
   * and yellow warnings), as Word or PDF, into <dataDir>/exports/.
   */
  warningLettersMake: channel(
    z
      .object({
        enterpriseUid: Uid,
        warningUids: z.array(Uid).max(200).optional(),
        format: z.enum(['docx', 'pdf']).default('docx'),
        inline: z.boolean().default(false),
      })
      .strict(),
    z.object({ letter: WarningLetter, file: ExportedFile }),
  ),
  /** A letter to every enterprise with a red or orange warning on the notification's measure. */
  warningLettersBatch: channel(
    z.object({ notificationId: z.number().int().positive(), format: z.enum(['docx', 'pdf']).default('docx'), inline: z.boolean().default(false) }).strict(),
    z.array(z.object({ letter: WarningLetter, file: ExportedFile })),
  ),
  warningLettersList: channel(z.object({ enterpriseUid: Uid.optional(), warningUid: Uid.optional() }).strict(), z.array(WarningLetter)),
  warningLettersRecordDelivery: channel(
    z.object({ uid: Uid, date: CalendarDate, channel: DeliveryChannel, note: z.string().trim().max(2000).default('') }).strict(),
    WarningLetter,
  ),
  warningLettersRecordAcknowledgement: channel(
    z.object({ uid: Uid, date: CalendarDate, note: z.string().trim().max(2000).default('') }).strict(),
    WarningLetter,
  ),
};
