import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { BackendContext } from './context';
import { runFullCheckOnWorker } from './faults/store-health-handlers';

/** The bundled worker script the app runs long work on, and the addon it loads. */
export interface OffThreadWorker {
  script: string;
  execArgv?: string[];
  nativeBinding: string | null;
}

/**
 * A call whose work can leave the app's thread when a worker is there: the promise of its output,
 * or null to run the ordinary handler on this thread (an input that needs no long work). The
 * transports' async path consults this table; the CLI and tests call the handlers directly.
 */
export type OffThreadHandler<C extends Channel> = (ctx: BackendContext, input: ChannelParsedInput<C>, worker: OffThreadWorker) => Promise<ChannelOutput<C>> | null;

export type OffThreadTable = { [C in Channel]?: OffThreadHandler<C> };

export const offThreadHandlers: OffThreadTable = {
  // The full check reads every page: seconds on a large store.
  storeCheck: (ctx, input, worker) => (input.full ? runFullCheckOnWorker(ctx, worker, worker.nativeBinding) : null),
};
