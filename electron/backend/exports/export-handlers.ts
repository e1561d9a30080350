import type { exportChannels } from '../../../shared/contract/exports';
import { AppError } from '../errors';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';

export const exportHandlers: HandlersFor<typeof exportChannels> = {
  exportsStart: (_ctx, input) => {
    throw new AppError('INTERNAL', `exporting the ${input.list} list is not built yet`);
  },
};

export const exportAsyncHandlers: AsyncHandlersFor<typeof exportChannels> = {
  exportsFetch: () => Promise.reject(new AppError('INTERNAL', 'fetching an export is not built yet')),
};
