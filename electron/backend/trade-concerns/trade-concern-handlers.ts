import { Packer } from 'docx';
import type { tradeConcernChannels } from '../../../shared/contract/trade-concerns';
import { todayOf } from '../../../shared/domain/clock';
import { actingAnalyst } from '../analysts/analysts';
import { writeExport } from '../comments/export-file';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';
import { withChange } from '../changes';
import { buildTradeConcernDocument } from './trade-concern-docx';
import { deleteTradeConcern, getTradeConcern, listTradeConcerns, saveTradeConcern } from './trade-concerns';

export const tradeConcernHandlers: HandlersFor<typeof tradeConcernChannels> = {
  tradeConcernsList: (ctx, input) => listTradeConcerns(ctx.db, input),
  tradeConcernsGet: (ctx, input) => getTradeConcern(ctx.db, input.id),
  tradeConcernsSave: (ctx, input) => {
    const saved = saveTradeConcern(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    return withChange(saved, ctx, 'tradeConcerns', [saved.id]);
  },
  tradeConcernsDelete: (ctx, input) => withChange(deleteTradeConcern(ctx.db, actingAnalyst(ctx.db), input.id, ctx.clock), ctx, 'tradeConcerns', [input.id]),
};

export const tradeConcernAsyncHandlers: AsyncHandlersFor<typeof tradeConcernChannels> = {
  tradeConcernsExport: async (ctx, input) => {
    const concerns = [...new Set(input.ids)].map((id) => getTradeConcern(ctx.db, id));
    const date = input.date ?? todayOf(ctx.clock);
    const bytes = await Packer.toBuffer(buildTradeConcernDocument(concerns, date));
    const name = concerns.length === 1 ? `trade-concern-${concerns[0]!.id}` : `trade-concerns-${concerns.length}`;
    return writeExport(ctx.dataDir, `${name}-${date}.docx`, bytes, input.inline);
  },
};
