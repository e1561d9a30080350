import type { EventName, EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { BackendContext } from './context';
import { openStore, type OpenOptions } from './db/connection';
import { dispatch, type DispatchOptions } from './dispatch';
import { handlers } from './handlers';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface Backend {
  readonly ctx: BackendContext;
  /** Validate and run one call; never throws. */
  invoke(channel: unknown, input: unknown): Result<unknown>;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): void;
}

export interface StartOptions extends OpenOptions, DispatchOptions {
  dataDir: string;
  appVersion: string;
}

/** Open the store and wire the handler table: what every transport (IPC, HTTP, CLI) stands on. */
export async function startBackend(options: StartOptions): Promise<Backend> {
  const store = await openStore(options.dataDir, options);
  const listeners = new Set<EventListener>();
  const ctx: BackendContext = {
    db: store.db,
    dataDir: options.dataDir,
    databasePath: store.file,
    appVersion: options.appVersion,
    emit: (name, payload) => {
      for (const l of listeners) l(name, payload);
    },
  };
  return {
    ctx,
    invoke: (channel, input) => dispatch(handlers, ctx, channel, input, options),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (store.db.open) store.db.close();
    },
  };
}
