import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/result';
import { createHttpTransport, MISSING_TOKEN_MESSAGE, takeToken, TOKEN_STORAGE_KEY } from './http-transport';

const BASE = 'http://127.0.0.1:4000';

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function fakeFetch(answer: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const requests: Recorded[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, init });
    return answer(url, init);
  });
  return { fetch: fn as unknown as typeof fetch, requests };
}

/** A streamed body that hands out the given chunks, then ends (or stays open). */
function streamOf(chunks: string[], { keepOpen = false } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      if (!keepOpen) controller.close();
    },
  });
}

describe('HTTP transport calls', () => {
  it('POSTs the JSON input to /api/<channel> with the token and returns the value', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse({ ok: true, value: { total: 0, totalCapped: false, items: [] } }));
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch });
    const value = await transport.call('notificationsList', { limit: 5 });
    expect(value).toEqual({ total: 0, totalCapped: false, items: [] });
    expect(requests).toHaveLength(1);
    const [{ url, init }] = requests as [Recorded];
    expect(url).toBe(`${BASE}/api/notificationsList`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-pingyi-token': 'secret' });
    expect(JSON.parse(String(init?.body))).toEqual({ limit: 5 });
  });

  it('turns an error envelope into an ApiError with its code, message and details', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({ ok: false, error: { code: 'VALIDATION', message: 'limit: too big', details: { fields: ['limit'] } } }),
    );
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch });
    const failure = await transport.call('notificationsList', { limit: 9999 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'VALIDATION', message: 'limit: too big', details: { fields: ['limit'] } });
  });

  it('reads the envelope of a refused request too (401 carries UNAUTHORIZED)', async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong API token' } }, 401));
    const transport = createHttpTransport({ baseUrl: BASE, token: 'stale', fetch });
    await expect(transport.call('appInfo', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('says how to get a token instead of calling without one', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse({ ok: true, value: null }));
    const transport = createHttpTransport({ baseUrl: BASE, token: null, fetch });
    await expect(transport.call('appInfo', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: MISSING_TOKEN_MESSAGE });
    expect(requests).toHaveLength(0);
  });

  it('reports an answer that is not JSON as INTERNAL with the HTTP status', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>proxy error</html>', { status: 502 }));
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch });
    await expect(transport.call('appInfo', {})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('502') });
  });

  it('reports an unreachable server as INTERNAL', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch });
    await expect(transport.call('appInfo', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('Failed to fetch'),
    });
  });

  it('uploads a file as the raw body with its name URI-encoded in a header', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse({ ok: true, value: { fileRef: 'a'.repeat(32), name: '通报.xlsx', size: 3 } }));
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch });
    const file = new File(['abc'], '通报.xlsx');
    await expect(transport.stageFile(file)).resolves.toMatchObject({ name: '通报.xlsx', size: 3 });
    const [{ url, init }] = requests as [Recorded];
    expect(url).toBe(`${BASE}/api/stageFile`);
    expect(init?.body).toBe(file);
    expect(init?.headers).toMatchObject({ 'x-pingyi-filename': encodeURIComponent('通报.xlsx'), 'x-pingyi-token': 'secret' });
  });
});

describe('HTTP transport events', () => {
  it('delivers Server-Sent Events to the listeners of that event only', async () => {
    const { fetch, requests } = fakeFetch(
      () =>
        new Response(
          streamOf([': connected\n\n', 'event: dataChanged\ndata: {"entity":"notif', 'ications"}\n\nevent: jobDone\ndata: {"jobId":"j1","kind":"import","ok":true}\n\n'], {
            keepOpen: true,
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch });
    const changed = vi.fn();
    const done = vi.fn();
    const progress = vi.fn();
    const offChanged = transport.subscribe('dataChanged', changed);
    const offDone = transport.subscribe('jobDone', done);
    const offProgress = transport.subscribe('jobProgress', progress);
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    expect(changed).toHaveBeenCalledWith({ entity: 'notifications' });
    expect(done).toHaveBeenCalledWith({ jobId: 'j1', kind: 'import', ok: true });
    expect(progress).not.toHaveBeenCalled();
    // One stream serves every listener.
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(`${BASE}/api/events`);
    expect(requests[0]?.init?.headers).toMatchObject({ 'x-pingyi-token': 'secret' });
    offChanged();
    offDone();
    offProgress();
    expect(requests[0]?.init?.signal?.aborted).toBe(true);
  });

  it('ignores unknown event names and unreadable data', async () => {
    const { fetch } = fakeFetch(
      () => new Response(streamOf(['event: somethingElse\ndata: {}\n\nevent: dataChanged\ndata: not json\n\nevent: dataChanged\ndata: {"entity":"x"}\n\n'], { keepOpen: true })),
    );
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch });
    const changed = vi.fn();
    const off = transport.subscribe('dataChanged', changed);
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(changed.mock.calls).toEqual([[{ entity: 'x' }]]);
    off();
  });

  it('reconnects after the stream drops and tells listeners to reload', async () => {
    let attempt = 0;
    const { fetch, requests } = fakeFetch(() => {
      attempt += 1;
      if (attempt === 2) return jsonResponse({ ok: false, error: { code: 'INTERNAL', message: 'busy' } }, 503);
      return new Response(streamOf([': connected\n\n'], { keepOpen: attempt >= 3 }));
    });
    const transport = createHttpTransport({ baseUrl: BASE, token: 'secret', fetch, reconnectDelays: [1] });
    const changed = vi.fn();
    const off = transport.subscribe('dataChanged', changed);
    await vi.waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(3));
    await vi.waitFor(() => expect(changed).toHaveBeenCalledWith({ entity: '*' }));
    off();
  });

  it('opens no stream without a token', () => {
    const { fetch, requests } = fakeFetch(() => new Response(streamOf([])));
    const transport = createHttpTransport({ baseUrl: BASE, token: null, fetch });
    const off = transport.subscribe('dataChanged', () => undefined);
    off();
    expect(requests).toHaveLength(0);
  });
});

describe('takeToken', () => {
  function fakeLocation(hash: string): Location {
    return { hash, pathname: '/', search: '' } as Location;
  }

  it('moves the token from the address fragment to session storage and clears the fragment', () => {
    const replaceState = vi.fn();
    const history = { state: null, replaceState } as unknown as History;
    const token = takeToken(fakeLocation('#token=abc-DEF_123'), window.sessionStorage, history);
    expect(token).toBe('abc-DEF_123');
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc-DEF_123');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('uses the stored token after a reload, when the fragment no longer has it', () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, 'kept');
    const replaceState = vi.fn();
    const token = takeToken(fakeLocation('#/notifications'), window.sessionStorage, { state: null, replaceState } as unknown as History);
    expect(token).toBe('kept');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('returns null when there is no token anywhere', () => {
    const token = takeToken(fakeLocation(''), window.sessionStorage, { state: null, replaceState: vi.fn() } as unknown as History);
    expect(token).toBeNull();
  });
});
