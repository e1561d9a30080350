import type { Database } from 'better-sqlite3';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Clock } from '../../shared/domain/clock';
import type { ErrorLog } from './faults/error-log';
import type { StoreHealth } from './faults/store-health';
import type { BackupService } from './backups/backup-service';
import type { StagingArea } from './files/staging';
import type { JobRunner } from './jobs/job-runner';
import type { PdfRenderer } from './pdf/pdf-renderer';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** What every handler may reach: the open store and a way to push events. Nothing global. */
export interface BackendContext {
  db: Database;
  dataDir: string;
  databasePath: string;
  appVersion: string;
  emit: Emit;
  /** Files the user handed over (uploads, picked files), addressed by opaque reference. */
  staging: StagingArea;
  jobs: JobRunner;
  /** The one source of now and today; handlers never read the wall clock themselves. */
  clock: Clock;
  /** Damaged or not: once damaged the connection writes nothing more (see StoreHealth). */
  health: StoreHealth;
  /** Where unexpected errors go with their stack, in the data folder. */
  errorLog: ErrorLog;
  /** Backups of this store; a restore replaces `db` above, so nothing may keep the old one. */
  backups: BackupService;
  /** Opened read-only at start-up recovery: the store is damaged or cannot be written. */
  readOnly: boolean;
  /**
   * Prints HTML to PDF. The desktop app sets its own (Electron's printToPDF); without one the
   * backend runs an installed Chromium-family browser (pdf/chromium-pdf.ts).
   */
  pdf?: PdfRenderer;
}
