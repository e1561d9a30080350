import { ApiError, isResult } from '../../shared/result';

/** Turn a Result envelope into its value, or throw the ApiError it carries. */
export function unwrapResult(value: unknown, context: string): unknown {
  if (!isResult(value)) {
    throw new ApiError({ code: 'INTERNAL', message: `${context}: the backend answered without a result envelope` });
  }
  if (!value.ok) throw new ApiError(value.error);
  return value.value;
}
