import type { analystChannels } from '../../../shared/contract/analysts';
import type { HandlersFor } from '../handler-types';
import { actingAnalyst, actingAnalystRecord, listAnalysts, saveAnalyst, setActingAnalyst } from './analysts';

export const analystHandlers: HandlersFor<typeof analystChannels> = {
  analystsList: (ctx) => listAnalysts(ctx.db),
  analystsSave: (ctx, input) => {
    const result = saveAnalyst(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    ctx.emit('dataChanged', { entity: 'analysts' });
    return result;
  },
  analystsActing: (ctx) => actingAnalystRecord(ctx.db),
  analystsSetActing: (ctx, input) => {
    const result = setActingAnalyst(ctx.db, input.uid);
    ctx.emit('dataChanged', { entity: 'analysts' });
    return result;
  },
};
