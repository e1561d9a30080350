import type { dashboardChannels } from '../../../shared/contract/dashboard';
import { todayOf } from '../../../shared/domain/clock';
import type { HandlersFor } from '../handler-types';
import { dashboardGet } from './dashboard-query';

export const dashboardHandlers: HandlersFor<typeof dashboardChannels> = {
  dashboardGet: (ctx, input) => dashboardGet(ctx.db, input, todayOf(ctx.clock)),
};
