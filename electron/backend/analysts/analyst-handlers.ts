import type { analystChannels } from '../../../shared/contract/analysts';
import { changed, withChange } from '../changes';
import type { HandlersFor } from '../handler-types';
import { actingAnalyst, actingAnalystRecord, listAnalysts, saveAnalyst, setActingAnalyst } from './analysts';

export const analystHandlers: HandlersFor<typeof analystChannels> = {
  analystsList: (ctx) => listAnalysts(ctx.db),
  analystsSave: (ctx, input) => {
    const result = saveAnalyst(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    const saved = result.find((a) => a.name === input.name);
    changed(ctx, 'analysts', saved ? [saved.uid] : undefined);
    return result;
  },
  analystsActing: (ctx) => actingAnalystRecord(ctx.db),
  analystsSetActing: (ctx, input) => withChange(setActingAnalyst(ctx.db, input.uid), ctx, 'analysts', [input.uid]),
};
