import type { enterpriseChannels } from '../../../shared/contract/enterprises';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';

const notYet = (): never => {
  throw new Error('enterprise registry: not built yet');
};

export const enterpriseHandlers: HandlersFor<typeof enterpriseChannels> = {
  enterprisesList: notYet,
  enterprisesGet: notYet,
  enterprisesSave: notYet,
  enterprisesDelete: notYet,
  tradeExposureSummary: notYet,
  focusIndustriesList: notYet,
  focusIndustriesSave: notYet,
  focusIndustriesDelete: notYet,
};

export const enterpriseAsyncHandlers: AsyncHandlersFor<typeof enterpriseChannels> = {
  enterprisesImport: notYet,
  enterprisesTemplate: notYet,
  tradeExposureImport: notYet,
};
