import { parseArgs } from 'node:util';
import { clockFromEnv } from '../../shared/domain/clock';
import { ApiError } from '../../shared/result';
import { startBackend } from '../backend/backend';
import { actAsOnConnection } from '../backend/analysts/analysts';
import { AppError } from '../backend/errors';
import { classifyFault } from '../backend/faults/classify-error';
import { resolveDataDir } from '../backend/paths';
import { APP_VERSION } from '../backend/version';
import { EXIT_DAMAGED } from './check-command';
import { usageError, type CliIo } from './command';
import { commands } from './commands';

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(io: CliIo): void {
  io.out('Usage: pingyi <command> [--data-dir DIR] [--as NAME] [--json]\n');
  io.out('Commands:');
  for (const [name, c] of Object.entries(commands)) io.out(`  ${name.padEnd(12)} ${c.summary}`);
  io.out('\nThe data folder defaults to the desktop app\'s; PINGYI_DATA_DIR or --data-dir overrides it.');
  io.out('Writes are recorded as by the analyst this workstation acts as; --as NAME acts as another active analyst for this command.');
}

/** Run one CLI invocation; returns the exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`pingyi: unknown command '${name}'. Run 'pingyi --help' for the list.`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...(command.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return usageError(io, name, command, (e as Error).message);
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  if (flags.help) {
    io.out(`${command.summary}\nUsage: ${command.usage}`);
    return 0;
  }
  const json = flags.json === true;
  const dataDir = typeof flags['data-dir'] === 'string' ? flags['data-dir'] : resolveDataDir(env);
  let backend;
  try {
    // A stale search index is rebuilt before a search (search-command.ts), not by every command.
    backend = await startBackend({ dataDir, appVersion: APP_VERSION, clock: clockFromEnv(env.PINGYI_NOW), reindexWhenStale: false });
  } catch (e) {
    if (command.recover) {
      try {
        const recovered = await command.recover({
          dataDir,
          clock: clockFromEnv(env.PINGYI_NOW),
          positionals: parsed.positionals,
          flags,
          json,
          io,
          usageError: (message) => usageError(io, name, command, message),
        });
        if (recovered !== null) return recovered;
      } catch (inner) {
        return reportError(inner, json, io);
      }
    }
    const code = reportError(e, json, io);
    // A store too damaged to open is what `check` looks for: the same exit code as damage found.
    return name === 'check' && e instanceof AppError && e.code === 'DB_CORRUPT' ? EXIT_DAMAGED : code;
  }
  try {
    if (typeof flags.as === 'string') actAsOnConnection(backend.ctx.db, flags.as.trim());
    return await command.run({
      call: (channel, input) => backend.call(channel, input),
      callAsync: (channel, input) => backend.callAsync(channel, input),
      backend,
      positionals: parsed.positionals,
      flags,
      json,
      io,
      usageError: (message) => usageError(io, name, command, message),
    });
  } catch (e) {
    return reportError(e, json, io);
  } finally {
    backend.close();
  }
}

function reportError(e: unknown, json: boolean, io: CliIo): number {
  // A fault of the store met outside a handler (opening it, a lock held by the app) keeps its code.
  const fault = e instanceof ApiError ? e : classifyFault(e);
  const body = fault
    ? { code: fault.code, message: fault.message, details: fault.details }
    : { code: 'INTERNAL', message: (e as Error)?.message ?? String(e) };
  if (json) io.out(JSON.stringify({ ok: false, error: body }));
  else io.err(`pingyi: ${body.code}: ${body.message}`);
  return 1;
}
