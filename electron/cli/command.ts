import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Clock } from '../../shared/domain/clock';
import type { Backend } from '../backend/backend';
import type { SyncChannel } from '../backend/handler-types';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  /** Typed call into the backend through the same validation as IPC and HTTP. */
  call<C extends SyncChannel>(channel: C, input: ChannelInput<C>): ChannelOutput<C>;
  /** The same for any channel, the asynchronous ones (Word export, the store check) included. */
  callAsync<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  backend: Backend;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  json: boolean;
  io: CliIo;
  /** Says what is wrong with the command line, with the command's usage; returns exit code 2. */
  usageError(message: string): number;
}

/** What a command gets when the store could not be opened (see CliCommand.recover). */
export interface RecoveryContext {
  dataDir: string;
  clock: Clock;
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  json: boolean;
  io: CliIo;
  usageError(message: string): number;
}

export interface CliCommand {
  summary: string;
  usage: string;
  /** Flags beyond the global --data-dir, --as, --json and --help. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** Returns the process exit code. */
  run(ctx: CommandContext): number | Promise<number>;
  /**
   * Runs instead of `run` when the store cannot be opened (damaged, unreadable), for the work
   * that needs no store (listing and restoring backups). Null: not this invocation; the error
   * that stopped the store is reported as usual.
   */
  recover?(ctx: RecoveryContext): number | null | Promise<number | null>;
}


/** A command line the command cannot run: the reason and its usage on stderr, exit code 2. */
export function usageError(io: CliIo, name: string, command: CliCommand, message: string): number {
  io.err(`pingyi ${name}: ${message}\nUsage: ${command.usage}`);
  return 2;
}
