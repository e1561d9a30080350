import type { ApiErrorBody, ErrorCode } from '../../shared/result';

/** The only error type handlers throw on purpose; anything else becomes INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function notFound(entity: string, id: string | number): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
}
