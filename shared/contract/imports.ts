import { z } from 'zod';
import { channel } from './define';

export const RowRejection = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
  value: z.string().optional(),
});
export type RowRejection = z.infer<typeof RowRejection>;

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
  rejected: z.number().int(),
  /** At most the first 10,000 rejected rows are kept; `rejected` counts them all. */
  rejections: z.array(RowRejection),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportSummary = ImportReport.omit({ rejections: true });
export type ImportSummary = z.infer<typeof ImportSummary>;

export const JobStatus = z.enum(['running', 'done', 'failed', 'cancelled']);
export const JobState = z.object({
  jobId: z.string(),
  kind: z.enum(['import']),
  status: JobStatus,
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  startedAt: z.string(),
  report: ImportReport.nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});
export type JobState = z.infer<typeof JobState>;

const JobId = z.object({ jobId: z.string().regex(/^[a-f0-9-]{8,64}$/) }).strict();

export const importChannels = {
  /** Start importing a file the user handed over (see stageFile); progress arrives as jobProgress events. */
  notificationsImportStart: channel(
    z.object({ fileRef: z.string().regex(/^[a-f0-9]{32}$/, 'expected a file reference from stageFile') }).strict(),
    z.object({ jobId: z.string() }),
  ),
  jobsGet: channel(JobId, JobState),
  jobsCancel: channel(JobId, JobState),
  importsList: channel(z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(), z.array(ImportSummary)),
  importsGet: channel(z.object({ id: z.number().int().positive() }).strict(), ImportReport),
};
