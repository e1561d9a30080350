import { z } from 'zod';
import { channel } from './define';
import { WarningPassSummary } from './warnings';

/** Figures a reason's words are filled with (a row number, a length, the value as written). */
export const ReasonParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type ReasonParams = z.infer<typeof ReasonParams>;

/**
 * One row of an import that was refused (a rejection) or that needs a word (a notice: a row
 * that repeats another). `code` is a stable reason the interface words in its language with
 * `params`; `reason` is the English technical message, shown behind "details".
 */
export const RowRejection = z.object({
  /** Row as the spreadsheet shows it (header = row 1); JSON item index + 1. */
  row: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
  value: z.string().optional(),
  code: z.string().optional(),
  params: ReasonParams.optional(),
});
export type RowRejection = z.infer<typeof RowRejection>;
export const RowNotice = RowRejection;
export type RowNotice = RowRejection;

/** Why a whole file was refused: a stable code, its figures, and the English technical message. */
export const ImportRefusal = z.object({
  code: z.string(),
  reason: z.string(),
  message: z.string(),
  params: ReasonParams.optional(),
});
export type ImportRefusal = z.infer<typeof ImportRefusal>;

export const ImportReport = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  fileSize: z.number().int(),
  format: z.string(),
  encoding: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  actor: z.string(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows refused, each with a reason (errors). */
  rejected: z.number().int(),
  /**
   * Rows with a notice, not an error: a repeated row skipped (counted only here) or a later row
   * of a symbol that replaced an earlier one (also counted in `updated` or `unchanged`).
   */
  noticed: z.number().int().default(0),
  /** 'refused': the whole file was turned away (see refusal) and nothing was written. */
  status: z.enum(['done', 'refused']).default('done'),
  refusal: ImportRefusal.nullable().default(null),
  /** At most the first 10,000 rejected rows are kept; `rejected` counts them all. */
  rejections: z.array(RowRejection),
  /** At most the first 10,000 notices are kept; `noticed` counts them all. */
  notices: z.array(RowNotice).default([]),
  /** The warnings pass run over the notifications this import added or changed (null: none ran). */
  warnings: WarningPassSummary.nullable().default(null),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportSummary = ImportReport.omit({ rejections: true, notices: true });
export type ImportSummary = z.infer<typeof ImportSummary>;

export const importChannels = {
  /** Start importing a file the user handed over (see stageFile); progress arrives as jobProgress events and the report as jobDone; a second import waits its turn in the write queue. */
  notificationsImportStart: channel(
    z.object({ fileRef: z.string().regex(/^[a-f0-9]{32}$/, 'expected a file reference from stageFile') }).strict(),
    z.object({ jobId: z.string() }),
  ),
  importsList: channel(z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(), z.array(ImportSummary)),
  importsGet: channel(z.object({ id: z.number().int().positive() }).strict(), ImportReport),
};
