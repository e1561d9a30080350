import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Attachment } from '../../../shared/contract';

/**
 * Attachments live in the data folder by content: <dataDir>/attachments/<first 2 hex>/<sha256>.
 * The same full text kept with several notifications (a GSO draft notified by every Gulf
 * member) is stored once, and a damaged or swapped file is caught by its hash.
 */
export const ATTACHMENTS_DIR = 'attachments';
/** Named copies handed to the operating system; see openableCopy(). */
const OPENED_DIR = 'opened';
const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface AttachmentRow {
  id: number;
  notification_id: number;
  file_name: string;
  sha256: string;
  size: number;
  media_type: string;
  uid: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
}

/** Attachment rows with the name of who added them; callers add the WHERE. */
export const SELECT_ATTACHMENT = `SELECT t.*, a.name AS created_by_name FROM attachments t LEFT JOIN analysts a ON a.uid = t.created_by`;

export function toAttachment(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    notificationId: r.notification_id,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.media_type,
    addedAt: r.created_at,
    addedBy: r.created_by_name,
    addedById: r.created_by,
  };
}

export function listAttachments(db: Database, notificationId: number): Attachment[] {
  const rows = db
    .prepare(`${SELECT_ATTACHMENT} WHERE t.notification_id = ? AND t.deleted_at IS NULL ORDER BY t.created_at, t.id`)
    .all(notificationId) as AttachmentRow[];
  return rows.map(toAttachment);
}

export function attachmentsRoot(dataDir: string): string {
  return path.resolve(dataDir, ATTACHMENTS_DIR);
}

/** Where a blob lives; refuses anything that is not a sha256, so no path can be smuggled in. */
export function blobPath(dataDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a sha256 digest: ${sha256.slice(0, 80)}`);
  return path.join(attachmentsRoot(dataDir), sha256.slice(0, 2), sha256);
}

export function sha256Of(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Hash a file in chunks, so checking a 100 MB text does not hold it all in memory. */
export function sha256OfFile(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function fileMatches(file: string, sha256: string): boolean {
  try {
    return fs.statSync(file).isFile() && sha256OfFile(file) === sha256;
  } catch {
    return false;
  }
}

/**
 * Store bytes under their hash unless an intact copy is already there. Written to a temporary
 * name and renamed, so a crash never leaves a half-written blob under a valid name.
 * Returns true when this call wrote the blob.
 */
export function writeBlob(dataDir: string, sha256: string, bytes: Buffer): boolean {
  const target = blobPath(dataDir, sha256);
  if (fileMatches(target, sha256)) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temp, bytes, { flag: 'wx' });
  fs.renameSync(temp, target);
  return true;
}

/** Remove a blob and its opened copies; a copy still open in another program stays behind. */
export function deleteBlob(dataDir: string, sha256: string): void {
  const target = blobPath(dataDir, sha256);
  fs.rmSync(target, { force: true });
  try {
    fs.rmdirSync(path.dirname(target));
  } catch {
    // Other blobs share the folder.
  }
  try {
    fs.rmSync(path.join(attachmentsRoot(dataDir), OPENED_DIR, sha256), { recursive: true, force: true });
  } catch {
    // Windows keeps a file open in Word locked; the copy is harmless and goes with the next removal.
  }
}

/** Is the blob there and does its content still hash to the recorded digest? */
export function verifyBlob(dataDir: string, sha256: string): 'ok' | 'missing' | 'damaged' {
  const target = blobPath(dataDir, sha256);
  if (!fs.existsSync(target)) return 'missing';
  return fileMatches(target, sha256) ? 'ok' : 'damaged';
}

const UNSAFE_NAME = /[\\/:*?"<>|\p{Cc}]+/gu;

/** A file name every desktop system accepts, keeping the extension programs are chosen by. */
export function safeFileName(name: string, fallbackExtension: string): string {
  const ext = path.extname(name).replace(UNSAFE_NAME, '').slice(0, 10) || fallbackExtension;
  const stem = path
    .basename(name, path.extname(name))
    .replace(UNSAFE_NAME, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 100);
  return `${stem || 'attachment'}${ext}`;
}

/**
 * A read-only copy named like the original, for the system to open: blobs have no extension,
 * and Windows and macOS choose the program by extension. Lives under
 * <dataDir>/attachments/opened/<sha256>/, is checked against the hash like the blob, and is
 * read-only so that Word or Excel offer "Save as" instead of silently editing a stale copy.
 */
export function openableCopy(dataDir: string, sha256: string, fileName: string, fallbackExtension: string): string {
  const dir = path.join(attachmentsRoot(dataDir), OPENED_DIR, sha256);
  const target = path.join(dir, safeFileName(fileName, fallbackExtension));
  if (fileMatches(target, sha256)) return target;
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(target)) {
    fs.chmodSync(target, 0o644);
    fs.rmSync(target, { force: true });
  }
  fs.copyFileSync(blobPath(dataDir, sha256), target);
  fs.chmodSync(target, 0o444);
  if (!fileMatches(target, sha256)) throw new Error(`The copy of ${fileName} does not match its stored hash`);
  return target;
}
