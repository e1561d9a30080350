import type { dashboardChannels } from '../../../shared/contract/dashboard';
import { AppError } from '../errors';
import type { HandlersFor } from '../handler-types';

export const dashboardHandlers: HandlersFor<typeof dashboardChannels> = {
  dashboardGet: () => {
    throw new AppError('INTERNAL', 'the dashboard is not built yet');
  },
};
