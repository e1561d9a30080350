import type { appChannels } from '../../../shared/contract/app';
import { actingAnalyst } from '../analysts/analysts';
import type { HandlersFor } from '../handler-types';
import { listAudit } from '../audit/audit-log';
import { loadDemo } from '../demo/load-demo';
import { listCountries, updateCountry } from '../reference/countries';
import { getSettings, updateSettings } from '../settings/settings';
import { getAppInfo } from './app-info';

export const appHandlers: HandlersFor<typeof appChannels> = {
  appInfo: (ctx) => getAppInfo(ctx),
  settingsGet: (ctx) => getSettings(ctx.db),
  settingsUpdate: (ctx, input) => updateSettings(ctx.db, actingAnalyst(ctx.db), input, ctx.clock),
  referenceCountries: (ctx) => listCountries(ctx.db),
  referenceCountryUpdate: (ctx, input) => updateCountry(ctx.db, input, ctx.clock.now()),
  demoLoad: (ctx) => {
    const result = loadDemo(ctx.db, actingAnalyst(ctx.db), ctx.clock);
    if (!result.alreadyLoaded) ctx.emit('dataChanged', { entity: 'notifications' });
    return result;
  },
  auditList: (ctx, input) => listAudit(ctx.db, input),
};
