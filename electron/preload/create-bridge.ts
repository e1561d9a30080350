import { ipcChannelFor, ipcEventFor, type PingyiBridge } from '../../shared/bridge';
import { channelNames, eventNames, type EventName, type EventPayload } from '../../shared/contract';

type Relay = (event: unknown, payload: unknown) => void;

/** The part of ipcRenderer the bridge needs; kept narrow so the bridge is tested without Electron. */
export interface BridgeIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: Relay): void;
  removeListener(channel: string, listener: Relay): void;
}

/**
 * window.api: one method per contract channel, built from the contract's own list so the page
 * can reach nothing else, and `on` for the contract's events. The page never gets ipcRenderer,
 * a channel string it could choose, or the IpcRendererEvent (whose `sender` is ipcRenderer).
 */
export function createBridge(ipc: BridgeIpc): PingyiBridge {
  const methods: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of channelNames) {
    const channel = ipcChannelFor(name);
    methods[name] = (input: unknown) => ipc.invoke(channel, input);
  }
  const known = new Set<string>(eventNames);
  function on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!known.has(name)) throw new TypeError(`Unknown event: ${String(name).slice(0, 80)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    const channel = ipcEventFor(name);
    // The main process sends payloads checked against the contract; only the payload is passed on.
    const relay: Relay = (_event, payload) => listener(payload as EventPayload<E>);
    ipc.on(channel, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, relay);
    };
  }
  return Object.freeze({ ...methods, on }) as PingyiBridge;
}
