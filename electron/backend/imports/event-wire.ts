import type { ImportEvent } from '../notifications/import/types';
import { prepareRow, type PreparedRow, type WriterEvent } from './prepared-row';

/**
 * A record as it crosses from the parse worker to the writer: prepared there (column values,
 * content hash), as an array. The parser's thread sets the pace of a large import
 * (see the README's benchmark section), and preparing takes it about 1.1 s of the bulk file;
 * moving the hashing and a cheaper hand-over of the values to the writer made whole imports no
 * faster in alternating pairs. A structured clone of an object writes every key with every
 * value and the receiving thread rebuilds each object key by key: for the 116,000 records of
 * the bulk file that took 0.9 s to write and 0.8 s to read, against 0.8 s and 0.3 s as arrays
 * (v8.serialize and v8.deserialize in batches of 256). Rejections are rare and cross as they are.
 */
export type WireRow = [row: number, symbol: string, hash: string, jointSymbols: string[], ...values: Array<string | null>];

export type WireEvent = WireRow | Extract<ImportEvent, { kind: 'rejection' }>;

export function toWire(event: ImportEvent): WireEvent {
  if (event.kind === 'rejection') return event;
  const p = prepareRow(event.record);
  return [p.row, p.symbol, p.hash, p.jointSymbols, ...p.values];
}

export function fromWire(event: WireEvent): WriterEvent {
  if (!Array.isArray(event)) return event;
  const prepared: PreparedRow = {
    row: event[0],
    symbol: event[1],
    hash: event[2],
    jointSymbols: event[3],
    values: event.slice(4) as Array<string | null>,
  };
  return { kind: 'prepared', prepared };
}
