import type { warningChannels } from '../../../shared/contract/warnings';
import type { HandlersFor } from '../handler-types';

const notYet = (): never => {
  throw new Error('warnings: not built yet');
};

export const warningHandlers: HandlersFor<typeof warningChannels> = {
  warningsList: notYet,
  warningsGet: notYet,
  warningsOverride: notYet,
  warningsTransition: notYet,
  warningsPlanResponse: notYet,
  warningsRecompute: notYet,
  warningRulesGet: notYet,
  warningRulesSave: notYet,
  warningsForNotification: notYet,
  warningAlerts: notYet,
};
