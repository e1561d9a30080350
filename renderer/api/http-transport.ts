import { FILE_NAME_HEADER, STAGE_FILE_PATH, TOKEN_HEADER, type StagedFileInfo } from '../../shared/bridge';
import { eventNames, type Channel, type EventName } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { SseParser, type SseFrame } from './sse';
import type { EventListener, Transport } from './transport';
import { unwrapResult } from './unwrap';

export const TOKEN_STORAGE_KEY = 'pingyi.apiToken';

export const MISSING_TOKEN_MESSAGE =
  'No API token: open Pingyi with the full address the web server printed (it ends with #token=...).';

export interface HttpTransportOptions {
  /** Origin of the server, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  token: string | null;
  fetch: typeof fetch;
  /** Waits before each reconnect of the event stream, in ms; the last one repeats. */
  reconnectDelays?: number[];
}

const DEFAULT_RECONNECT_DELAYS = [500, 1000, 2000, 5000, 10_000];

/**
 * Read the per-launch token. The launch URL carries it in the fragment; it is moved to
 * sessionStorage (so a reload keeps working, and closing the tab forgets it) and removed from
 * the address bar so it does not end up in bookmarks or screenshots.
 */
export function takeToken(location: Location, storage: Storage | null, history: History): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the token still works until the next reload.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return token;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Web mode: POST /api/<channel> for calls and one fetch-read Server-Sent Events stream for events. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const { baseUrl, token } = options;
  const fetchFn = options.fetch;
  const delays = options.reconnectDelays ?? DEFAULT_RECONNECT_DELAYS;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let generation = 0;
  let controller: AbortController | null = null;

  async function post(name: string, headers: Record<string, string>, body: BodyInit): Promise<unknown> {
    if (!token) throw new ApiError({ code: 'UNAUTHORIZED', message: MISSING_TOKEN_MESSAGE });
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}/api/${name}`, {
        method: 'POST',
        headers: { ...headers, [TOKEN_HEADER]: token },
        body,
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError({ code: 'INTERNAL', message: `Cannot reach the Pingyi backend: ${describe(e)}` });
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      throw new ApiError({ code: 'INTERNAL', message: `${name}: HTTP ${response.status} without a JSON answer` });
    }
    return unwrapResult(answer, name);
  }

  function call(channel: Channel, input: unknown): Promise<unknown> {
    return post(channel, { 'content-type': 'application/json' }, JSON.stringify(input ?? {}));
  }

  async function stageFile(file: File): Promise<StagedFileInfo> {
    // The raw bytes are the body; the name travels URI-encoded since headers are not UTF-8 safe.
    const headers = { 'content-type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name) };
    return (await post(STAGE_FILE_PATH, headers, file)) as StagedFileInfo;
  }

  function deliver(frame: SseFrame): void {
    if (!(eventNames as string[]).includes(frame.event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(frame.data);
    } catch {
      return;
    }
    for (const listener of listeners.get(frame.event as EventName) ?? []) listener(payload);
  }

  function listenerCount(): number {
    let n = 0;
    for (const set of listeners.values()) n += set.size;
    return n;
  }

  async function readStream(signal: AbortSignal, onOpen: () => void): Promise<void> {
    const response = await fetchFn(`${baseUrl}/api/events`, {
      headers: { [TOKEN_HEADER]: token ?? '', accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
    onOpen();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const frame of parser.push(decoder.decode(value, { stream: true }))) deliver(frame);
    }
  }

  async function run(own: number): Promise<void> {
    let failures = 0;
    let connectedBefore = false;
    while (own === generation) {
      controller = new AbortController();
      try {
        await readStream(controller.signal, () => {
          failures = 0;
          // Events sent while the stream was down are lost: tell views to reload what they show.
          if (connectedBefore) deliver({ event: 'dataChanged', data: JSON.stringify({ entity: '*' }) });
          connectedBefore = true;
        });
      } catch {
        // A dropped or refused stream is retried below; calls report their own errors.
      }
      if (own !== generation) return;
      const wait = delays[Math.min(failures, delays.length - 1)] ?? 1000;
      failures += 1;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  function start(): void {
    generation += 1;
    void run(generation);
  }

  function stop(): void {
    generation += 1;
    controller?.abort();
    controller = null;
  }

  return {
    kind: 'http',
    call,
    stageFile,
    subscribe<E extends EventName>(name: E, listener: EventListener<E>): () => void {
      if (!token) return () => undefined;
      const wrapped = listener as (payload: unknown) => void;
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wasIdle = listenerCount() === 0;
      set.add(wrapped);
      if (wasIdle) start();
      return () => {
        set.delete(wrapped);
        if (listenerCount() === 0) stop();
      };
    },
  };
}
