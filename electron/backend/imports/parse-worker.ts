import type { MessagePort } from 'node:worker_threads';
import { readNotificationsFile } from './readers';
import { AppError } from '../errors';
import { toWire, type WireEvent } from './event-wire';
import { MAX_BATCHES_AHEAD, type ParseWorkerData, type ParseWorkerMessage, type ToParseWorkerMessage } from './parse-in-worker';

const BATCH = 256;

/** Body of a parse worker: stream the file, post events in batches, wait when too far ahead. */
export async function runParseWorker(port: MessagePort, data: ParseWorkerData): Promise<void> {
  const send = (m: ParseWorkerMessage): void => port.postMessage(m);
  let inFlight = 0;
  let resume: (() => void) | null = null;
  // Settles when the caller has checked the workbook's other parts (sharedChecks).
  let othersChecked: () => void = () => undefined;
  const checked = new Promise<void>((resolve) => (othersChecked = resolve));
  port.on('message', (m: ToParseWorkerMessage) => {
    if (m.type === 'checked') {
      othersChecked();
      return;
    }
    inFlight -= m.batches;
    resume?.();
  });
  let progress = { rowsRead: 0, bytesRead: 0, totalBytes: 0 };
  const reading = readNotificationsFile(data.filePath, {
    ...(data.limits ? { limits: data.limits } : {}),
    ...(data.sharedChecks ? { sharedChecks: { othersChecked: () => checked } } : {}),
    onProgress: (rowsRead, bytesRead, totalBytes) => {
      progress = { rowsRead, bytesRead, totalBytes };
      // Before the first row there is no batch to carry it (a workbook's checks).
      if (rowsRead === 0) send({ type: 'progress', ...progress });
    },
  });
  let batch: WireEvent[] = [];
  const flush = async (): Promise<void> => {
    send({ type: 'events', events: batch, report: reading.report(), ...progress });
    batch = [];
    inFlight += 1;
    while (inFlight >= MAX_BATCHES_AHEAD) await new Promise<void>((r) => (resume = r));
    resume = null;
  };
  try {
    for await (const event of reading) {
      batch.push(toWire(event));
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    send({ type: 'end', report: reading.report() });
  } catch (e) {
    const error = e instanceof AppError ? e.toBody() : { code: 'INTERNAL' as const, message: (e as Error)?.message ?? String(e) };
    send({ type: 'error', error });
  } finally {
    port.close();
  }
}
