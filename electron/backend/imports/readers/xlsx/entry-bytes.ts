import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * How the checks (inspect-xlsx.ts) and the reader (workbook-reader.ts) read a zip entry: its
 * stored bytes straight from the file in 1 MB pieces, inflated into 256 KB chunks. yauzl's own
 * streams read 16 KB at a time and inflate into 16 KB chunks, each a trip through libuv's thread
 * pool: inflating the bulk file's 197 MB of XML took 1.4 s of CPU that way and 0.4 s so.
 */
const READ_BYTES = 1024 * 1024;
const INFLATE_CHUNK_BYTES = 256 * 1024;

/** The `size` stored bytes of an entry whose data starts at `dataStart`. */
export function storedBytes(path: string, dataStart: number, size: number): Readable {
  return size === 0 ? Readable.from([]) : fs.createReadStream(path, { start: dataStart, end: dataStart + size - 1, highWaterMark: READ_BYTES });
}

/** An inflater for a deflated entry's stored bytes. */
export const createInflater = (): zlib.InflateRaw => zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES });
