import { channel } from './define';

/** Import jobs and their reports; filled in with the import pipeline. */
export const importChannels = {} satisfies Record<string, ReturnType<typeof channel>>;
