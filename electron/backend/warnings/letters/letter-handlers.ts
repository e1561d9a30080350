import type { warningLetterChannels } from '../../../../shared/contract/warnings';
import type { AsyncHandlersFor, HandlersFor } from '../../handler-types';

const notYet = (): never => {
  throw new Error('warning letters: not built yet');
};

export const letterHandlers: HandlersFor<typeof warningLetterChannels> = {
  warningLettersList: notYet,
  warningLettersRecordDelivery: notYet,
  warningLettersRecordAcknowledgement: notYet,
};

export const letterAsyncHandlers: AsyncHandlersFor<typeof warningLetterChannels> = {
  warningLettersMake: notYet,
  warningLettersBatch: notYet,
};
