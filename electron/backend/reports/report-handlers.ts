import type { reportChannels } from '../../../shared/contract/reports';
import { actingAnalyst } from '../analysts/analysts';
import { AppError } from '../errors';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';
import { buildReportDocument } from './content/build-report';

const notYet = (what: string): never => {
  throw new AppError('INTERNAL', `${what} is not built yet`);
};

export const reportHandlers: HandlersFor<typeof reportChannels> = {
  reportsPreview: (ctx, input) => buildReportDocument(ctx.db, input, { clock: ctx.clock, actor: actingAnalyst(ctx.db) }),
  reportsMake: (_ctx, input) => notYet(`making the ${input.params.kind} report`),
  reportsHistory: () => notYet('the report history'),
  reportsDelete: () => notYet('removing a report'),
};

export const reportAsyncHandlers: AsyncHandlersFor<typeof reportChannels> = {
  reportsFetch: () => Promise.reject(new AppError('INTERNAL', 'fetching a report is not built yet')),
};
