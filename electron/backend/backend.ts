import path from 'node:path';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../shared/contract';
import { ApiError, type Result } from '../../shared/result';
import type { BackendContext } from './context';
import { openStore, type OpenOptions } from './db/connection';
import { dispatch, type DispatchOptions } from './dispatch';
import { StagingArea } from './files/staging';
import { handlers } from './handlers';
import { JobRunner } from './jobs/job-runner';
import { runJob } from './jobs/run-job';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface Backend {
  readonly ctx: BackendContext;
  /** Validate and run one call; never throws. */
  invoke(channel: unknown, input: unknown): Result<unknown>;
  /** The same call, typed, throwing ApiError on failure (CLI and tests). */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C>;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): void;
}

export interface StartOptions extends OpenOptions, DispatchOptions {
  dataDir: string;
  appVersion: string;
  /** The bundled worker script for long jobs; without it jobs run on the calling thread. */
  worker?: { script: string; execArgv?: string[] };
}

/** Open the store and wire the handler table: what every transport (IPC, HTTP, CLI) stands on. */
export async function startBackend(options: StartOptions): Promise<Backend> {
  const store = await openStore(options.dataDir, options);
  const listeners = new Set<EventListener>();
  const emit: BackendContext['emit'] = (name, payload) => {
    for (const l of listeners) l(name, payload);
  };
  const clock = options.clock;
  const ctx: BackendContext = {
    db: store.db,
    dataDir: options.dataDir,
    databasePath: store.file,
    appVersion: options.appVersion,
    clock,
    staging: new StagingArea(path.join(options.dataDir, 'staging')),
    emit,
    jobs: new JobRunner({
      dataDir: options.dataDir,
      databasePath: store.file,
      emit,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.worker ? { worker: options.worker } : {}),
      runInline: (request, signal, progress) => runJob(store.db, request, clock, signal, progress),
    }),
  };
  const invoke = (channel: unknown, input: unknown): Result<unknown> => dispatch(handlers, ctx, channel, input, options);
  return {
    ctx,
    invoke,
    call(channel, input) {
      const result = invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as ChannelOutput<typeof channel>;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      ctx.staging.clear();
      if (store.db.open) store.db.close();
    },
  };
}
