import type { Database } from 'better-sqlite3';
import type { JobResult } from '../../../shared/contract/jobs';
import { AppError } from '../errors';
import type { JobEnv } from '../jobs/job-kinds';
import type { JobParams } from '../jobs/job-protocol';

/**
 * Write one list's filtered, sorted view as XLSX or CSV under <dataDir>/exports/: every row the
 * list would show, read in pages, written as it is read.
 */
export function runListExport(_db: Database, params: JobParams['listExport'], _env: JobEnv): Promise<JobResult<'listExport'>> {
  return Promise.reject(new AppError('INTERNAL', `exporting the ${params.request.list} list is not built yet`));
}
