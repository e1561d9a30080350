import type { ImportEvent } from '../notifications/import/types';
import { contentHash, joinValues, prepareUnhashed, splitsBack, splitValues, type CodeBook, type PreparedRow, type WriterEvent } from './prepared-row';

/**
 * A record as it crosses from the parse worker to the writer: prepared there (column values,
 * content hash, code rows), as an array. A structured clone of an object writes every key with
 * every value and the receiving thread rebuilds each object key by key: for the 116,000
 * records of the bulk file that took 0.9 s to write and 0.8 s to read, against 0.8 s and 0.3 s
 * as arrays (v8.serialize and v8.deserialize in batches of 256).
 *
 * The parser's thread sets the pace of a large import (the writer waits for rows now and then;
 * the parser, given room for 96 batches instead of 8, never waited and the import took as
 * long), so the writer's thread takes what it can of the preparing:
 * - A clone costs the sender by the string, and most of a parsed record's strings are pieces
 *   it must first join into one: the 24 column values cross as the one text the content hash
 *   is made from (joinValues), which the writer splits. Cloning the bulk file's rows took 0.63 s
 *   on the parser's thread as values and 0.28 s this way, reading them back 0.25 s and 0.37 s.
 * - The writer computes the content hash from that text.
 * - Codes cross as numbers, each key's text once (CodeBook).
 * Rejections are rare and cross as they are.
 */
export type WireRow = [
  row: number, symbol: string, codes: number[], newCodes: string[], jointSymbols: string[],
  /** PreparedRow.joined, or the values themselves when that text does not split back into them. */
  values: string | Array<string | null>,
];

export type WireEvent = WireRow | Extract<ImportEvent, { kind: 'rejection' }>;

/** `book` numbers the codes of every row the worker sends in one import. */
export function toWire(event: ImportEvent, book: CodeBook): WireEvent {
  if (event.kind === 'rejection') return event;
  const p = prepareUnhashed(event.record, book);
  return [p.row, p.symbol, p.codes, p.newCodes, p.jointSymbols, splitsBack(p.joined, p.values) ? p.joined : p.values];
}

export function fromWire(event: WireEvent): WriterEvent {
  if (!Array.isArray(event)) return event;
  const packed = event[5];
  const joined = typeof packed === 'string' ? packed : joinValues(packed);
  const prepared: PreparedRow = {
    row: event[0],
    symbol: event[1],
    codes: event[2],
    newCodes: event[3],
    jointSymbols: event[4],
    values: typeof packed === 'string' ? splitValues(packed) : packed,
    joined,
    hash: contentHash(joined),
  };
  return { kind: 'prepared', prepared };
}
