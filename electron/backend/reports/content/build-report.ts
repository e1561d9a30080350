import type { Database } from 'better-sqlite3';
import type { ReportBlock, ReportDocument, ReportParams } from '../../../../shared/contract/reports';
import { todayOf, type Clock } from '../../../../shared/domain/clock';
import type { Actor } from '../../analysts/analysts';
import { getSettings } from '../../settings/settings';
import { buildBulletin } from './bulletin';
import { buildCountryAnalysis } from './country-analysis';
import { buildOutcomesReport } from './outcomes-report';

export interface ReportContext {
  clock: Clock;
  /** The acting analyst: the compiler when the parameters name none. */
  actor: Actor;
}

export const BULLETIN_TITLE = '上合技贸措施简讯';
export const OUTCOMES_TITLE = '评议意见采纳情况报告';

/**
 * A report's content from the store: the bulletin, a country analysis or the comment outcomes
 * report, as blocks that Word, PDF, Excel and the preview lay out alike. Read in one snapshot
 * (a read transaction), so an import running meanwhile cannot split the figures.
 */
export function buildReportDocument(db: Database, params: ReportParams, context: ReportContext): ReportDocument {
  const today = todayOf(context.clock);
  const read = db.transaction((): { title: string; subtitle: string | null; blocks: ReportBlock[] } => {
    switch (params.kind) {
      case 'bulletin':
        return { title: BULLETIN_TITLE, ...buildBulletin(db, params, today) };
      case 'country':
        return buildCountryAnalysis(db, params, today);
      case 'outcomes':
        return { title: OUTCOMES_TITLE, ...buildOutcomesReport(db, params) };
    }
  });
  const content = read.deferred();
  const compiler = params.compiler ?? context.actor.name;
  return {
    kind: params.kind,
    params: { ...params, compiler },
    title: content.title,
    subtitle: content.subtitle,
    organisation: getSettings(db).letterContact.organisation,
    compiler,
    date: today,
    blocks: content.blocks,
  };
}
