import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Backend } from '../backend/backend';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  /** Typed call into the backend through the same validation as IPC and HTTP. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C>;
  backend: Backend;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  json: boolean;
  io: CliIo;
}

export interface CliCommand {
  summary: string;
  usage: string;
  /** Flags beyond the global --data-dir, --json and --help. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** Returns the process exit code. */
  run(ctx: CommandContext): number | Promise<number>;
}

