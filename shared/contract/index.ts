import type { z } from 'zod';
import { analystChannels } from './analysts';
import { appChannels } from './app';
import { backupChannels } from './backups';
import { commentChannels } from './comments';
import { importChannels } from './imports';
import { jobChannels } from './jobs';
import { notificationDetailChannels } from './notification-record';
import { notificationChannels } from './notifications';
import { storeHealthChannels } from './store-health';
import { tradeConcernChannels } from './trade-concerns';
import { enterpriseChannels } from './enterprises';
import { warningChannels, warningLetterChannels } from './warnings';
import { dashboardChannels } from './dashboard';
import { exportChannels } from './exports';
import { reportChannels } from './reports';

export * from './app';
export * from './analysts';
export * from './notifications';
export * from './notification-record';
export * from './imports';
export * from './jobs';
export * from './events';
export * from './comments';
export * from './trade-concerns';
export * from './store-health';
export * from './backups';
export * from './enterprises';
export * from './warnings';
export * from './charts';
export * from './dashboard';
export * from './exports';
export * from './reports';

/** The whole backend surface: channel name -> input and output schema. Nothing else crosses. */
export const contract = {
  ...appChannels,
  ...analystChannels,
  ...notificationChannels,
  ...notificationDetailChannels,
  ...importChannels,
  ...jobChannels,
  ...commentChannels,
  ...tradeConcernChannels,
  ...storeHealthChannels,
  ...backupChannels,
  ...enterpriseChannels,
  ...warningChannels,
  ...warningLetterChannels,
  ...dashboardChannels,
  ...exportChannels,
  ...reportChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The typed client both transports implement: `api.notificationsList(input)`. */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> };
