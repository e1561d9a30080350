import type { reportChannels } from '../../../shared/contract/reports';
import { nowIso } from '../../../shared/domain/clock';
import { actingAnalyst } from '../analysts/analysts';
import { changed } from '../changes';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';
import { buildReportDocument } from './content/build-report';
import { deleteReport, fetchReportFile, listReports } from './report-history';

export const reportHandlers: HandlersFor<typeof reportChannels> = {
  reportsPreview: (ctx, input) => buildReportDocument(ctx.db, input, { clock: ctx.clock, actor: actingAnalyst(ctx.db) }),
  // A job (reportMake): content, charts and each format take a few seconds; the history row is
  // written, and dataChanged reports sent, when it ends.
  reportsMake: (ctx, input) => {
    const formats = [...new Set(input.formats)];
    const { params } = input;
    const state = ctx.jobs.start({
      kind: 'reportMake',
      input: { kind: params.kind, from: params.from, to: params.to, member: params.member, formats },
      params: { params, formats, actor: actingAnalyst(ctx.db), dataDir: ctx.dataDir },
      startedAt: nowIso(ctx.clock),
    });
    return { jobId: state.jobId };
  },
  reportsHistory: (ctx, input) => listReports(ctx.db, input),
  reportsDelete: (ctx, input) => {
    const deleted = deleteReport(ctx.db, actingAnalyst(ctx.db), ctx.clock, input.uid);
    if (deleted) changed(ctx, 'reports', [input.uid]);
    return { deleted };
  },
};

export const reportAsyncHandlers: AsyncHandlersFor<typeof reportChannels> = {
  reportsFetch: (ctx, input) => fetchReportFile(ctx.db, ctx.dataDir, input.uid, input.format),
};
