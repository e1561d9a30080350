import { AppError } from '../../errors';

/**
 * Bounds on what an import file may ask of the machine. Every check runs before or while
 * streaming, so a hostile file is refused early and with bounded memory. Tests override the
 * sizes to exercise the guards without writing hundreds of megabytes.
 */
export interface ImportLimits {
  /** Any import file, checked with stat before reading a byte. */
  maxFileBytes: number;
  /** JSON is parsed whole (there is no streaming JSON parser here), so it gets a lower cap. */
  maxJsonBytes: number;
  /** Sum of the declared uncompressed sizes of all entries of an XLSX (zip). */
  maxUncompressedBytes: number;
  /** Largest uncompressed:compressed ratio allowed for an entry bigger than ratioCheckMinBytes. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
  maxZipEntries: number;
  /** Data rows (spreadsheet rows, CSV records, JSON items). */
  maxRows: number;
  /** Columns of a worksheet or fields of a CSV record. */
  maxColumns: number;
  /** A longer cell rejects its row, the rest of the file still imports. */
  maxCellChars: number;
  /**
   * A run of XML text (or a CSV record) this long refuses the whole file: nothing legitimate
   * comes near it, and holding it would cost memory before the per-cell check could run.
   */
  maxTextRunBytes: number;
  maxCsvRecordChars: number;
  /** How far into a worksheet its `<dimension>` element may be looked for. */
  maxXmlHeadBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  maxJsonBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 1.5 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
  maxZipEntries: 10_000,
  maxRows: 500_000,
  maxColumns: 200,
  maxCellChars: 200_000,
  maxTextRunBytes: 8 * 1024 * 1024,
  maxCsvRecordChars: 4 * 1024 * 1024,
  maxXmlHeadBytes: 64 * 1024,
});

export function resolveLimits(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** The whole file is refused: nothing from it should be written. */
export function rejectFile(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('IMPORT_REJECTED', message, details);
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** Human-readable size for messages an analyst reads ("312 MB", not 327155712). */
export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${UNITS[unit]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
