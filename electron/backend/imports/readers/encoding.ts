import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { TextEncoding } from './types';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip before decoding. */
  bomBytes: number;
}

/** A byte-order mark settles the question at once. */
export function detectBom(head: Uint8Array): DetectedEncoding | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8-bom', bomBytes: 3 };
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return null;
}

/**
 * UTF-16 saved without a BOM: the ASCII header row puts a zero byte in every other position.
 * UTF-8 and GB18030 text never holds zero bytes.
 */
export function sniffUtf16(head: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Length of the prefix of buf that ends on a UTF-8 character boundary. */
function completeUtf8Prefix(buf: Uint8Array): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i < need ? i : buf.length;
}

/**
 * Whether a whole file is valid UTF-8, read in chunks so a 200 MB CSV is never held at once.
 * Stops at the first invalid chunk: Chinese exports from Excel are GB18030 from the first line.
 */
export async function isUtf8File(path: string, start = 0): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(path, { start, highWaterMark: 1024 * 1024 })) {
    const buf: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = completeUtf8Prefix(buf);
    if (!isUtf8(buf.subarray(0, cut))) return false;
    carry = buf.subarray(cut);
  }
  return carry.length === 0;
}

/** Detect a text file's encoding: BOM, then UTF-16 zero bytes, then valid UTF-8, else GB18030. */
export async function detectFileEncoding(path: string): Promise<DetectedEncoding> {
  const handle = await fs.promises.open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const bom = detectBom(head);
  if (bom) return bom;
  const utf16 = sniffUtf16(head);
  if (utf16) return { encoding: utf16, bomBytes: 0 };
  return { encoding: (await isUtf8File(path)) ? 'utf-8' : 'gb18030', bomBytes: 0 };
}

/** The same detection for a buffer already in memory (JSON files). */
export function detectBufferEncoding(buf: Uint8Array): DetectedEncoding {
  const bom = detectBom(buf);
  if (bom) return bom;
  const utf16 = sniffUtf16(buf);
  if (utf16) return { encoding: utf16, bomBytes: 0 };
  return { encoding: isUtf8(buf) ? 'utf-8' : 'gb18030', bomBytes: 0 };
}

const ICONV_NAME: Record<TextEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
};

export function decodeBuffer(buf: Buffer, detected: DetectedEncoding): string {
  const body = buf.subarray(detected.bomBytes);
  if (detected.encoding === 'utf-8' || detected.encoding === 'utf-8-bom') return body.toString('utf8');
  return iconv.decode(body, ICONV_NAME[detected.encoding], { stripBOM: false });
}

/** A transform from the file's bytes to UTF-8 text; null when the bytes are UTF-8 already. */
export function decoderFor(encoding: TextEncoding): NodeJS.ReadWriteStream | null {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return null;
  return iconv.decodeStream(ICONV_NAME[encoding], { stripBOM: false });
}
