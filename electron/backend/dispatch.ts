import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { BackendContext } from './context';
import { AppError } from './errors';
import { classifyFault } from './faults/classify-error';
import type { AsyncChannel, AsyncHandlerTable, HandlerTable, OffThreadWorker, SyncChannel } from './handler-types';

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

/** The input as the contract's schema reads it, or the VALIDATION failure naming each field. */
function parseInput(channel: Channel, rawInput: unknown): { ok: true; input: unknown } | { ok: false; result: Result<never> } {
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (parsed.success) return { ok: true, input: parsed.data };
  const { message, fields } = describeIssues(parsed.error.issues);
  return { ok: false, result: { ok: false, error: { code: 'VALIDATION', message: `Invalid input for ${channel}: ${message}`, details: { fields } } } };
}

function checkOutput(channel: Channel, value: unknown, options: DispatchOptions): void {
  if (!options.validateOutput) return;
  const out = contract[channel].output.safeParse(value);
  if (!out.success) throw new Error(`Output of ${channel} breaks the contract: ${describeIssues(out.error.issues).message}`);
}

/**
 * The single gate between a transport and the synchronous handlers: refuses unknown channels,
 * validates the input with the contract's schema, and turns every outcome into a Result envelope.
 * A channel of the asynchronous table is refused: its caller must use dispatchAsync.
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
  if (!Object.hasOwn(table, channel)) {
    return { ok: false, error: { code: 'INTERNAL', message: `${channel} answers asynchronously: call it through invokeWhenFree or callAsync` } };
  }
  const parsed = parseInput(channel, rawInput);
  if (!parsed.ok) return parsed.result;
  try {
    const handler = table[channel as SyncChannel] as (ctx: BackendContext, input: unknown) => unknown;
    const value = handler(ctx, parsed.input);
    checkOutput(channel, value, options);
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
 * The same gate for the asynchronous handlers: null when the table has no handler for the
 * channel (the caller then runs it through dispatch), else the promise of its Result envelope,
 * which never rejects.
 */
export function dispatchAsync(
  table: AsyncHandlerTable,
  ctx: BackendContext,
  worker: OffThreadWorker | null,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> | null {
  if (!isChannel(channel) || !Object.hasOwn(table, channel)) return null;
  const parsed = parseInput(channel, rawInput);
  if (!parsed.ok) return Promise.resolve(parsed.result);
  const handler = table[channel as AsyncChannel] as (ctx: BackendContext, input: unknown, worker: OffThreadWorker | null) => Promise<unknown>;
  const run = async (): Promise<Result<unknown>> => {
    const value = await handler(ctx, parsed.input, worker);
    checkOutput(channel, value, options);
    return { ok: true, value };
  };
  return run().catch((e: unknown) => failure(ctx, channel, e, options));
}
