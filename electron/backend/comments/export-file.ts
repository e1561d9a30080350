import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../../../shared/contract';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Larger files are not sent inline: the web renderer would hold them twice in memory. */
export const INLINE_LIMIT_BYTES = 20 * 1024 * 1024;

/** A file-name part made of ASCII letters, digits, dots and hyphens (G/TBT/N/SAU/9002 → G-TBT-N-SAU-9002). */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'document';
}

/**
 * Write an exported document into <dataDir>/exports/ (through a temporary name, so a reader
 * never sees half a file) and describe it; with `inline`, the bytes travel along as base64.
 */
export function writeExport(dataDir: string, fileName: string, bytes: Buffer, inline: boolean): ExportedFile {
  const dir = path.join(dataDir, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, fileName);
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, target);
  return {
    path: target,
    fileName,
    bytes: bytes.length,
    mediaType: DOCX_MEDIA_TYPE,
    base64: inline && bytes.length <= INLINE_LIMIT_BYTES ? bytes.toString('base64') : null,
  };
}
