import { MAX_TRIAGE_BATCH } from '../../../shared/contract';
import type { notificationChannels } from '../../../shared/contract/notifications';
import { todayOf } from '../../../shared/domain/clock';
import { actingAnalyst } from '../analysts/analysts';
import type { HandlersFor } from '../handler-types';
import { deleteSavedSearch, listIndustries, listSavedSearches, renameSavedSearch, saveSearch } from './saved-searches';
import { listMatchingIds, listNotifications } from './search';

export const notificationListHandlers: HandlersFor<typeof notificationChannels> = {
  notificationsList: (ctx, input) => listNotifications(ctx.db, input, todayOf(ctx.clock)),
  notificationsMatchingIds: (ctx, input) => listMatchingIds(ctx.db, input, MAX_TRIAGE_BATCH, todayOf(ctx.clock)),
  savedSearchesList: (ctx) => listSavedSearches(ctx.db),
  savedSearchSave: (ctx, input) => {
    const saved = saveSearch(ctx.db, actingAnalyst(ctx.db), input, ctx.clock);
    ctx.emit('dataChanged', { entity: 'savedSearches' });
    return saved;
  },
  savedSearchRename: (ctx, input) => {
    const renamed = renameSavedSearch(ctx.db, actingAnalyst(ctx.db), input.id, input.name, ctx.clock);
    ctx.emit('dataChanged', { entity: 'savedSearches' });
    return renamed;
  },
  savedSearchDelete: (ctx, input) => {
    const result = deleteSavedSearch(ctx.db, actingAnalyst(ctx.db), input.id, ctx.clock);
    if (result.deleted) ctx.emit('dataChanged', { entity: 'savedSearches' });
    return result;
  },
  industriesList: (ctx) => listIndustries(ctx.db),
};
