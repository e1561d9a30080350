import { z } from 'zod';
import { CalendarDate } from './dates';
import { channel } from './define';
import { StoreHealthInfo } from './store-health';

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const AppInfo = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  latestSchemaVersion: z.number().int(),
  sqliteVersion: z.string(),
  counts: z.object({
    countries: z.number().int(),
    notifications: z.number().int(),
    auditEntries: z.number().int(),
  }),
  demoLoaded: z.boolean(),
  /** Damaged or not, and the last check; the window shows a lasting banner while damaged. */
  storeHealth: StoreHealthInfo,
  /**
   * The backend clock's reading (ISO 8601). The window counts days from it, so it agrees with the
   * backend even when PINGYI_NOW sets the clock elsewhere.
   */
  now: z.iso.datetime(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A day the team's work calendar marks: a public holiday, or a weekend day worked (调休). */
export const CalendarDay = z.object({
  date: CalendarDate,
  kind: z.enum(['holiday', 'workday']),
  note: z.string().max(60),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** Who an enterprise writes back to: the footer of a warning letter. */
export const LetterContact = z
  .object({
    organisation: z.string().trim().min(1).max(200),
    phone: z.string().trim().max(100),
    email: z.string().trim().max(200),
  })
  .strict();
export type LetterContact = z.infer<typeof LetterContact>;

/** Settings are a small typed set, not a free key-value bag. */
export const Settings = z.object({
  locale: Locale,
  demoOffered: z.boolean(),
  internalDeadlineWorkingDays: z.number().int().min(0).max(30),
  /** Public holidays and working weekend days, which deadlines in working days respect. */
  workCalendar: z
    .array(CalendarDay)
    .max(2000)
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${d.date} is listed twice` });
        seen.add(d.date);
      });
    }),
  /** The organisation's contact lines in the footer of every warning letter. */
  letterContact: LetterContact,
});
export type Settings = z.infer<typeof Settings>;

export const ScoStatus = z.enum(['member', 'partner']);
/** GSO: the GCC Standardization Organization, whose drafts the GCC members and Yemen notify. */
export const Bloc = z.enum(['GCC', 'GSO', 'EAEU']);

export const Country = z.object({
  code: z.string().regex(/^[A-Z]{3}$/),
  nameZh: z.string(),
  nameEn: z.string(),
  epingName: z.string().nullable(),
  scoStatus: ScoStatus.nullable(),
  wtoMember: z.boolean(),
  blocs: z.array(Bloc),
});
export type Country = z.infer<typeof Country>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  /** The acting analyst's name when the change was made, and their uid. */
  actor: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  entityUid: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const Empty = z.object({}).strict();

export const appChannels = {
  appInfo: channel(Empty, AppInfo),
  settingsGet: channel(Empty, Settings),
  settingsUpdate: channel(Settings.partial().strict(), Settings),
  referenceCountries: channel(Empty, z.array(Country)),
  referenceCountryUpdate: channel(
    Country.pick({ code: true, nameZh: true, nameEn: true, epingName: true, scoStatus: true, blocs: true })
      .partial()
      .required({ code: true })
      .strict(),
    Country,
  ),
  demoLoad: channel(Empty, z.object({ notifications: z.number().int(), alreadyLoaded: z.boolean() })),
  auditList: channel(
    z
      .object({
        entity: z.string().max(40).optional(),
        entityId: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.array(AuditEntry),
  ),
};
