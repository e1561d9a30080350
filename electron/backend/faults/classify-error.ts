import { AppError } from '../errors';

/** What the classifier knows about where an error happened, for the message and details. */
export interface FaultContext {
  /** The file or folder the failing operation touched (the store, a staged file, a folder). */
  path?: string;
}

function codeOf(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || !('code' in e)) return null;
  const code = (e as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** better-sqlite3 throws SqliteError with codes such as SQLITE_CORRUPT_INDEX; the base code decides. */
function sqliteBase(code: string): string {
  const m = /^(SQLITE_[A-Z]+)/.exec(code);
  return m ? m[1]! : code;
}

/**
 * Turn a fault of the storage underneath (SQLite result codes, Node errno codes) into the
 * stable error the analyst can act on. Returns null for anything else: a programming error
 * stays INTERNAL and is logged, never disguised as a fault of the disk.
 */
export function classifyFault(e: unknown, where: FaultContext = {}): AppError | null {
  if (e instanceof AppError) return e;
  const code = codeOf(e);
  if (!code) return null;
  const path = where.path ?? (typeof (e as { path?: unknown }).path === 'string' ? (e as { path: string }).path : undefined);
  const at = path ? ` (${path})` : '';
  const details = path ? { path } : undefined;
  const message = messageOf(e);
  // An IOERR whose extended code names a full disk (SQLite reports some ENOSPC this way).
  if (code === 'SQLITE_IOERR_WRITE' && /full/i.test(message)) return diskFull(message, path);
  switch (code.startsWith('SQLITE_') ? sqliteBase(code) : code) {
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new AppError(
        'DB_CORRUPT',
        `The store${at} is damaged (${message}). Nothing more is written to it; restore a backup (Settings › Backups) or copy the file aside for support.`,
        { ...(path ? { file: path } : {}), reason: 'corrupt', sqlite: code },
      );
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppError('BUSY', `The store is busy with another write (an import or another Pingyi process); try again when it has finished (${message}).`, { sqlite: code });
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return diskFull(message, path);
    case 'SQLITE_READONLY':
    case 'EROFS':
      return new AppError('READ_ONLY', `Pingyi cannot write${at}: the file or its folder is read-only (${message}). Make it writable, or move the data folder to a writable place, then try again.`, details);
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
    case 'SQLITE_CANTOPEN':
    case 'EACCES':
    case 'EPERM':
      return new AppError('ACCESS_DENIED', `Pingyi is not allowed to use${at || ' a file it needs'} (${message}). Give your user account read and write access to it, then try again.`, details);
    case 'EEXIST':
    case 'ENOTDIR':
    case 'EISDIR':
      return new AppError('ACCESS_DENIED', `Something in the way${at}: a file stands where a folder belongs, or the reverse (${message}). Move it aside, then try again.`, details);
    default:
      return null;
  }
}

function diskFull(message: string, path: string | undefined, needed?: number): AppError {
  return new AppError(
    'DISK_FULL',
    `The disk${path ? ` holding ${path}` : ''} is full (${message}). Nothing was changed; free some space${needed ? ` (at least ${formatBytes(needed)})` : ''} and try again.`,
    { ...(path ? { path } : {}), ...(needed ? { needed } : {}) },
  );
}

/** A full disk found before the work starts: how much the work needs and how much there is. */
export function notEnoughSpace(path: string, needed: number, available: number, what: string): AppError {
  return new AppError(
    'DISK_FULL',
    `${what} needs about ${formatBytes(needed)} free on the disk holding ${path}, and only ${formatBytes(available)} is free. Free at least ${formatBytes(needed - available)} and try again.`,
    { path, needed, available },
  );
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${n} bytes`;
}
