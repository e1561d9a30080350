import fs from 'node:fs';
import path from 'node:path';
import { nowIso, type Clock } from '../../../shared/domain/clock';

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'pingyi.log';
/** Rotated at about 1 MB; with three older files kept a support person gets some 4 MB of history. */
export const LOG_ROTATE_BYTES = 1024 * 1024;
export const LOG_KEEP = 3;

export interface ErrorLog {
  readonly file: string;
  /** Append an unexpected error with its stack; never throws (logging must not add a failure). */
  write(source: string, error: unknown): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/**
 * INTERNAL errors are written here, not shown to the analyst: the message on screen stays short
 * and the stack waits in the data folder for whoever supports the workstation.
 */
export function createErrorLog(dataDir: string, clock: Clock, limits = { rotateBytes: LOG_ROTATE_BYTES, keep: LOG_KEEP }): ErrorLog {
  const dir = path.join(dataDir, LOG_FOLDER);
  const file = path.join(dir, LOG_FILE);
  const rotated = (n: number): string => path.join(dir, `pingyi.${n}.log`);
  const rotate = (): void => {
    fs.rmSync(rotated(limits.keep), { force: true });
    for (let n = limits.keep - 1; n >= 1; n--) {
      if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    }
    fs.renameSync(file, rotated(1));
  };
  return {
    file,
    write(source, error) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const entry = `${nowIso(clock)} [${source}] ${describe(error).replace(/\n/g, '\n    ')}\n`;
        let size = 0;
        try {
          size = fs.statSync(file).size;
        } catch {
          size = 0;
        }
        if (size > 0 && size + Buffer.byteLength(entry) > limits.rotateBytes) rotate();
        fs.appendFileSync(file, entry);
      } catch {
        // A full or read-only disk must not turn one failure into two; the caller already answers.
      }
    },
  };
}
