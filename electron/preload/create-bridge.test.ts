import { describe, expect, it, vi } from 'vitest';
import { IPC_STAGE_FILE, ipcChannelFor, ipcEventFor } from '../../shared/bridge';
import { channelNames, eventNames } from '../../shared/contract';
import { createBridge as createBridgeWith, type BridgeIpc, type PathForFile } from './create-bridge';

type Relay = (event: unknown, payload: unknown) => void;

function fakeIpc(): BridgeIpc & { listeners: Map<string, Set<Relay>>; emit(channel: string, payload: unknown): void } {
  const listeners = new Map<string, Set<Relay>>();
  return {
    listeners,
    invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Relay>();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel, payload) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipcRenderer object' }, payload);
    },
  };
}

const noPath: PathForFile = () => '';
const createBridge = (ipc: BridgeIpc, pathForFile: PathForFile = noPath): ReturnType<typeof createBridgeWith> =>
  createBridgeWith(ipc, pathForFile);

describe('createBridge', () => {
  it('exposes exactly one method per contract channel, plus on and stageFile', () => {
    const api = createBridge(fakeIpc());
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on', 'stageFile'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('invokes the IPC channel derived from the contract name with the input as given', async () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc);
    const result = await api.notificationsList({ area: 'TBT', limit: 5 });
    expect(ipc.invoke).toHaveBeenCalledWith(ipcChannelFor('notificationsList'), { area: 'TBT', limit: 5 });
    expect(result).toEqual({ ok: true, value: { channel: 'api:notificationsList', input: { area: 'TBT', limit: 5 } } });
  });

  it('cannot be changed by the page', () => {
    const api = createBridge(fakeIpc());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes event payloads to the listener without the IPC event', () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc);
    const listener = vi.fn();
    api.on('jobProgress', listener);
    const payload = { jobId: 'j1', kind: 'import', phase: 'rows', done: 10, total: 100 };
    ipc.emit(ipcEventFor('jobProgress'), payload);
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload);
  });

  it('unsubscribes, once, with the function on returns', () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc);
    const listener = vi.fn();
    const off = api.on('dataChanged', listener);
    off();
    off();
    ipc.emit(ipcEventFor('dataChanged'), { entity: 'notifications' });
    expect(listener).not.toHaveBeenCalled();
    expect(ipc.listeners.get(ipcEventFor('dataChanged'))?.size).toBe(0);
  });

  it('subscribes only to contract events', () => {
    const api = createBridge(fakeIpc());
    const on = api.on as (name: string, listener: (payload: unknown) => void) => () => void;
    expect(() => on('api:appInfo', () => undefined)).toThrow(/Unknown event/);
    expect(() => on('__proto__', () => undefined)).toThrow(/Unknown event/);
    for (const name of eventNames) expect(() => on(name, () => undefined)).not.toThrow();
  });

  it('stages a chosen file by the path read from the File, on its own channel', async () => {
    const ipc = fakeIpc();
    const file = new File(['Symbol,Title'], 'eping.csv');
    const api = createBridge(ipc, (f) => (f === file ? '/home/analyst/eping.csv' : ''));
    await api.stageFile(file);
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(IPC_STAGE_FILE, '/home/analyst/eping.csv');
  });

  it('refuses a File with no path on disk without calling the main process', async () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc, () => '');
    const result = await api.stageFile(new File(['x'], 'made-in-page.csv'));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('refuses something that is not a File', async () => {
    const ipc = fakeIpc();
    const api = createBridge(ipc, () => {
      throw new TypeError('getPathForFile expects a File');
    });
    const stage = api.stageFile as (file: unknown) => ReturnType<typeof api.stageFile>;
    expect(await stage('/etc/passwd')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });
});
