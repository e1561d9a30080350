import zlib from 'node:zlib';
import { Packer, type Document } from 'docx';

/** docx's own compiler: turns a Document into the package's files (XML text or bytes) by path. */
interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly never[]): Map<string, string | Uint8Array>;
}

/**
 * docx's compiler, taken from Packer. Backend calls are synchronous (fn(db, input) behind one
 * dispatcher), but Packer only hands out Promises although its compile and zip steps are
 * synchronous. The compile step is reused as is; only the zipping is done here. The docx
 * version is pinned in package.json and the tests compare this output with Packer's own.
 */
function docxCompiler(): DocxCompiler {
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  const compile: unknown = typeof compiler === 'object' && compiler !== null ? Reflect.get(compiler, 'compile') : undefined;
  if (typeof compile !== 'function') {
    throw new Error('The installed docx package no longer exposes Packer.compiler.compile; Word export needs updating for it');
  }
  return compiler as DocxCompiler;
}

// 1 January 2020, 00:00: a fixed stamp makes the same document give the same bytes.
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

interface Entry {
  name: Buffer;
  data: Buffer;
  deflated: Buffer;
  crc: number;
  offset: number;
}

/** A plain zip archive (deflate, UTF-8 names, no zip64: a letter is far below 4 GB). */
function zip(files: ReadonlyArray<[string, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), data, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(entry.crc >>> 0, 14);
    header.writeUInt32LE(entry.deflated.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    parts.push(header, entry.name, entry.deflated);
    offset += header.length + entry.name.length + entry.deflated.length;
    entries.push(entry);
  }
  const directoryStart = offset;
  for (const e of entries) {
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(e.offset, 42);
    parts.push(central, e.name);
    offset += central.length + e.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** The .docx bytes of a document, produced synchronously. */
export function packDocxSync(doc: Document): Buffer {
  const files = [...docxCompiler().compile(doc, undefined, [])].map(([name, data]): [string, Buffer] => [
    name,
    typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  ]);
  // Word does not insist, but [Content_Types].xml conventionally comes first.
  files.sort((a, b) => Number(b[0] === '[Content_Types].xml') - Number(a[0] === '[Content_Types].xml'));
  return zip(files);
}
