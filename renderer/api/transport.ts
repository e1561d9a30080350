import type { StagedFileInfo } from '../../shared/bridge';
import type { Channel, EventName, EventPayload } from '../../shared/contract';

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Subscribe to one backend event; returns the unsubscribe function. */
export type Subscribe = <E extends EventName>(name: E, listener: EventListener<E>) => () => void;

/**
 * What the IPC bridge and the HTTP transport have in common. `call` resolves to the unwrapped
 * value and rejects with ApiError, so the UI never sees the Result envelope.
 */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(channel: Channel, input: unknown): Promise<unknown>;
  subscribe: Subscribe;
  /** Hand a file the analyst chose to the backend; import channels then take its fileRef. */
  stageFile(file: File): Promise<StagedFileInfo>;
}
