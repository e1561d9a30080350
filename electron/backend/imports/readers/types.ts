import type { Area, DocType } from '../../../../shared/contract/notifications';
import type { ImportLimits } from './limits';

export type ImportFormat = 'eping-xlsx' | 'eping-csv' | 'wto-json';

/** How the bytes of a text file (CSV, JSON) were decoded. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** One notification read from a file, ready to be written; one per symbol of a joint cell. */
export interface ParsedNotification {
  /** 1-based spreadsheet row, CSV record counting the header line as 1, or JSON item index + 1. */
  row: number;
  /** Canonical spelling from parseSymbol. */
  symbol: string;
  area: Area;
  memberCode: string;
  /** 'Notifying Member' as the file spells it ("Saudi Arabia, Kingdom of"). */
  memberName: string;
  baseSymbol: string;
  parentSymbol: string | null;
  docType: DocType;
  title: string;
  description: string;
  products: string;
  hsCodes: string[];
  icsCodes: string[];
  keywords: string[];
  objectives: string[];
  notificationType: string;
  distributionDate: string | null;
  commentDeadline: string | null;
  documentLinks: string[];
  links: { en: string | null; fr: string | null; es: string | null };
  proposedAdoption: string | null;
  proposedEntryIntoForce: string | null;
  countriesAffected: string[];
  /** Every symbol of the row when the cell was a joint notification; empty otherwise. */
  jointSymbols: string[];
}

/** A row (or one symbol of a joint row) that was not imported, and why. */
export interface RowRejection {
  row: number;
  /** The column header ('Distribution date') or JSON field, null when the row as a whole fails. */
  field: string | null;
  /** An English sentence an analyst can act on: "'31/02/2024' is not a valid date". */
  reason: string;
  /** The offending value, cut to 200 characters. */
  value?: string;
  /** A stable reason code the interface words in its own language, with its figures. */
  code?: string;
  params?: Record<string, string | number>;
}

export type ImportEvent =
  | { kind: 'record'; record: ParsedNotification }
  | { kind: 'rejection'; rejection: RowRejection };

export interface FileReport {
  format: ImportFormat;
  /** Text encoding of CSV and JSON files; null for XLSX, whose XML declares its own. */
  encoding: TextEncoding | null;
  /** Data rows looked at (not counting the header and empty rows), before joint cells expand. */
  rowsRead: number;
}

export interface ReadNotificationsOptions {
  signal?: AbortSignal;
  /** Called every few hundred rows and once at the end. */
  onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
  limits?: Partial<ImportLimits>;
  /**
   * A workbook's checks split with another thread (see parse-in-worker.ts): this reader checks
   * the worksheets only, then waits for `othersChecked`, which settles once every other part
   * has been checked, before it parses anything.
   */
  sharedChecks?: { othersChecked: () => Promise<void> };
}
