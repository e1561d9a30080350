import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { BackendContext } from './context';
import { AppError } from './errors';
import { classifyFault } from './faults/classify-error';
import type { HandlerTable } from './handlers';
import type { OffThreadHandler, OffThreadTable, OffThreadWorker } from './off-thread-handlers';

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
 * A fault of the storage from any query, as the analyst should see it. Corruption makes the
 * store read-only from then on; a write refused because of that says why, not "read-only".
 */
export function faultResult(ctx: BackendContext, e: unknown): AppError | null {
  const fault = classifyFault(e, { path: ctx.databasePath });
  if (!fault) return null;
  if (fault.code === 'DB_CORRUPT') ctx.health.markDamaged(fault.message);
  if (fault.code === 'READ_ONLY' && ctx.health.damaged) {
    return new AppError(
      'DB_CORRUPT',
      `The store ${ctx.databasePath} is damaged, so nothing more is written to it. Restore a backup (Settings › Backups); your reads still work.`,
      { file: ctx.databasePath, reason: 'damaged-read-only' },
    );
  }
  return fault;
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
    return failure(ctx, channel, e, options);
  }
}

/** What a handler's exception becomes: its own code, a storage fault's, or a logged INTERNAL. */
function failure(ctx: BackendContext, channel: Channel, e: unknown, options: DispatchOptions): Result<never> {
  if (e instanceof AppError) return { ok: false, error: e.toBody() };
  const fault = faultResult(ctx, e);
  if (fault) return { ok: false, error: fault.toBody() };
  ctx.errorLog.write(channel, e);
  options.onInternalError?.(channel, e);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Internal error in ${channel}: ${(e as Error)?.message ?? String(e)}. The details are in ${ctx.errorLog.file}.` },
  };
}

/**
 * The same gate for a call the off-thread table takes (see off-thread-handlers.ts): null when
 * the table has nothing for it, so the caller runs it through dispatch on this thread.
 */
export function dispatchOffThread(
  table: OffThreadTable,
  ctx: BackendContext,
  worker: OffThreadWorker,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> | null {
  if (!isChannel(channel)) return null;
  const handler = table[channel] as OffThreadHandler<Channel> | undefined;
  if (!handler) return null;
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return null;
  const pending = handler(ctx, parsed.data, worker);
  if (!pending) return null;
  return pending.then(
    (value): Result<unknown> => ({ ok: true, value }),
    (e: unknown) => failure(ctx, channel, e, options),
  );
}
