import { describe, expect, it } from 'vitest';
import { checkAttachment, zipEntryNames } from './attachment-types';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A zip of empty stored entries: enough for the central-directory reader. */
function fakeZip(names: string[]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (arr: number[], v: number) => arr.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (arr: number[], v: number) => arr.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  for (const name of names) {
    const offset = out.length;
    const bytes = Array.from(ascii(name));
    // Local header: signature, version, flags, method, time, date, crc, sizes, name and extra length.
    u32(out, 0x04034b50);
    for (const v of [20, 0, 0, 0, 0]) u16(out, v);
    for (const v of [0, 0, 0]) u32(out, v);
    u16(out, bytes.length);
    u16(out, 0);
    out.push(...bytes);
    // Central header: as above plus comment length, disk, attributes and the local offset.
    u32(central, 0x02014b50);
    for (const v of [20, 20, 0, 0, 0, 0]) u16(central, v);
    for (const v of [0, 0, 0]) u32(central, v);
    for (const v of [bytes.length, 0, 0, 0, 0]) u16(central, v);
    u32(central, 0);
    u32(central, offset);
    central.push(...bytes);
  }
  const cdOffset = out.length;
  out.push(...central);
  u32(out, 0x06054b50);
  for (const v of [0, 0, names.length, names.length]) u16(out, v);
  u32(out, central.length);
  u32(out, cdOffset);
  u16(out, 0);
  return Uint8Array.from(out);
}

describe('zipEntryNames', () => {
  it('reads the names of a zip without inflating it', () => {
    expect(zipEntryNames(fakeZip(['[Content_Types].xml', 'word/document.xml']))).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });

  it('is null for what is not a zip', () => {
    expect(zipEntryNames(ascii('PK but not really'))).toBeNull();
    expect(zipEntryNames(ascii('%PDF-1.4'))).toBeNull();
  });
});

describe('checkAttachment', () => {
  it('accepts each allowed type by extension and content', () => {
    expect(checkAttachment('draft.pdf', ascii('%PDF-1.7\n%%EOF\n'))).toMatchObject({ ok: true, type: { kind: 'pdf', mediaType: 'application/pdf' } });
    expect(checkAttachment('GSO draft.DOCX', fakeZip(['[Content_Types].xml', 'word/document.xml']))).toMatchObject({ ok: true, type: { kind: 'docx' } });
    expect(checkAttachment('limits.xlsx', fakeZip(['[Content_Types].xml', 'xl/workbook.xml']))).toMatchObject({ ok: true, type: { kind: 'xlsx' } });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(checkAttachment('old.doc', ole)).toMatchObject({ ok: true, type: { kind: 'doc' } });
    expect(checkAttachment('译文.txt', ascii('技术法规 译文\r\nLine two\n'))).toMatchObject({ ok: true, type: { kind: 'txt' } });
    expect(checkAttachment('page.htm', ascii('\uFEFF<!DOCTYPE html><html><body>x</body></html>'))).toMatchObject({ ok: true, type: { kind: 'html' } });
  });

  it('refuses an executable renamed to .pdf and names the allowed types', () => {
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const r = checkAttachment('notice.pdf', exe);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not a PDF file.*PDF, DOCX, DOC, XLSX, TXT, HTML/);
  });

  it('refuses other extensions and mismatched office files', () => {
    expect(checkAttachment('setup.exe', ascii('%PDF-1.4'))).toMatchObject({ ok: false });
    expect(checkAttachment('noextension', ascii('hello'))).toMatchObject({ ok: false });
    expect(checkAttachment('sheet.docx', fakeZip(['[Content_Types].xml', 'xl/workbook.xml']))).toMatchObject({ ok: false });
    expect(checkAttachment('binary.txt', Uint8Array.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false });
    expect(checkAttachment('plain.html', ascii('just some words'))).toMatchObject({ ok: false });
    expect(checkAttachment('empty.pdf', new Uint8Array())).toMatchObject({ ok: false });
  });
});
