import { ApiError, ERROR_CODES, type ErrorCode } from '../../shared/result';

/** What the error banner and the start-up screen show: a stable code and the backend's message. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
