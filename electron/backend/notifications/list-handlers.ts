import { MAX_TRIAGE_BATCH } from '../../../shared/contract';
import type { notificationChannels } from '../../../shared/contract/notifications';
import { todayOf } from '../../../shared/domain/clock';
import { changed, withChange } from '../changes';
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
    return withChange(saved, ctx, 'savedSearches', [saved.id]);
  },
  savedSearchRename: (ctx, input) => {
    const renamed = renameSavedSearch(ctx.db, actingAnalyst(ctx.db), input.id, input.name, ctx.clock);
    return withChange(renamed, ctx, 'savedSearches', [input.id]);
  },
  savedSearchDelete: (ctx, input) => {
    const result = deleteSavedSearch(ctx.db, actingAnalyst(ctx.db), input.id, ctx.clock);
    if (result.deleted) changed(ctx, 'savedSearches', [input.id]);
    return result;
  },
  industriesList: (ctx) => listIndustries(ctx.db),
};
