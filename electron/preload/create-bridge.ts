import { IPC_STAGE_FILE, ipcChannelFor, ipcEventFor, type PingyiBridge, type StagedFileInfo } from '../../shared/bridge';
import { channelNames, eventNames, type EventName, type EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/result';

type Relay = (event: unknown, payload: unknown) => void;

/** The part of ipcRenderer the bridge needs; kept narrow so the bridge is tested without Electron. */
export interface BridgeIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: Relay): void;
  removeListener(channel: string, listener: Relay): void;
}

/** webUtils.getPathForFile in the preload: '' for a File that is not backed by a file on disk. */
export type PathForFile = (file: File) => string;

type ChannelMethods = Omit<PingyiBridge, 'on' | 'stageFile'>;

function refused(message: string): Result<StagedFileInfo> {
  return { ok: false, error: { code: 'VALIDATION', message } };
}

/**
 * window.api: one method per contract channel, built from the contract's own list so the page
 * can reach nothing else, `on` for the contract's events, and `stageFile`. The page never gets
 * ipcRenderer, a channel string it could choose, or the IpcRendererEvent (whose `sender` is
 * ipcRenderer).
 */
export function createBridge(ipc: BridgeIpc, pathForFile: PathForFile): PingyiBridge {
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
    // Only the payload crosses; the event object would hand the page a way back to ipcRenderer.
    const relay: Relay = (_event, payload) => listener(payload as EventPayload<E>);
    ipc.on(channel, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, relay);
    };
  }

  /**
   * The path is read here, from a File the user dropped or picked, rather than taken from the
   * page as a string: the page only ever handles File objects.
   */
  async function stageFile(file: File): Promise<Result<StagedFileInfo>> {
    let filePath: string;
    try {
      filePath = pathForFile(file);
    } catch {
      return refused('Only a file chosen by the user can be staged');
    }
    if (!filePath) return refused('This file is not on disk; save it first, then choose it again');
    return (await ipc.invoke(IPC_STAGE_FILE, filePath)) as Result<StagedFileInfo>;
  }

  const bridge: PingyiBridge = { ...(methods as ChannelMethods), on, stageFile };
  return Object.freeze(bridge);
}
