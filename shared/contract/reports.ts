import { z } from 'zod';
import { ChartSpec } from './charts';
import { ExportedFile } from './comment-types';
import { CalendarDate } from './dates';
import { channel } from './define';
import { Uid } from './record-uid';

/**
 * The three documents the base publishes from Pingyi's data:
 * - bulletin: 《上合技贸措施简讯》 for a period, numbered;
 * - country: the impact analysis of one member's (or bloc's) measures on Chinese exports;
 * - outcomes: every comment of a period with its points, their outcomes and evidence.
 */
export const REPORT_KINDS = ['bulletin', 'country', 'outcomes'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

/** Word (GB/T 9704 layout), PDF (the same layout through Chromium), Excel (the data annex). */
export const ReportFormat = z.enum(['docx', 'pdf', 'xlsx']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** What a report is made from: kept in the history, so that any report can be made again. */
export const ReportParams = z
  .object({
    kind: ReportKind,
    from: CalendarDate,
    to: CalendarDate,
    /** The member (ISO3) or bloc (GCC, EAEU) of a country analysis; a filter for the others. */
    member: z.string().regex(/^[A-Z]{2,4}$/).nullable().default(null),
    /** The bulletin's issue number (期数); null: none printed. */
    issue: z.number().int().min(1).max(9999).nullable().default(null),
    /** Who compiled it (编辑); null: the acting analyst. */
    compiler: z.string().trim().max(80).nullable().default(null),
    /** The analyst's recommendations, written in the preview (country analysis; optional elsewhere). */
    recommendations: z.string().max(20_000).default(''),
  })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] })
  .refine((p) => p.kind !== 'country' || p.member !== null, { message: 'choose the member or bloc to analyse', path: ['member'] });
export type ReportParams = z.output<typeof ReportParams>;
export type ReportParamsInput = z.input<typeof ReportParams>;

export const ReportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCell>;

/** How a column's cells are written: dates as dates and numbers as numbers in Excel. */
export const ReportColumn = z.object({
  key: z.string(),
  header: z.string(),
  kind: z.enum(['text', 'number', 'date', 'percent', 'money']),
  /** Relative width in the document's table (default 1). */
  width: z.number().positive().optional(),
});
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportTable = z.object({
  type: z.literal('table'),
  /** Short and unique in the document: the annex's sheet name (at most 31 characters). */
  id: z.string().min(1).max(31),
  title: z.string(),
  columns: z.array(ReportColumn),
  rows: z.array(z.array(ReportCell)),
  /** A line under the table (source, how a figure is computed). */
  note: z.string().optional(),
  /** True: only in the Excel annex (a full list the document summarises). */
  annexOnly: z.boolean().optional(),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** One piece of a report, in reading order. Word, PDF and the preview lay out the same blocks. */
export const ReportBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  ReportTable,
  z.object({ type: z.literal('chart'), id: z.string().min(1).max(40), chart: ChartSpec }),
  /** The analyst's recommendations (ReportParams.recommendations), editable in the preview. */
  z.object({ type: z.literal('recommendations'), text: z.string() }),
]);
export type ReportBlock = z.infer<typeof ReportBlock>;

/** A report's content before layout: built from the store, laid out as Word, PDF, Excel and the preview. */
export const ReportDocument = z.object({
  kind: ReportKind,
  /** The parameters with the defaults filled in (the compiler's name resolved). */
  params: ReportParams,
  /** 《上合技贸措施简讯》, or the analysis' or report's title. */
  title: z.string(),
  /** Under the title: 2026年第3期, or the period. */
  subtitle: z.string().nullable(),
  /** The issuing body (from the settings' letter contact), printed in the header and signature. */
  organisation: z.string(),
  compiler: z.string(),
  /** The date the document is made (成文日期), as the clock reads it. */
  date: CalendarDate,
  blocks: z.array(ReportBlock),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

export const ReportFileEntry = z.object({ format: ReportFormat, fileName: z.string(), bytes: z.number().int() });
export type ReportFileEntry = z.infer<typeof ReportFileEntry>;

/** A report made, as the history lists it. */
export const ReportRecord = z.object({
  uid: Uid,
  kind: ReportKind,
  params: ReportParams,
  title: z.string(),
  files: z.array(ReportFileEntry),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByUid: Uid,
});
export type ReportRecord = z.infer<typeof ReportRecord>;

export const reportChannels = {
  /** The report's content as it would be made now, for the preview. */
  reportsPreview: channel(ReportParams, ReportDocument),
  /** Queue the report as a job (reportMake): it writes each format and a history entry. */
  reportsMake: channel(
    z.object({ params: ReportParams, formats: z.array(ReportFormat).min(1).max(3) }).strict(),
    z.object({ jobId: z.string() }),
  ),
  /** Reports made, newest first, and the bulletin's next issue number. */
  reportsHistory: channel(
    z.object({ kind: ReportKind.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.object({ items: z.array(ReportRecord), nextBulletinIssue: z.number().int() }),
  ),
  /** One file of a report made, with its bytes inline, for the window to save. */
  reportsFetch: channel(z.object({ uid: Uid, format: ReportFormat }).strict(), ExportedFile),
  /** Remove a report from the history (a tombstone; the files stay until exports are cleaned). */
  reportsDelete: channel(z.object({ uid: Uid }).strict(), z.object({ deleted: z.boolean() })),
};
