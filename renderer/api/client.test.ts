import { describe, expect, it, vi } from 'vitest';
import type { PingyiBridge } from '../../shared/bridge';
import { channelNames } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { createApi, createClientForWindow } from './client';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';

function recordingTransport(): Transport & { call: ReturnType<typeof vi.fn> } {
  return {
    kind: 'http',
    call: vi.fn(async (channel: string) => `answer of ${channel}`),
    subscribe: () => () => undefined,
    stageFile: async () => ({ fileRef: '', name: '', size: 0 }),
  };
}

describe('createApi', () => {
  it('has one method per contract channel and nothing else', () => {
    const api = createApi(recordingTransport());
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
  });

  it('forwards each method to its own channel', async () => {
    const transport = recordingTransport();
    const api = createApi(transport);
    await api.notificationsGet({ id: 7 });
    expect(transport.call).toHaveBeenCalledWith('notificationsGet', { id: 7 });
  });
});

describe('IPC transport', () => {
  function fakeBridge(answer: unknown): PingyiBridge {
    const bridge: Record<string, unknown> = { on: vi.fn(() => () => undefined), stageFile: vi.fn(async () => answer) };
    for (const name of channelNames) bridge[name] = vi.fn(async () => answer);
    return bridge as unknown as PingyiBridge;
  }

  it('unwraps the Result envelope the preload returns', async () => {
    const transport = createIpcTransport(fakeBridge({ ok: true, value: { locale: 'en' } }));
    await expect(transport.call('settingsGet', {})).resolves.toEqual({ locale: 'en' });
  });

  it('throws ApiError for an error envelope', async () => {
    const transport = createIpcTransport(fakeBridge({ ok: false, error: { code: 'DB_TOO_NEW', message: 'newer schema' } }));
    const failure = await transport.call('appInfo', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'DB_TOO_NEW', message: 'newer schema' });
  });
});

describe('createClientForWindow', () => {
  it('uses window.api when the Electron preload provides it', () => {
    const bridge = { on: () => () => undefined } as unknown as PingyiBridge;
    const client = createClientForWindow(Object.assign(Object.create(window) as Window, { api: bridge }));
    expect(client.kind).toBe('ipc');
  });

  it('falls back to HTTP in a plain browser', () => {
    expect(createClientForWindow(window).kind).toBe('http');
  });
});
