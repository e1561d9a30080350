import { z } from 'zod';
import { BackupEntry, BackupKind } from './backups';
import { channel } from './define';
import { ImportReport } from './imports';
import { ExportFormat, ExportList } from './exports';
import { ExportedFile } from './comment-types';
import { ReportFormat, ReportKind, ReportRecord } from './reports';
import { WarningPassSummary } from './warnings';

/** What every job's progress carries: the step it is at, and how far along it (total null: unknown). */
export const JobProgressBase = z.object({
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
});

/** A kind of long work: what it is asked with, what its progress and its result look like. */
export interface JobKindDef<I extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /**
   * True when the job writes the store. Writers run one after another through one queue, so two
   * never contend for SQLite's write lock; read-only jobs run beside them.
   */
  writes: boolean;
  /** What the job was asked to do, as the window may show it (never a path of the backend's own). */
  input: I;
  progress: P;
  result: R;
}

function jobKind<I extends z.ZodType, P extends z.ZodType, R extends z.ZodType>(def: JobKindDef<I, P, R>): JobKindDef<I, P, R> {
  return def;
}

/** The search index rebuilt from the notifications with the current search-text function. */
export const SearchReindexResult = z.object({
  /** Notifications put into the index. */
  indexed: z.number().int(),
  /** The search-text version the index now carries (SEARCH_TEXT_VERSION). */
  version: z.number().int(),
});
export type SearchReindexResult = z.infer<typeof SearchReindexResult>;

export const BackupMade = BackupEntry.extend({ attachmentsCopied: z.number().int() });
export type BackupMade = z.infer<typeof BackupMade>;

/**
 * Every kind of job, by name. Adding one (warningsRecompute, report, dataPackage) takes:
 * 1. its entry here (writes, input, progress, result schemas) and a JobState variant below;
 * 2. a runner in electron/backend/jobs/job-kinds.ts (`jobRunners`), which runs it on a
 *    connection of its own, in a worker thread when the app has one;
 * 3. its labels and phases in the renderer's job locale files.
 * Queueing, cancelling, progress and result events, jobsGet/jobsList/jobsCancel, the window's
 * progress component and the CLI's progress printer then work for it unchanged.
 */
export const jobKinds = {
  import: jobKind({
    writes: true,
    input: z.object({ fileName: z.string(), fileSize: z.number().int() }),
    progress: JobProgressBase.extend({ rows: z.number().int().optional() }),
    result: ImportReport,
  }),
  searchReindex: jobKind({
    writes: true,
    input: z.object({
      /** 'stale': the index was built by another version of the search-text function; 'asked': on request. */
      reason: z.enum(['stale', 'asked']),
      /** The version the index had (null: never recorded). */
      from: z.number().int().nullable(),
    }),
    progress: JobProgressBase,
    result: SearchReindexResult,
  }),
  backup: jobKind({
    writes: false,
    input: z.object({ kind: BackupKind }),
    progress: JobProgressBase,
    result: BackupMade,
  }),
  /**
   * Warnings scored again: every measure against every target ('all', after a change of the
   * rules or a focus industry, or on request), or only the enterprises an import or a removal
   * changed ('enterprises').
   */
  warningsRecompute: jobKind({
    writes: true,
    input: z.object({
      scope: z.enum(['all', 'enterprises']),
      reason: z.enum(['asked', 'rules', 'focusIndustries', 'enterpriseImport', 'tradeExposure']),
      /** How many enterprises, for scope 'enterprises'. */
      count: z.number().int().optional(),
    }),
    progress: JobProgressBase,
    result: WarningPassSummary,
  }),
  /** A list's filtered, sorted view written as XLSX or CSV under <dataDir>/exports/ (reads only). */
  listExport: jobKind({
    writes: false,
    input: z.object({ list: ExportList, format: ExportFormat }),
    progress: JobProgressBase,
    result: z.object({ file: ExportedFile, rows: z.number().int() }),
  }),
  /** A report written in each format asked for, and entered in the report history. */
  reportMake: jobKind({
    writes: true,
    input: z.object({
      kind: ReportKind,
      from: z.string(),
      to: z.string(),
      member: z.string().nullable(),
      formats: z.array(ReportFormat),
    }),
    progress: JobProgressBase,
    result: ReportRecord,
  }),
};

export type JobKind = keyof typeof jobKinds;
export const JOB_KINDS = Object.keys(jobKinds) as JobKind[];
export type JobInput<K extends JobKind> = z.infer<(typeof jobKinds)[K]['input']>;
export type JobProgress<K extends JobKind> = z.infer<(typeof jobKinds)[K]['progress']>;
export type JobResult<K extends JobKind> = z.infer<(typeof jobKinds)[K]['result']>;

/** queued: waiting its turn in the write queue (position 1 runs next). */
export const JobStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobError = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export type JobError = z.infer<typeof JobError>;

const jobStateOf = <K extends JobKind, D extends (typeof jobKinds)[K]>(kind: K, def: D) =>
  z.object({
    jobId: z.string(),
    kind: z.literal(kind),
    input: def.input as D['input'],
    status: JobStatus,
    /** Place in the write queue while queued (1: next), else null. */
    position: z.number().int().positive().nullable(),
    phase: z.string(),
    done: z.number(),
    total: z.number().nullable(),
    /** When the job was asked for. */
    startedAt: z.string(),
    result: z.nullable(def.result as D['result']),
    error: JobError.nullable(),
  });

/** One job as jobsGet and jobsList answer it, typed by kind. */
export const JobState = z.discriminatedUnion('kind', [
  jobStateOf('import', jobKinds.import),
  jobStateOf('searchReindex', jobKinds.searchReindex),
  jobStateOf('backup', jobKinds.backup),
  jobStateOf('warningsRecompute', jobKinds.warningsRecompute),
  jobStateOf('listExport', jobKinds.listExport),
  jobStateOf('reportMake', jobKinds.reportMake),
]);
export type JobState = z.infer<typeof JobState>;
export type JobStateOf<K extends JobKind> = Extract<JobState, { kind: K }>;

const progressEventFields = {
  jobId: z.string(),
  status: z.enum(['queued', 'running']).optional(),
  position: z.number().int().positive().nullable().optional(),
};

/** Progress of a job (throttled; a new phase is always sent), and a queued job's place. */
export const JobProgressEvent = z.discriminatedUnion('kind', [
  jobKinds.import.progress.extend({ kind: z.literal('import'), ...progressEventFields }),
  jobKinds.searchReindex.progress.extend({ kind: z.literal('searchReindex'), ...progressEventFields }),
  jobKinds.backup.progress.extend({ kind: z.literal('backup'), ...progressEventFields }),
  jobKinds.warningsRecompute.progress.extend({ kind: z.literal('warningsRecompute'), ...progressEventFields }),
  jobKinds.listExport.progress.extend({ kind: z.literal('listExport'), ...progressEventFields }),
  jobKinds.reportMake.progress.extend({ kind: z.literal('reportMake'), ...progressEventFields }),
]);

const jobDoneEventOf = <K extends JobKind, D extends (typeof jobKinds)[K]>(kind: K, def: D) =>
  z.object({
    jobId: z.string(),
    kind: z.literal(kind),
    ok: z.boolean(),
    status: z.enum(['done', 'failed', 'cancelled']).optional(),
    /** The kind's result when ok. */
    result: z.optional(def.result as D['result']),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  });

/** A job has ended: its result (validated against its kind's schema in tests) or its error. */
export const JobDoneEvent = z.discriminatedUnion('kind', [
  jobDoneEventOf('import', jobKinds.import),
  jobDoneEventOf('searchReindex', jobKinds.searchReindex),
  jobDoneEventOf('backup', jobKinds.backup),
  jobDoneEventOf('warningsRecompute', jobKinds.warningsRecompute),
  jobDoneEventOf('listExport', jobKinds.listExport),
  jobDoneEventOf('reportMake', jobKinds.reportMake),
]);

const JobId = z.object({ jobId: z.string().regex(/^[a-f0-9-]{8,64}$/) }).strict();

export const jobChannels = {
  jobsGet: channel(JobId, JobState),
  /** Cancel a running job (it stops at its next step and leaves the store as before) or a queued one. */
  jobsCancel: channel(JobId, JobState),
  /** Jobs running or queued, then the most recent ended ones, newest first. */
  jobsList: channel(z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(), z.array(JobState)),
};
