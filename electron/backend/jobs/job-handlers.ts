import type { jobChannels } from '../../../shared/contract/jobs';
import type { HandlersFor } from '../handler-types';

export const jobHandlers: HandlersFor<typeof jobChannels> = {
  jobsGet: (ctx, input) => ctx.jobs.get(input.jobId),
  jobsCancel: (ctx, input) => ctx.jobs.cancel(input.jobId),
  jobsList: (ctx, input) => ctx.jobs.list(input.limit),
};
