import type { WarningLetter } from '../../../../shared/contract';
import type { warningLetterChannels } from '../../../../shared/contract/warnings';
import { changed, withChange } from '../../changes';
import type { BackendContext } from '../../context';
import type { AsyncHandlersFor, HandlersFor } from '../../handler-types';
import { listLetters, recordAcknowledgement, recordDelivery } from './letter-delivery';
import { makeBatch, makeLetter } from './letter-make';

/** A letter's change is shown on the warnings it covers: those reload. */
const letterChanged = (ctx: BackendContext, letter: WarningLetter): WarningLetter => withChange(letter, ctx, 'warnings', letter.warningUids);

export const letterHandlers: HandlersFor<typeof warningLetterChannels> = {
  warningLettersList: (ctx, input) => listLetters(ctx, input),
  warningLettersRecordDelivery: (ctx, input) => letterChanged(ctx, recordDelivery(ctx, input)),
  warningLettersRecordAcknowledgement: (ctx, input) => letterChanged(ctx, recordAcknowledgement(ctx, input)),
};

export const letterAsyncHandlers: AsyncHandlersFor<typeof warningLetterChannels> = {
  warningLettersMake: async (ctx, input) => {
    const made = await makeLetter(ctx, input);
    letterChanged(ctx, made.letter);
    return made;
  },
  warningLettersBatch: async (ctx, input) => {
    const made = await makeBatch(ctx, input);
    if (made.length > 0) changed(ctx, 'warnings', made.flatMap((m) => m.letter.warningUids));
    return made;
  },
};
