import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { BackendContext } from './context';
import { getAppInfo } from './app/app-info';
import { listAudit } from './audit/audit-log';
import { loadDemo } from './demo/load-demo';
import { getNotification, listNotifications } from './notifications/notifications';
import { listCountries, updateCountry } from './reference/countries';
import { getSettings, updateSettings } from './settings/settings';

export type Handler<C extends Channel> = (ctx: BackendContext, input: ChannelParsedInput<C>) => ChannelOutput<C>;
export type HandlerTable = { [C in Channel]: Handler<C> };

/** One handler per contract channel; the type makes a missing or extra one a compile error. */
export const handlers: HandlerTable = {
  appInfo: (ctx) => getAppInfo(ctx),
  settingsGet: (ctx) => getSettings(ctx.db),
  settingsUpdate: (ctx, input) => updateSettings(ctx.db, input),
  referenceCountries: (ctx) => listCountries(ctx.db),
  referenceCountryUpdate: (ctx, input) => updateCountry(ctx.db, input),
  demoLoad: (ctx) => {
    const result = loadDemo(ctx.db);
    if (!result.alreadyLoaded) ctx.emit('dataChanged', { entity: 'notifications' });
    return result;
  },
  auditList: (ctx, input) => listAudit(ctx.db, input),
  notificationsList: (ctx, input) => listNotifications(ctx.db, input),
  notificationsGet: (ctx, input) => getNotification(ctx.db, input.id),
};
