import type { Channel } from '../../shared/contract';
import type { PingyiBridge, StagedFileInfo } from '../../shared/bridge';
import type { Transport } from './transport';
import { unwrapResult } from './unwrap';

/** The Electron transport: the preload's `window.api` already speaks the contract. */
export function createIpcTransport(bridge: PingyiBridge): Transport {
  return {
    kind: 'ipc',
    async call(channel: Channel, input: unknown) {
      // The bridge's per-channel signatures are a union here; the channel name picks the right one.
      const method = bridge[channel] as (input: unknown) => Promise<unknown>;
      return unwrapResult(await method(input), channel);
    },
    subscribe: (name, listener) => bridge.on(name, listener),
    async stageFile(file: File) {
      return unwrapResult(await bridge.stageFile(file), 'stageFile') as StagedFileInfo;
    },
  };
}
