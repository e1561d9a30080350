import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { BackendContext } from './context';
import { AppError } from './errors';
import type { HandlerTable } from './handlers';

export interface DispatchOptions {
  /** Check outputs against the contract too (tests and development). */
  validateOutput?: boolean;
  onInternalError?: (channel: string, error: unknown) => void;
}

function describeIssues(issues: z.core.$ZodIssue[]): { message: string; fields: Array<{ path: string; message: string }> } {
  const fields = issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
  return { message: fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields };
}

/**
 * The single gate between a transport and the handlers: refuses unknown channels, validates
 * the input with the contract's schema, and turns every outcome into a Result envelope.
 */
export function dispatch(
  table: HandlerTable,
  ctx: BackendContext,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Result<unknown> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel).slice(0, 80)}` } };
  }
  const def = contract[channel];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error.issues);
    return { ok: false, error: { code: 'VALIDATION', message: `Invalid input for ${channel}: ${message}`, details: { fields } } };
  }
  try {
    const handler = table[channel] as (ctx: BackendContext, input: unknown) => unknown;
    const value = handler(ctx, parsed.data);
    if (options.validateOutput) {
      const out = def.output.safeParse(value);
      if (!out.success) {
        throw new Error(`Output of ${channel} breaks the contract: ${describeIssues(out.error.issues).message}`);
      }
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toBody() };
    options.onInternalError?.(channel as Channel, e);
    return { ok: false, error: { code: 'INTERNAL', message: `Internal error in ${channel}: ${(e as Error)?.message ?? String(e)}` } };
  }
}
