import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { BackendContext } from './context';

export type Handler<C extends Channel> = (ctx: BackendContext, input: ChannelParsedInput<C>) => ChannelOutput<C>;
export type HandlerTable = { [C in Channel]: Handler<C> };
/** The handlers of one domain: exactly the channels of its contract part. */
export type HandlersFor<Channels> = { [C in keyof Channels & Channel]: Handler<C> };
