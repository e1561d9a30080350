import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannelFor, ipcEventFor } from '../../shared/bridge';
import { channelNames, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Backend } from '../backend/backend';
import { isTrustedSender } from '../main/security';

export interface IpcTransportOptions {
  backend: Backend;
  /** The one window allowed to call; events go to it too. */
  getWindow: () => BrowserWindow | null;
  /** Called after each answered call, e.g. to follow a change of interface language. */
  onResult?: (channel: Channel, result: Result<unknown>) => void;
}

const UNTRUSTED: Result<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'IPC calls are answered only for the app page in the main window' },
};

/**
 * A call counts only from the top frame of the main window while it shows the app's own page:
 * not from a subframe, not from another window, not after a navigation elsewhere.
 */
function isTrustedEvent(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedSender(frame.url);
}

/**
 * The Electron transport: one ipcMain handler per contract channel (no generic channel, so a
 * name outside the contract has nothing to reach), each answering with the backend's Result
 * envelope, and backend events forwarded to the window. Returns the function that undoes it.
 */
export function registerIpcTransport(options: IpcTransportOptions): () => void {
  const { backend, getWindow, onResult } = options;
  for (const name of channelNames) {
    ipcMain.handle(ipcChannelFor(name), (event, input: unknown): Result<unknown> => {
      if (!isTrustedEvent(event, getWindow())) return UNTRUSTED;
      // Dispatch validates the input against the contract before any handler sees it.
      const result = backend.invoke(name, input);
      onResult?.(name, result);
      return result;
    });
  }
  const unsubscribe = backend.subscribe((name, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(ipcEventFor(name), payload);
  });
  return () => {
    unsubscribe();
    for (const name of channelNames) ipcMain.removeHandler(ipcChannelFor(name));
  };
}
