/**
 * The full texts an analyst may keep with a notification, recognised by their first bytes as
 * well as by their name: an executable renamed to .pdf must not end up in the data folder, where
 * "open" hands it to the operating system.
 */

export type AttachmentKind = 'pdf' | 'docx' | 'doc' | 'xlsx' | 'txt' | 'html';

export interface AttachmentType {
  kind: AttachmentKind;
  label: string;
  extensions: readonly string[];
  mediaType: string;
}

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { kind: 'pdf', label: 'PDF', extensions: ['.pdf'], mediaType: 'application/pdf' },
  {
    kind: 'docx',
    label: 'DOCX',
    extensions: ['.docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  { kind: 'doc', label: 'DOC', extensions: ['.doc'], mediaType: 'application/msword' },
  {
    kind: 'xlsx',
    label: 'XLSX',
    extensions: ['.xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  { kind: 'txt', label: 'TXT', extensions: ['.txt'], mediaType: 'text/plain' },
  { kind: 'html', label: 'HTML', extensions: ['.html', '.htm'], mediaType: 'text/html' },
];

/** Larger files are refused: WTO and national regulation texts stay far below this. */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/** For a file picker's `accept` attribute and for messages. */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ATTACHMENT_TYPES.flatMap((t) => t.extensions);
export const ALLOWED_ATTACHMENT_LABELS = ATTACHMENT_TYPES.map((t) => t.label).join(', ');

export type AttachmentCheck = { ok: true; type: AttachmentType } | { ok: false; reason: string };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function isPdf(bytes: Uint8Array): boolean {
  // Readers accept the header anywhere in the first 1024 bytes; some generators prepend junk.
  const limit = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= limit; i += 1) if (startsWith(bytes, PDF, i)) return true;
  return false;
}

/**
 * Names of the entries in a zip file's central directory, read without inflating anything.
 * Null when the bytes are not a readable zip (including ZIP64, which Office never needs at
 * these sizes).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, ZIP_LOCAL) || bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder('utf-8');
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isOfficeOpenXml(bytes: Uint8Array, mainPart: string): boolean {
  const names = zipEntryNames(bytes);
  return names !== null && names.includes('[Content_Types].xml') && names.includes(mainPart);
}

function textEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-8' {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return 'utf-8';
}

/** Plain text in any single-byte-friendly encoding (UTF-8, GB18030) or UTF-16 with a BOM. */
function isText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (textEncoding(sample) !== 'utf-8') return sample.length % 2 === 0;
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls += 1;
  }
  // Binary formats are full of control bytes; text has next to none.
  return controls <= sample.length / 100;
}

function isHtml(bytes: Uint8Array): boolean {
  if (!isText(bytes)) return false;
  const head = new TextDecoder(textEncoding(bytes)).decode(bytes.subarray(0, 4096));
  return /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(head);
}

const CONTENT_CHECKS: Record<AttachmentKind, (bytes: Uint8Array) => boolean> = {
  pdf: isPdf,
  docx: (b) => isOfficeOpenXml(b, 'word/document.xml'),
  doc: (b) => startsWith(b, OLE2),
  xlsx: (b) => isOfficeOpenXml(b, 'xl/workbook.xml'),
  txt: isText,
  html: isHtml,
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

/**
 * Decide whether a file may be kept as an attachment: its extension must be one of the allowed
 * types and its content must really be of that type.
 */
export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentCheck {
  const allowed = `Allowed file types: ${ALLOWED_ATTACHMENT_LABELS}`;
  if (bytes.length === 0) return { ok: false, reason: `${fileName} is empty` };
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    return { ok: false, reason: `${fileName} is ${bytes.length} bytes; attachments are limited to ${MAX_ATTACHMENT_BYTES} bytes (100 MB)` };
  }
  const ext = extensionOf(fileName);
  const type = ATTACHMENT_TYPES.find((t) => t.extensions.includes(ext));
  if (!type) return { ok: false, reason: `${fileName} is not an allowed file type. ${allowed}` };
  if (!CONTENT_CHECKS[type.kind](bytes)) {
    return { ok: false, reason: `${fileName} is named ${ext} but its content is not a ${type.label} file. ${allowed}` };
  }
  return { ok: true, type };
}
