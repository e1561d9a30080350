import type { importChannels } from '../../../shared/contract/imports';
import type { HandlersFor } from '../handler-types';

export const importHandlers: HandlersFor<typeof importChannels> = {};
