import type { tradeConcernChannels } from '../../../shared/contract/trade-concerns';
import { todayOf } from '../../../shared/domain/clock';
import { actingAnalyst } from '../analysts/analysts';
import { packDocxSync } from '../comments/docx-pack';
import { writeExport } from '../comments/export-file';
import type { BackendContext } from '../context';
import type { HandlersFor } from '../handler-types';
import { buildTradeConcernDocument } from './trade-concern-docx';
import { deleteTradeConcern, getTradeConcern, listTradeConcerns, saveTradeConcern } from './trade-concerns';

function changed<T>(ctx: BackendContext, value: T): T {
  ctx.emit('dataChanged', { entity: 'tradeConcerns' });
  return value;
}

export const tradeConcernHandlers: HandlersFor<typeof tradeConcernChannels> = {
  tradeConcernsList: (ctx, input) => listTradeConcerns(ctx.db, input),
  tradeConcernsGet: (ctx, input) => getTradeConcern(ctx.db, input.id),
  tradeConcernsSave: (ctx, input) => changed(ctx, saveTradeConcern(ctx.db, actingAnalyst(ctx.db), input, ctx.clock)),
  tradeConcernsDelete: (ctx, input) => changed(ctx, deleteTradeConcern(ctx.db, actingAnalyst(ctx.db), input.id, ctx.clock)),
  tradeConcernsExport: (ctx, input) => {
    const concerns = [...new Set(input.ids)].map((id) => getTradeConcern(ctx.db, id));
    const date = input.date ?? todayOf(ctx.clock);
    const bytes = packDocxSync(buildTradeConcernDocument(concerns, date));
    const name = concerns.length === 1 ? `trade-concern-${concerns[0]!.id}` : `trade-concerns-${concerns.length}`;
    return writeExport(ctx.dataDir, `${name}-${date}.docx`, bytes, input.inline);
  },
};
