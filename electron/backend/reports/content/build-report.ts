import type { Database } from 'better-sqlite3';
import type { ReportDocument, ReportParams } from '../../../../shared/contract/reports';
import type { Clock } from '../../../../shared/domain/clock';
import type { Actor } from '../../analysts/analysts';
import { AppError } from '../../errors';

export interface ReportContext {
  clock: Clock;
  /** The acting analyst: the compiler when the parameters name none. */
  actor: Actor;
}

/**
 * A report's content from the store: the bulletin, a country analysis or the comment outcomes
 * report, as blocks that Word, PDF, Excel and the preview lay out alike.
 */
export function buildReportDocument(_db: Database, params: ReportParams, _context: ReportContext): ReportDocument {
  throw new AppError('INTERNAL', `the ${params.kind} report's content is not built yet`);
}
