import { z } from 'zod';
import { Locale } from './app';
import { ExportedFile } from './comment-types';
import { CommentsListInput } from './comments';
import { CalendarDate } from './dates';
import { channel } from './define';
import { EnterpriseListInput } from './enterprises';
import { UnpagedListInput } from './notifications';
import { WarningListInput } from './warnings';

/** The lists that leave the app as a spreadsheet: each exports its current filtered, sorted view. */
export const EXPORT_LISTS = ['notifications', 'comments', 'warnings', 'enterprises', 'commentStats'] as const;
export const ExportList = z.enum(EXPORT_LISTS);
export type ExportList = z.infer<typeof ExportList>;

/** CSV is UTF-8 with a BOM, so that Excel reads the Chinese right. */
export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const base = {
  format: ExportFormat,
  /** The language of the headers and of coded values (states, levels): the window's. */
  language: Locale,
};

/** One export: the list, and the same filters and sort as the list's own request, without paging. */
export const ListExportRequest = z.discriminatedUnion('list', [
  z.object({ list: z.literal('notifications'), filter: UnpagedListInput, ...base }).strict(),
  z.object({ list: z.literal('comments'), filter: CommentsListInput.omit({ offset: true, limit: true }), ...base }).strict(),
  z.object({ list: z.literal('warnings'), filter: WarningListInput.omit({ offset: true, limit: true }), ...base }).strict(),
  z.object({ list: z.literal('enterprises'), filter: EnterpriseListInput.omit({ offset: true, limit: true }), ...base }).strict(),
  z
    .object({ list: z.literal('commentStats'), filter: z.object({ from: CalendarDate.optional(), to: CalendarDate.optional() }).strict(), ...base })
    .strict(),
]);
export type ListExportRequest = z.input<typeof ListExportRequest>;
export type ListExportQuery = z.output<typeof ListExportRequest>;

/** A written export or report file, named by the file name under <dataDir>/exports/. */
export const FileFetchInput = z
  .object({
    /** A bare file name as a job's result gave it: no directory part. */
    fileName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\:*?"<>|]+$/, 'a file name without a directory')
      .refine((n) => n !== '.' && n !== '..', 'a file name without a directory'),
  })
  .strict();

export const exportChannels = {
  /** Queue the export as a job (listExport); its result names the file written. */
  exportsStart: channel(ListExportRequest, z.object({ jobId: z.string() })),
  /** A file written by an export or a report, with its bytes inline, for the window to save. */
  exportsFetch: channel(FileFetchInput, ExportedFile),
};
