import { AppError } from '../../errors';
import { formatCount, rejectFile, type ImportLimits } from './limits';
import type { ReadNotificationsOptions } from './types';

/** Progress is reported this often; the caller may throttle further for the UI. */
const PROGRESS_EVERY_ROWS = 500;

/** What every reader shares: limits, the row count, progress and cancellation. */
export class ReadContext {
  rowsRead = 0;
  /** Set by the reader to whatever tracks its position in the file. */
  bytesRead: () => number = () => 0;

  constructor(
    readonly limits: ImportLimits,
    readonly totalBytes: number,
    private readonly options: ReadNotificationsOptions,
  ) {}

  throwIfCancelled(): void {
    if (this.options.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled.');
  }

  /** One more data row: enforces the row cap and reports progress now and then. */
  countRow(): void {
    this.rowsRead++;
    if (this.rowsRead > this.limits.maxRows) {
      throw rejectFile(
        `The file holds more than ${formatCount(this.limits.maxRows)} rows, more than any ePing export; it was not imported.`,
        { reason: 'TOO_MANY_ROWS', maxRows: this.limits.maxRows },
      );
    }
    if (this.rowsRead % PROGRESS_EVERY_ROWS === 0) this.progress();
  }

  private lastPreparing = -1;

  /**
   * Progress of the work before a row (a workbook's checks, shared strings a row waits for): shown
   * each time it has moved by one per cent of the file.
   */
  preparing(): void {
    const bytes = this.bytesRead();
    if (bytes - this.lastPreparing < this.totalBytes / 100) return;
    this.lastPreparing = bytes;
    this.progress();
  }

  progress(): void {
    this.options.onProgress?.(this.rowsRead, Math.min(this.bytesRead(), this.totalBytes), this.totalBytes);
  }

  finish(): void {
    this.bytesRead = () => this.totalBytes;
    this.progress();
  }
}
