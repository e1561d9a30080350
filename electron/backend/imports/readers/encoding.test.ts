import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../test/fixtures/eping-fixtures';
import { decodeBuffer, detectBom, detectBufferEncoding, detectFileEncoding, isUtf8File, sniffUtf16 } from './encoding';

const tmp = fixtureDir();
afterAll(() => tmp.cleanup());

describe('encoding detection', () => {
  it('recognises each byte-order mark', () => {
    expect(detectBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8-bom', bomBytes: 3 });
    expect(detectBom(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', bomBytes: 2 });
    expect(detectBom(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toEqual({ encoding: 'utf-16be', bomBytes: 2 });
    expect(detectBom(Buffer.from('Document symbol'))).toBeNull();
  });

  it('spots UTF-16 saved without a BOM by its zero bytes', () => {
    expect(sniffUtf16(Buffer.from('Document symbol,Title', 'utf16le'))).toBe('utf-16le');
    expect(sniffUtf16(iconv.encode('Document symbol,Title', 'utf-16be'))).toBe('utf-16be');
    expect(sniffUtf16(Buffer.from('Document symbol,Title'))).toBeNull();
  });

  it('tells UTF-8 from GB18030 and decodes Chinese text either way', () => {
    const text = 'Title\n电动汽车技术法规草案（锂电池）';
    const gb = iconv.encode(text, 'gb18030');
    expect(detectBufferEncoding(Buffer.from(text))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    expect(detectBufferEncoding(gb)).toEqual({ encoding: 'gb18030', bomBytes: 0 });
    expect(decodeBuffer(gb, detectBufferEncoding(gb))).toBe(text);
  });

  it('checks a large file chunk by chunk, even when a character straddles two chunks', async () => {
    // 1 MB chunks: put a three-byte character across the first boundary.
    const file = tmp.file('straddle.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(1024 * 1024 - 1, 0x41), Buffer.from('电池\n')]));
    expect(await isUtf8File(file)).toBe(true);
    expect(await detectFileEncoding(file)).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    const broken = tmp.file('broken.csv');
    fs.writeFileSync(broken, Buffer.concat([Buffer.alloc(2 * 1024 * 1024, 0x41), Buffer.from([0xe7, 0x94])]));
    expect(await isUtf8File(broken)).toBe(false);
  });
});
