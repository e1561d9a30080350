import type { Database } from 'better-sqlite3';
import type { DataEntity, EventName, EventPayload } from '../../../shared/contract/events';
import type { JobKind, JobResult } from '../../../shared/contract/jobs';
import { fixedClock, type Clock } from '../../../shared/domain/clock';
import { createBackup } from '../backups/create-backup';
import { backupBeforeImport } from '../backups/pre-import';
import { checkpointAfterImport, importNotificationsFile, truncateLogAfterFailure } from '../imports/import-file';
import { rebuildSearchIndex } from '../notifications/search-index';
import { runWarningPass } from '../warnings/engine';
import { runListExport } from '../exports/list-export-job';
import { runReportMake } from '../reports/report-job';
import { warningsRaisedEvents } from '../warnings/raised-events';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import type { JobRequest, ProgressReport } from './job-protocol';

/** What a running job is handed, the same on a worker thread and inline. */
export interface JobEnv {
  /** The job's connection: its own in a worker thread, the backend's when it runs inline. */
  db: Database;
  clock: Clock;
  /** Aborted when the job is cancelled: the job stops at its next step and undoes what it began. */
  signal: AbortSignal;
  progress: (p: ProgressReport) => void;
  /** The worker script, for work the job hands to a thread of its own (an import's parser). */
  workerScript?: string;
  /**
   * Prints HTML to PDF (a report). Always the backend's renderer, wherever the job runs: in the
   * app that is Electron's printToPDF, which only the main process can reach, so a job on a
   * worker thread sends the HTML to the runner and gets the bytes back (JobRunnerOptions.pdf).
   * Absent: the job prints with an installed Chromium (pdf/chromium-pdf.ts).
   */
  pdf?: PdfRenderer;
}

/** How one kind of job runs. */
export interface JobRunnerOf<K extends JobKind> {
  run(request: JobRequest<K>, env: JobEnv): Promise<JobResult<K>>;
  /**
   * On the job's connection once its outcome is reported: a large write's log is copied into the
   * store, or, after a failure, cut back so rolled-back pages cannot fill the disk.
   */
  afterRun?(db: Database, failed: boolean): void;
  /** What the job changed, for dataChanged when it ends well. */
  changes: readonly DataEntity[];
  /** The records of those entities it wrote, where its result names them. */
  changedIds?(result: JobResult<K>): Partial<Record<DataEntity, Array<number | string>>>;
  /** Events beyond dataChanged that its result calls for, emitted with the changes (warningsRaised). */
  events?(result: JobResult<K>): JobEvent[];
}

/** One event a job's result calls for, with its payload. */
export type JobEvent = { [E in EventName]: [E, EventPayload<E>] }[EventName];

const afterLargeWrite = (db: Database, failed: boolean): void => {
  if (failed) truncateLogAfterFailure(db);
  else checkpointAfterImport(db);
};

/**
 * The runner of every job kind of the contract (shared/contract/jobs.ts). A new kind adds its
 * runner here; the job runner queues, cancels and reports it like any other.
 */
export const jobRunners: { [K in JobKind]: JobRunnerOf<K> } = {
  import: {
    async run({ input, params }, env) {
      if (params.preImportBackup) {
        await backupBeforeImport(env.db, params.preImportBackup, (done, total) => env.progress({ phase: 'backup', done, total }));
      }
      const report = await importNotificationsFile(env.db, params.filePath, {
        fileName: input.fileName,
        actor: params.actor,
        clock: env.clock,
        signal: env.signal,
        ...(env.workerScript ? { parseWorkerScript: env.workerScript } : {}),
        onProgress: (p) => env.progress(p),
      });
      if (report.status !== 'done' || report.inserted + report.updated === 0) return report;
      // The import has committed; its warnings pass is a transaction of its own over the
      // measures of what it added or changed (a re-import of the same file changes nothing).
      const ids = env.db.prepare('SELECT id FROM notifications WHERE last_import_id = ? ORDER BY id').pluck().all(report.importId) as number[];
      const warnings = runWarningPass(env.db, { kind: 'notifications', ids }, {
        actor: params.actor,
        clock: env.clock,
        signal: env.signal,
        onProgress: (_phase, done, total) => env.progress({ phase: 'warnings', done, total }),
      });
      return { ...report, warnings };
    },
    afterRun: afterLargeWrite,
    changes: ['notifications', 'imports', 'warnings'],
    // The entry in the import history (a refused file is kept there too).
    changedIds: (report) => ({ imports: [report.importId] }),
    events: (report) => (report.warnings ? warningsRaisedEvents(report.warnings) : []),
  },
  searchReindex: {
    run: (_request, env) => rebuildSearchIndex(env.db, { signal: env.signal, onProgress: (done, total) => env.progress({ phase: 'indexing', done, total }) }),
    afterRun: afterLargeWrite,
    changes: ['notifications'],
  },
  backup: {
    run: ({ input, params, startedAt }, env) =>
      createBackup(env.db, {
        dataDir: params.dataDir,
        kind: input.kind,
        // The backup is dated when it was asked for, the same inline and on a worker.
        clock: fixedClock(startedAt),
        appVersion: params.appVersion,
        signal: env.signal,
        ...(params.nativeBinding ? { nativeBinding: params.nativeBinding } : {}),
        onProgress: (phase, done, total) => env.progress({ phase, done, total }),
      }),
    changes: ['backups'],
    changedIds: (made) => ({ backups: [made.id] }),
  },
  warningsRecompute: {
    run: ({ input, params }, env) =>
      Promise.resolve().then(() =>
        runWarningPass(env.db, input.scope === 'enterprises' ? { kind: 'enterprises', uids: params.enterpriseUids ?? [] } : { kind: 'all' }, {
          actor: params.actor,
          clock: env.clock,
          signal: env.signal,
          onProgress: (phase, done, total) => env.progress({ phase, done, total }),
        }),
      ),
    changes: ['warnings'],
    events: warningsRaisedEvents,
  },
  listExport: {
    run: ({ params }, env) => runListExport(env.db, params, env),
    changes: [],
  },
  reportMake: {
    run: ({ params }, env) => runReportMake(env.db, params, env),
    changes: ['reports'],
    changedIds: (record) => ({ reports: [record.uid] }),
  },
};

/** Run one job on `env.db`: the body of every kind, on a worker thread and inline alike. */
export function runJob(request: JobRequest, env: JobEnv): Promise<unknown> {
  const runner = jobRunners[request.kind] as JobRunnerOf<JobKind>;
  return runner.run(request as never, env);
}

/** The clean-up after a job of `kind` on its connection (see JobRunnerOf.afterRun). */
export function afterJob(kind: JobKind, db: Database, failed: boolean): void {
  jobRunners[kind].afterRun?.(db, failed);
}
