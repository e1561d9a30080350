import { contract, isChannel, type ChannelOutput } from '../../../shared/contract';
import { systemClock } from '../../../shared/domain/clock';
import { valueOrThrow, type ApiErrorBody, type Result } from '../../../shared/result';
import { createBackend, startBackend, type Backend, type EventListener, type StartOptions } from '../backend';
import { changed } from '../changes';
import type { BackendContext } from '../context';
import { AppError } from '../errors';
import { errorCodeOf, isRecoverable, openStoreReadOnly, recoveryStatus, restoreNewestGood } from './recovery';

export interface RecoverableStartOptions extends StartOptions {
  /** Called when the analyst chooses to quit from the recovery choices. */
  onQuit: () => void;
}

function bodyOf(e: unknown): ApiErrorBody {
  if (e instanceof AppError) return e.toBody();
  const code = errorCodeOf(e);
  return { code: code === 'DB_CORRUPT' || code === 'ACCESS_DENIED' || code === 'READ_ONLY' ? code : 'INTERNAL', message: (e as Error)?.message ?? String(e) };
}

/**
 * Start the backend; when the store is damaged or unreadable, start in recovery instead: only
 * recoveryStatus and recoveryChoose answer (every other channel reports the problem), until the
 * analyst restores the newest good backup or opens the store read-only, after which the real
 * backend takes over behind the same object, so the transport in front of it stays as it is.
 */
export async function startBackendOrRecover(options: RecoverableStartOptions): Promise<{ backend: Backend; recovering: boolean }> {
  let backend: Backend;
  try {
    backend = await startBackend(options);
  } catch (e) {
    if (!isRecoverable(e)) throw e;
    return { backend: recoveryBackend(e, options), recovering: true };
  }
  // The store opened but its check at start found damage: the same choices as a store that
  // cannot be opened, before anything else reads or writes it.
  const health = backend.ctx.health.info();
  if (health.status === 'damaged') {
    backend.close();
    const problem = new AppError('DB_CORRUPT', `The store is damaged: ${health.reason ?? 'its check at start failed'}`, { reason: 'check-failed' });
    return { backend: recoveryBackend(problem, options), recovering: true };
  }
  return { backend, recovering: false };
}

export function recoveryBackend(problem: unknown, options: RecoverableStartOptions): Backend {
  let inner: Backend | null = null;
  const listeners = new Set<EventListener>();
  const clock = options.clock ?? systemClock;
  const status = () => (inner ? inner.call('recoveryStatus', {}) : recoveryStatus(options.dataDir, problem, 'recovery'));
  const fail = (): Result<unknown> => ({ ok: false, error: bodyOf(problem) });

  const choose = (input: unknown): Result<unknown> => {
    const parsed = contract.recoveryChoose.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: parsed.error.message } };
    try {
      switch (parsed.data.choice) {
        case 'restore-newest':
          inner = createBackend(restoreNewestGood(options.dataDir, clock, options.nativeBinding), options);
          break;
        case 'read-only':
          inner = createBackend(openStoreReadOnly(options.dataDir, options.nativeBinding), { ...options, readOnly: true });
          break;
        case 'quit':
          options.onQuit();
          return { ok: true, value: status() };
      }
      inner.subscribe((name, payload) => {
        for (const l of listeners) l(name, payload);
      });
      changed(inner.ctx, '*');
      return { ok: true, value: status() };
    } catch (e) {
      return { ok: false, error: bodyOf(e) };
    }
  };

  const invoke = (channel: unknown, input: unknown): Result<unknown> => {
    if (inner && channel !== 'recoveryChoose') return inner.invoke(channel, input);
    if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel).slice(0, 80)}` } };
    if (channel === 'recoveryStatus') return { ok: true, value: status() };
    if (channel === 'recoveryChoose') {
      if (inner) return { ok: false, error: { code: 'CONFLICT', message: 'The store is open; there is nothing to recover' } };
      return choose(input);
    }
    return fail();
  };

  const invokeWhenFree = (channel: unknown, input: unknown): Promise<Result<unknown>> =>
    inner && channel !== 'recoveryChoose' ? inner.invokeWhenFree(channel, input) : Promise.resolve(invoke(channel, input));

  return {
    get ctx(): BackendContext {
      if (inner) return inner.ctx;
      throw new AppError(bodyOf(problem).code, bodyOf(problem).message);
    },
    invoke,
    invokeWhenFree,
    call(channel, input) {
      return valueOrThrow(invoke(channel, input)) as ChannelOutput<typeof channel>;
    },
    async callAsync(channel, input) {
      return valueOrThrow(await invokeWhenFree(channel, input)) as ChannelOutput<typeof channel>;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      inner?.close();
    },
  };
}
