import type { ImportEvent } from './readers/types';
import { prepareRow, type PreparedRow, type WriterEvent } from './prepared-row';

/**
 * A record as it crosses from the parse worker to the writer: its column values (prepareRow),
 * as an array; the writer derives the rest (the content hash, a bulk load's code rows). The 24
 * values crossing as the one text the hash is made from cost the worker more, not less: 0.32-0.45 s
 * against 0.23-0.32 s for the bulk file's rows (v8.serialize in batches of 256). A structured
 * clone of an object writes every key with every value and the receiving thread rebuilds each
 * object key by key: for the 116,000 records of the bulk file that took 0.9 s to write and
 * 0.8 s to read, against 0.8 s and 0.3 s as arrays. Rejections are rare and cross as they are.
 */
export type WireRow = [row: number, symbol: string, jointSymbols: string[], ...values: Array<string | null>];

export type WireEvent = WireRow | Extract<ImportEvent, { kind: 'rejection' }>;

export function toWire(event: ImportEvent): WireEvent {
  if (event.kind === 'rejection') return event;
  const p = prepareRow(event.record);
  return [p.row, p.symbol, p.jointSymbols, ...p.values];
}

export function fromWire(event: WireEvent): WriterEvent {
  if (!Array.isArray(event)) return event;
  const prepared: PreparedRow = {
    row: event[0],
    symbol: event[1],
    jointSymbols: event[2],
    values: event.slice(3) as Array<string | null>,
  };
  return { kind: 'prepared', prepared };
}
