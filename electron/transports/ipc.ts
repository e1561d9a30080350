import path from 'node:path';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_STAGE_FILE, ipcChannelFor, ipcEventFor, type StagedFileInfo } from '../../shared/bridge';
import { channelNames, type Channel, type EventName, type EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Backend } from '../backend/backend';
import { AppError } from '../backend/errors';
import { isTrustedSender } from '../security/policy';

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

/** Paths longer than this are refused before touching the disk; no real file needs more. */
const MAX_PATH_LENGTH = 4096;

/**
 * Register a file the user dropped or picked. The preload read the path from the File object;
 * it is still checked here, because this is where the disk is touched.
 */
function stageFile(backend: Backend, filePath: unknown): Result<StagedFileInfo> {
  if (typeof filePath !== 'string' || filePath.length > MAX_PATH_LENGTH || filePath.includes('\0') || !path.isAbsolute(filePath)) {
    return { ok: false, error: { code: 'VALIDATION', message: 'Expected the absolute path of a chosen file' } };
  }
  try {
    const staged = backend.ctx.staging.addPath(filePath);
    return { ok: true, value: { fileRef: staged.fileRef, name: staged.name, size: staged.size } };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toBody() };
    return { ok: false, error: { code: 'INTERNAL', message: `Could not stage the file: ${(e as Error)?.message ?? String(e)}` } };
  }
}

/** A contract event to the window's page, as `window.api.on` receives it; nothing once it is closed. */
export function sendEvent<E extends EventName>(window: BrowserWindow | null, name: E, payload: EventPayload<E>): void {
  if (window && !window.isDestroyed()) window.webContents.send(ipcEventFor(name), payload);
}

/**
 * The Electron transport: one ipcMain handler per contract channel (no generic channel, so a
 * name outside the contract has nothing to reach), each answering with the backend's Result
 * envelope, the file-staging handler, and backend events forwarded to the window. Returns the
 * function that undoes it.
 */
export function registerIpcTransport(options: IpcTransportOptions): () => void {
  const { backend, getWindow, onResult } = options;
  for (const name of channelNames) {
    ipcMain.handle(ipcChannelFor(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedEvent(event, getWindow())) return UNTRUSTED;
      // Dispatch validates the input against the contract before any handler sees it; a write
      // that meets a running import's lock waits for it here, off the event loop.
      const result = await backend.invokeWhenFree(name, input);
      onResult?.(name, result);
      return result;
    });
  }
  ipcMain.handle(IPC_STAGE_FILE, (event, filePath: unknown): Result<StagedFileInfo> => {
    if (!isTrustedEvent(event, getWindow())) return UNTRUSTED;
    return stageFile(backend, filePath);
  });
  const unsubscribe = backend.subscribe((name, payload) => sendEvent(getWindow(), name, payload));
  return () => {
    unsubscribe();
    for (const name of channelNames) ipcMain.removeHandler(ipcChannelFor(name));
    ipcMain.removeHandler(IPC_STAGE_FILE);
  };
}
