/**
 * The envelope every backend call returns, over IPC and over HTTP alike.
 * Codes are stable: the renderer and the CLI branch on them, never on messages.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'IMPORT_REJECTED',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'CANCELLED',
  /** The store is busy with another writer (an import); try again or wait for it. */
  'BUSY',
  /** The disk holding the store or the target is full. */
  'DISK_FULL',
  /** The store, its folder or the target cannot be written (permissions, read-only mode). */
  'READ_ONLY',
  /** A file or folder cannot be read or is not what it should be (a file where a folder belongs). */
  'ACCESS_DENIED',
  /** A request or file is over the size the app accepts. */
  'TOO_LARGE',
  /** No renderer for PDF: neither the desktop app's nor a Chromium-family browser on this machine. */
  'PDF_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** A failed call surfaced as an exception on the client side. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

/** Narrow an unknown JSON value to a Result envelope (used by transports). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error?.code === 'string';
}

/** The value of a Result, or its error thrown as an ApiError (the CLI's and the tests' typed calls). */
export function valueOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
