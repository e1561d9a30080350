import type { appChannels } from '../../../shared/contract/app';
import { changed, withChange } from '../changes';
import { actingAnalyst } from '../analysts/analysts';
import type { HandlersFor } from '../handler-types';
import { listAudit } from '../audit/audit-log';
import { loadDemo } from '../demo/load-demo';
import { listCountries, updateCountry } from '../reference/countries';
import { getSettings, updateSettings } from '../settings/settings';
import { getAppInfo } from './app-info';

/** What the demo set writes besides its notifications: their translations, a worked set of comments, and enterprises with their warnings. */
const DEMO_ENTITIES = ['notifications', 'translations', 'comments', 'outcomes', 'tradeConcerns', 'analysts', 'settings', 'enterprises', 'warnings'] as const;

export const appHandlers: HandlersFor<typeof appChannels> = {
  appInfo: (ctx) => getAppInfo(ctx),
  settingsGet: (ctx) => getSettings(ctx.db),
  settingsUpdate: (ctx, input) => withChange(updateSettings(ctx.db, actingAnalyst(ctx.db), input, ctx.clock), ctx, 'settings'),
  referenceCountries: (ctx) => listCountries(ctx.db),
  referenceCountryUpdate: (ctx, input) => withChange(updateCountry(ctx.db, input, ctx.clock.now()), ctx, 'countries', [input.code]),
  demoLoad: (ctx) => {
    const result = loadDemo(ctx.db, actingAnalyst(ctx.db), ctx.clock);
    if (!result.alreadyLoaded) changed(ctx, DEMO_ENTITIES);
    return result;
  },
  auditList: (ctx, input) => listAudit(ctx.db, input),
};
