import { z } from 'zod';
import { channel } from './define';
import { Uid } from './record-uid';

export { Uid };

/** An analyst's name as listed in Settings (what people read; records keep the analyst's uid). */
export const AnalystName = z.string().trim().min(1, 'an analyst name is required').max(80);

/**
 * A member of the team. Every write names the acting analyst by `uid`; the name is what the
 * interface shows. Analysts are never removed (the history names them); one who left is inactive.
 */
export const Analyst = z.object({ uid: Uid, name: z.string(), active: z.boolean(), createdAt: z.string() });
export type Analyst = z.infer<typeof Analyst>;

const Empty = z.object({}).strict();

export const analystChannels = {
  analystsList: channel(Empty, z.array(Analyst)),
  /** Add an analyst or mark one active/inactive; names are never renamed or removed (history names them). */
  analystsSave: channel(z.object({ name: AnalystName, active: z.boolean().default(true) }).strict(), z.array(Analyst)),
  /** The analyst this workstation acts as: every write records them (one per workstation, not shared). */
  analystsActing: channel(Empty, Analyst),
  /** Act as another active analyst from now on. */
  analystsSetActing: channel(z.object({ uid: Uid }).strict(), Analyst),
};
