import type { PingyiBridge } from '../../shared/bridge';
import { channelNames, type Api, type Channel } from '../../shared/contract';
import { createHttpTransport, takeToken } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { Subscribe, Transport } from './transport';

/** The typed client the UI uses: `api.notificationsList(input)` plus `subscribe(event, listener)`. */
export interface ApiClient {
  readonly kind: Transport['kind'];
  readonly api: Api;
  readonly subscribe: Subscribe;
  readonly stageFile: Transport['stageFile'];
}

/** One method per contract channel, nothing else: an unknown name is a compile error, not a request. */
export function createApi(transport: Transport): Api {
  const methods: Partial<Record<Channel, (input: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) methods[name] = (input: unknown) => transport.call(name, input);
  // Each entry forwards its own channel, so the mapped type holds though TypeScript cannot see it.
  return methods as unknown as Api;
}

export function createClient(transport: Transport): ApiClient {
  return { kind: transport.kind, api: createApi(transport), subscribe: transport.subscribe, stageFile: transport.stageFile };
}

function sessionStorageOrNull(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Chosen once at start-up: inside Electron the preload has put the bridge on `window.api`;
 * anywhere else the page was served by the web mode and talks HTTP to the server it came from.
 */
export function createClientForWindow(win: Window & { api?: PingyiBridge }): ApiClient {
  if (win.api) return createClient(createIpcTransport(win.api));
  return createClient(
    createHttpTransport({
      baseUrl: win.location.origin,
      token: takeToken(win.location, sessionStorageOrNull(win), win.history),
      fetch: win.fetch.bind(win),
    }),
  );
}
