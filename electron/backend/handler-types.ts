import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { BackendContext } from './context';

/**
 * The channels whose handler returns a Promise: Word packing (docx's Packer is async) and the
 * full store check, which runs on a worker thread when there is one. The transports reach them
 * through `invokeWhenFree`, the CLI and tests through `callAsync`; the synchronous `invoke` and
 * `call` refuse them.
 */
export type AsyncChannel =
  | 'commentsExport'
  | 'tradeConcernsExport'
  | 'storeCheck'
  | 'enterprisesImport'
  | 'enterprisesTemplate'
  | 'tradeExposureImport'
  | 'warningLettersMake'
  | 'warningLettersBatch'
  | 'exportsFetch'
  | 'reportsFetch';
export type SyncChannel = Exclude<Channel, AsyncChannel>;

/** The bundled worker script the app runs long work on, and the addon it loads. */
export interface OffThreadWorker {
  script: string;
  execArgv?: string[];
  nativeBinding: string | null;
}

export type Handler<C extends Channel> = (ctx: BackendContext, input: ChannelParsedInput<C>) => ChannelOutput<C>;
/** `worker` is null where the backend has no worker script (the CLI, most tests): work stays on this thread. */
export type AsyncHandler<C extends Channel> = (
  ctx: BackendContext,
  input: ChannelParsedInput<C>,
  worker: OffThreadWorker | null,
) => Promise<ChannelOutput<C>>;

export type HandlerTable = { [C in SyncChannel]: Handler<C> };
export type AsyncHandlerTable = { [C in AsyncChannel]: AsyncHandler<C> };
/** The synchronous handlers of one domain: exactly the synchronous channels of its contract part. */
export type HandlersFor<Channels> = { [C in keyof Channels & SyncChannel]: Handler<C> };
/** The asynchronous handlers of one domain. */
export type AsyncHandlersFor<Channels> = { [C in keyof Channels & AsyncChannel]: AsyncHandler<C> };
