import { z } from 'zod';

/**
 * The closed list of what can change. The dashboard, the reports' charts and every list
 * subscribe by entity, so a new kind of record adds its name here.
 */
export const DATA_ENTITIES = [
  'notifications',
  'triage',
  'translations',
  'comments',
  'outcomes',
  'templates',
  'tradeConcerns',
  'savedSearches',
  'settings',
  'countries',
  'analysts',
  'imports',
  'backups',
  'enterprises',
  'warnings',
] as const;
export const DataEntity = z.enum(DATA_ENTITIES);
export type DataEntity = z.infer<typeof DataEntity>;

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
  /**
   * Records of one entity changed. A view reloads only when an entity it shows changes; `ids`
   * (local record ids, or uids) narrow it further where the writer knows them cheaply.
   * '*' means everything may have changed (a restore, or events missed while disconnected).
   */
  dataChanged: z.object({
    entity: z.union([DataEntity, z.literal('*')]),
    ids: z.array(z.union([z.number().int(), z.string()])).optional(),
  }),
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
