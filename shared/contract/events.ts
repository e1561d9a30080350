import { z } from 'zod';
import { JobDoneEvent, JobProgressEvent } from './jobs';
import type { Channel } from '.';

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
  /** The history of reports made. */
  'reports',
] as const;
export const DataEntity = z.enum(DATA_ENTITIES);
export type DataEntity = z.infer<typeof DataEntity>;

type Changes = readonly (DataEntity | '*')[];

/**
 * What each write channel reports as changed, in this order; a channel not listed changes
 * nothing a view shows. The backend's handlers and the component tests' fake backend both keep
 * to it (a test checks each). Ids go with them where cheap: the notification's id for triage,
 * translations and attachments, the comment's id for comments and outcomes, the record's own
 * id (or uid, or country code, or backup id) otherwise; an import names its import record.
 */
export const WRITE_CHANGES = {
  notificationsTriageUpdate: ['triage'],
  notificationsTriageBatch: ['triage'],
  notificationsTranslationUpdate: ['translations'],
  notificationsCreate: ['notifications'],
  notificationsUpdateManual: ['notifications'],
  attachmentsAdd: ['notifications'],
  attachmentsRemove: ['notifications'],
  /** The import job, when it ends: a refused file is kept in the history too; its warnings pass scores what it added. */
  notificationsImportStart: ['notifications', 'imports', 'warnings'],
  savedSearchSave: ['savedSearches'],
  savedSearchRename: ['savedSearches'],
  savedSearchDelete: ['savedSearches'],
  commentTemplatesSave: ['templates'],
  commentTemplatesDelete: ['templates'],
  commentsCreate: ['comments'],
  commentsSave: ['comments'],
  commentsInsertTemplate: ['comments'],
  commentsConfirmLanguage: ['comments'],
  commentsRestore: ['comments'],
  commentsTransition: ['comments'],
  commentsDelete: ['comments'],
  commentsRecordOutcome: ['outcomes'],
  commentsClearOutcome: ['outcomes'],
  commentsAcknowledgeFollowup: ['outcomes'],
  tradeConcernsSave: ['tradeConcerns'],
  tradeConcernsDelete: ['tradeConcerns'],
  settingsUpdate: ['settings'],
  referenceCountryUpdate: ['countries'],
  analystsSave: ['analysts'],
  analystsSetActing: ['analysts'],
  demoLoad: ['notifications', 'translations', 'comments', 'outcomes', 'tradeConcerns', 'analysts', 'settings', 'enterprises', 'warnings'],
  backupsConfigure: ['backups'],
  /** When the backup has been written. */
  backupsCreate: ['backups'],
  backupsRestore: ['*'],
  backupsDelete: ['backups'],
  /** Only while in recovery, where a restore or opening read-only puts a store in place. */
  recoveryChoose: ['*'],
  /** The enterprise's own warnings are recomputed in the same call. */
  enterprisesSave: ['enterprises', 'warnings'],
  enterprisesDelete: ['enterprises', 'warnings'],
  /** The recomputation it starts reports 'warnings' when it ends. */
  enterprisesImport: ['enterprises'],
  tradeExposureImport: ['enterprises'],
  /** The recomputation job reports 'warnings' when it ends. */
  focusIndustriesSave: ['settings'],
  focusIndustriesDelete: ['settings'],
  warningsOverride: ['warnings'],
  warningsTransition: ['warnings'],
  warningsPlanResponse: ['warnings'],
  /** When the job ends. */
  warningsRecompute: ['warnings'],
  warningRulesSave: ['settings'],
  warningLettersMake: ['warnings'],
  warningLettersBatch: ['warnings'],
  warningLettersRecordDelivery: ['warnings'],
  warningLettersRecordAcknowledgement: ['warnings'],
  /** When the job has written the files and the history entry. */
  reportsMake: ['reports'],
  reportsDelete: ['reports'],
} as const satisfies Partial<Record<Channel, Changes>>;

/** Events the backend pushes: IPC delivers them with webContents.send, HTTP with Server-Sent Events. */
export const events = {
  /** A job's progress, or a queued job's place in the write queue (see jobs.ts). */
  jobProgress: JobProgressEvent,
  /** A job has ended; `result` is its kind's result. */
  jobDone: JobDoneEvent,
  /**
   * Records of one entity changed. A view reloads only when an entity it shows changes; `ids`
   * (local record ids, or uids) narrow it further where the writer knows them cheaply.
   * '*' means everything may have changed (a restore, or events missed while disconnected).
   */
  dataChanged: z.object({
    entity: z.union([DataEntity, z.literal('*')]),
    ids: z.array(z.union([z.number().int(), z.string()])).optional(),
  }),
  /**
   * A warnings pass raised warnings to red or orange (new ones, or higher than before): the
   * desktop app shows a system notification, the window a notice.
   */
  warningsRaised: z.object({
    red: z.number().int(),
    orange: z.number().int(),
    warningUids: z.array(z.string()).max(200),
  }),
  /** A command from the desktop app's menu for the page to carry out (web mode has no menu). */
  menuCommand: z.object({ command: z.enum(['shortcuts']) }),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const eventNames = Object.keys(events) as EventName[];
