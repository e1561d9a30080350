import type { Database } from 'better-sqlite3';
import type { JobResult } from '../../../shared/contract/jobs';
import { AppError } from '../errors';
import type { JobEnv } from '../jobs/job-kinds';
import type { JobParams } from '../jobs/job-protocol';

/** Make a report in each format asked for, under <dataDir>/exports/, and enter it in the history. */
export function runReportMake(_db: Database, params: JobParams['reportMake'], _env: JobEnv): Promise<JobResult<'reportMake'>> {
  return Promise.reject(new AppError('INTERNAL', `making the ${params.params.kind} report is not built yet`));
}
