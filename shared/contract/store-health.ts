import { z } from 'zod';
import { channel } from './define';

/** One integrity check of the store: quick (bounded, at start) or full (weekly and on demand). */
export const StoreCheck = z.object({
  kind: z.enum(['quick', 'full']),
  ok: z.boolean(),
  /** SQLite's own lines (at most 20), empty when the check passed. */
  problems: z.array(z.string()),
  at: z.string(),
  ms: z.number(),
});
export type StoreCheck = z.infer<typeof StoreCheck>;

/** Whether the store may be written; 'damaged' keeps the app read-only until the analyst chooses. */
export const StoreHealthInfo = z.object({
  status: z.enum(['ok', 'damaged']),
  reason: z.string().nullable(),
  detectedAt: z.string().nullable(),
  lastCheck: StoreCheck.nullable(),
});
export type StoreHealthInfo = z.infer<typeof StoreHealthInfo>;

export const storeHealthChannels = {
  storeHealth: channel(z.object({}).strict(), StoreHealthInfo),
  /** Check the store now; the full check reads every page (seconds on a large store). */
  storeCheck: channel(z.object({ full: z.boolean().default(true) }).strict(), StoreCheck),
};
