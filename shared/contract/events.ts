import { z } from 'zod';

/** Events the backend pushes: IPC delivers them with webContents.send, HTTP with Server-Sent Events. */
export const events = {
  jobProgress: z.object({
    jobId: z.string(),
    kind: z.string(),
    phase: z.string(),
    done: z.number(),
    total: z.number().nullable(),
  }),
  jobDone: z.object({
    jobId: z.string(),
    kind: z.string(),
    ok: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  }),
  dataChanged: z.object({ entity: z.string() }),
  /** A backup being written: pages copied of the store's total. */
  backupProgress: z.object({ kind: z.string(), done: z.number(), total: z.number() }),
  backupDone: z.object({
    kind: z.string(),
    ok: z.boolean(),
    id: z.string().optional(),
    /** Whether the copy passed its integrity check. */
    check: z.boolean().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  }),
  /** A command from the desktop app's menu for the page to carry out (web mode has no menu). */
  menuCommand: z.object({ command: z.enum(['shortcuts']) }),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];
