import type { BackupConfig, BackupEntry, BackupList, RecoveryStatus, Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import type { FakeJobs } from './fake-imports';

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };
type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

const FOLDER = '/tmp/pingyi-fake/backups';

/** A backup as the real catalogue lists it; override what a test is about. */
export function makeBackup(overrides: Partial<BackupEntry> & { id: string }): BackupEntry {
  return {
    kind: 'daily',
    createdAt: '2026-11-20T01:00:00.000Z',
    schemaVersion: 30,
    appVersion: '0.1.0-test',
    size: 3 * 1024 * 1024,
    counts: { notifications: 12, comments: 2 },
    attachments: 0,
    check: { ok: true, message: 'ok' },
    file: `${FOLDER}/${overrides.id}.sqlite3`,
    ...overrides,
  };
}

/**
 * The backups part of the fake backend: a list, a manual backup that runs until the test
 * finishes it (with the progress and done events the real one pushes), restore and delete.
 */
export class FakeBackups {
  backups: BackupEntry[] = [];
  config: BackupConfig = { folder: null, rotation: { daily: 7, weekly: 4, preImport: 5, preMigration: 3 } };
  running = false;
  restored: string[] = [];
  /** What recoveryStatus answers; a test sets mode 'recovery' with the store's failure. */
  recovery: RecoveryStatus = {
    mode: 'normal',
    problem: null,
    databasePath: '/tmp/pingyi-fake/pingyi.sqlite3',
    replacedFolder: '/tmp/pingyi-fake/replaced',
    newestGood: null,
    choices: [],
  };
  chosen: string[] = [];
  /** Called when a recovery choice opens a store (a test clears the failures it set). */
  onRecovered: () => void = () => undefined;
  /** The manual backup job running, if any. */
  jobId: string | null = null;
  constructor(
    private readonly emit: Emit,
    private readonly jobs: FakeJobs,
  ) {}

  list(): BackupList {
    return { folder: this.config.folder ?? FOLDER, config: this.config, backups: this.backups, running: this.running };
  }

  progress(done: number, total: number): void {
    this.emit('jobProgress', { jobId: this.jobId ?? '', kind: 'backup', status: 'running', position: null, phase: 'copying', done, total });
  }

  /** End the running manual backup job as the backend would. */
  finish(entry: BackupEntry | { error: { code: string; message: string } }): void {
    const jobId = this.jobId ?? '';
    this.running = false;
    this.jobId = null;
    const job = this.jobs.get(jobId);
    if ('error' in entry) {
      const cancelled = entry.error.code === 'CANCELLED';
      Object.assign(job, { status: cancelled ? 'cancelled' : 'failed', phase: cancelled ? 'cancelled' : 'failed', error: entry.error });
      this.emit('jobDone', { jobId, kind: 'backup', ok: false, status: job.status === 'cancelled' ? 'cancelled' : 'failed', error: entry.error });
      return;
    }
    const result = { ...entry, attachmentsCopied: 0 };
    Object.assign(job, { status: 'done', phase: 'done', result });
    this.backups = [entry, ...this.backups];
    this.emit('jobDone', { jobId, kind: 'backup', ok: true, status: 'done', result });
    this.emit('dataChanged', { entity: 'backups' });
  }

  private find(id: string): BackupEntry {
    const b = this.backups.find((x) => x.id === id);
    if (!b) throw new ApiError({ code: 'NOT_FOUND', message: `Backup ${id} does not exist` });
    return b;
  }

  handlers(): Handlers {
    return {
      backupsList: () => this.list(),
      backupsCreate: () => {
        if (this.running) throw new ApiError({ code: 'BUSY', message: 'A backup is already being written' });
        this.running = true;
        this.jobId = this.jobs.start('backup', { kind: 'manual' }).jobId;
        return { started: true, jobId: this.jobId };
      },
      backupsConfigure: (patch) => {
        if (patch.folder !== undefined && patch.folder !== null && !patch.folder.startsWith('/')) {
          throw new ApiError({ code: 'VALIDATION', message: `The backup folder must be an absolute path: ${patch.folder}`, details: { field: 'folder' } });
        }
        this.config = { ...this.config, ...patch };
        this.emit('dataChanged', { entity: 'backups' });
        return this.list();
      },
      backupsSummary: ({ id }) => {
        const b = this.find(id);
        return {
          id,
          counts: b.counts,
          newestNotifications: [{ symbol: 'G/TBT/N/SAU/1201', title: 'Refrigerators', distributedOn: '2026-11-02' }],
          newestComments: [],
        };
      },
      backupsRestore: ({ id }) => {
        const b = this.find(id);
        if (!b.check.ok) throw new ApiError({ code: 'CONFLICT', message: `The backup ${id} failed its integrity check` });
        this.restored.push(id);
        this.emit('dataChanged', { entity: '*' });
        return { restored: id, movedAsideTo: '/tmp/pingyi-fake/replaced/2026-11-21T06-00-00-000Z' };
      },
      recoveryStatus: () => this.recovery,
      recoveryChoose: ({ choice }) => {
        if (this.recovery.mode !== 'recovery') throw new ApiError({ code: 'CONFLICT', message: 'The store is open; there is nothing to recover' });
        this.chosen.push(choice);
        if (choice !== 'quit') {
          this.recovery = { ...this.recovery, mode: choice === 'read-only' ? 'read-only' : 'normal', problem: null, choices: [] };
          this.onRecovered();
          this.emit('dataChanged', { entity: '*' });
        }
        return this.recovery;
      },
      backupsDelete: ({ id }) => {
        this.find(id);
        this.backups = this.backups.filter((b) => b.id !== id);
        this.emit('dataChanged', { entity: 'backups', ids: [id] });
        return this.list();
      },
    };
  }
}
