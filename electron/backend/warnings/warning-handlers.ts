import type { warningChannels } from '../../../shared/contract/warnings';
import type { HandlersFor } from '../handler-types';
import { engineHandlers } from './engine-handlers';

const notYet = (): never => {
  throw new Error('warnings: not built yet');
};

export const warningHandlers: HandlersFor<typeof warningChannels> = {
  warningsList: notYet,
  warningsGet: notYet,
  warningsOverride: notYet,
  warningsTransition: notYet,
  warningsPlanResponse: notYet,
  warningsForNotification: notYet,
  warningAlerts: notYet,
  ...engineHandlers,
};
