import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { fromWire, type WireEvent } from './event-wire';
import type { WriterEvent } from './prepared-row';
import { fileFormat, resolveLimits, type FileReport, type NotificationsFileReading, type ReadNotificationsOptions } from './readers';
import { inspectXlsx, isWorksheetPart } from './readers/inspect-xlsx';

/** Messages from a parse worker: batches of events, then the file report or the error. */
export type ParseWorkerMessage =
  | { type: 'events'; events: WireEvent[]; report: FileReport | null; rowsRead: number; bytesRead: number; totalBytes: number }
  | { type: 'progress'; rowsRead: number; bytesRead: number; totalBytes: number }
  | { type: 'end'; report: FileReport | null }
  | { type: 'error'; error: { code: string; message: string; details?: unknown } };

export interface ParseWorkerData {
  role: 'parse';
  filePath: string;
  limits?: ReadNotificationsOptions['limits'];
  /** The caller checks a workbook's parts other than its worksheets and says 'checked'. */
  sharedChecks?: boolean;
}

/** Messages to a parse worker. */
export type ToParseWorkerMessage = { type: 'ack'; batches: number } | { type: 'checked' };

/** Old-generation heap cap of the parser thread. */
const PARSER_HEAP_LIMIT_MB = 512;
/**
 * Young generation of the parser thread. The default (48 MB) is small for a parser that makes
 * some 300 MB of short-lived strings a file: reading the bulk file on the worker took 7.4-8.3 s
 * with it against 6.8-7.0 s with 64 MB (`node --import tsx bench/child.ts parse-worker FILE`,
 * three alternating pairs). 32 MB was far slower (10.7-12 s), 256 MB no faster.
 */
const PARSER_YOUNG_GENERATION_MB = 64;

/** Batches in flight before the parser waits for the writer: bounds memory on a slow disk. */
const MAX_BATCHES_AHEAD = 8;

/**
 * Read a notifications file on a worker thread, so that parsing runs on one core while the
 * caller writes to SQLite on another. The events of readNotificationsFile on this thread, in
 * the same order, except that each record arrives prepared for the writer (prepareRow, done on
 * the worker), and that an `idle` event comes whenever the worker has nothing ready yet.
 *
 * A workbook's checks (inspect-xlsx.ts), which must pass before anything is parsed, are split:
 * while the worker starts and checks the worksheets, this thread, which has nothing to write
 * yet, checks the other parts (the shared strings are two thirds of the bulk file). The worker
 * parses only once this thread says every other part passed. On the bulk file the import was
 * 0.4-0.9 s faster (five alternating pairs of `bench/child.ts import`).
 */
export function readNotificationsFileInWorker(
  script: string,
  filePath: string,
  options: ReadNotificationsOptions = {},
): NotificationsFileReading<WriterEvent> {
  let report: FileReport | null = null;
  async function* run(): AsyncGenerator<WriterEvent> {
    // A file that cannot be read is the worker's to report.
    const workbook = await fileFormat(filePath).then((f) => f === 'eping-xlsx', () => false);
    const data: ParseWorkerData = {
      role: 'parse',
      filePath,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(workbook ? { sharedChecks: true } : {}),
    };
    // A safety net, not a budget: the shared strings live outside this heap, but a limit near
    // what the bulk file needs would fail legitimate exports larger than it.
    const worker = new Worker(script, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: PARSER_HEAP_LIMIT_MB, maxYoungGenerationSizeMb: PARSER_YOUNG_GENERATION_MB },
    });
    const queue: ParseWorkerMessage[] = [];
    let wake: (() => void) | null = null;
    let exited = false;
    worker.on('message', (m: ParseWorkerMessage) => {
      queue.push(m);
      wake?.();
    });
    worker.on('error', (e) => {
      queue.push({ type: 'error', error: { code: 'INTERNAL', message: `The file reader failed: ${e.message}` } });
      wake?.();
    });
    worker.on('exit', () => {
      exited = true;
      wake?.();
    });
    const onAbort = (): void => void worker.terminate();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const checks = new AbortController();
    if (workbook) {
      inspectXlsx(filePath, resolveLimits(options.limits), checks.signal, undefined, (name) => !isWorksheetPart(name)).then(
        () => worker.postMessage({ type: 'checked' } satisfies ToParseWorkerMessage),
        (e: unknown) => {
          if (checks.signal.aborted) return;
          const error = e instanceof AppError ? e.toBody() : { code: 'INTERNAL', message: `The file could not be checked: ${String(e)}` };
          queue.push({ type: 'error', error });
          wake?.();
        },
      );
    }
    let unacked = 0;
    // The writer hears once per wait that nothing is ready (see WriterEvent).
    let idleSaid = false;
    try {
      for (;;) {
        if (options.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed');
        const m = queue.shift();
        if (!m) {
          if (exited) throw new AppError('INTERNAL', 'The file reader stopped before the end of the file');
          if (!idleSaid) {
            idleSaid = true;
            yield { kind: 'idle' };
            continue;
          }
          await new Promise<void>((r) => (wake = r));
          wake = null;
          continue;
        }
        idleSaid = false;
        if (m.type === 'error') throw new AppError(m.error.code as AppError['code'], m.error.message, m.error.details);
        if (m.type === 'end') {
          report = m.report;
          return;
        }
        if (m.type === 'progress') {
          options.onProgress?.(m.rowsRead, m.bytesRead, m.totalBytes);
          continue;
        }
        report = m.report;
        options.onProgress?.(m.rowsRead, m.bytesRead, m.totalBytes);
        for (const e of m.events) yield fromWire(e);
        unacked += 1;
        if (unacked >= MAX_BATCHES_AHEAD / 2) {
          worker.postMessage({ type: 'ack', batches: unacked });
          unacked = 0;
        }
      }
    } finally {
      checks.abort();
      options.signal?.removeEventListener('abort', onAbort);
      if (!exited) await worker.terminate();
    }
  }
  return { [Symbol.asyncIterator]: () => run(), report: () => report };
}

export { MAX_BATCHES_AHEAD };
