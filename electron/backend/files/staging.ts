import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';
import { classifyFault, formatBytes } from '../faults/classify-error';

export interface StagedFile {
  fileRef: string;
  name: string;
  path: string;
  size: number;
  /** True when the staging area wrote the copy itself (an upload) and must remove it. */
  owned: boolean;
}

export const MAX_STAGED_FILE_BYTES = 250 * 1024 * 1024;
export const STAGING_FOLDER = 'staging';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Uploads left behind by a process that ended without cleaning up (a crash, a kill). Each
 * process stages into a folder named after its pid, so a CLI run never removes the uploads of
 * the app running beside it.
 */
export function removeLeftoverStaging(root: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = /^(\d+)-/.exec(entry.name);
    if (entry.isDirectory() && pid && processAlive(Number(pid[1]))) continue;
    fs.rmSync(path.join(root, entry.name), { recursive: true, force: true });
  }
}
const SAFE_NAME = /[^\p{L}\p{N}._\- ()]+/gu;

/**
 * Files handed to the backend by the user (an upload in web mode, a picked file in Electron)
 * get an opaque reference; handlers take the reference, never a path from the renderer.
 */
export class StagingArea {
  private readonly files = new Map<string, StagedFile>();
  private readonly dir: string;
  constructor(root: string) {
    this.dir = path.join(root, `${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  }

  /** Register a file the user picked in the desktop app's own dialog or file input. */
  addPath(filePath: string): StagedFile {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
    } catch {
      throw new AppError('NOT_FOUND', `The file ${path.basename(filePath)} cannot be read`);
    }
    if (!stat.isFile()) throw new AppError('VALIDATION', `${path.basename(filePath)} is not a file`);
    if (stat.size > MAX_STAGED_FILE_BYTES) {
      throw new AppError('IMPORT_REJECTED', `${path.basename(filePath)} is ${stat.size} bytes; the limit is ${MAX_STAGED_FILE_BYTES}`);
    }
    return this.register(path.basename(filePath), filePath, stat.size, false);
  }

  /** Write uploaded bytes into the staging folder. */
  addUpload(name: string, bytes: Buffer): StagedFile {
    if (bytes.length > MAX_STAGED_FILE_BYTES) {
      throw new AppError('IMPORT_REJECTED', `${name} is ${bytes.length} bytes; the limit is ${MAX_STAGED_FILE_BYTES}`);
    }
    fs.mkdirSync(this.dir, { recursive: true });
    const safe = path.basename(name).replace(SAFE_NAME, '_').slice(0, 120) || 'upload';
    const target = path.join(this.dir, `${crypto.randomUUID()}-${safe}`);
    fs.writeFileSync(target, bytes, { flag: 'wx' });
    return this.register(safe, target, bytes.length, true);
  }

  /**
   * Stream an upload to disk, never holding it in memory; over the limit it stops, removes
   * what it wrote and answers TOO_LARGE. A full disk is DISK_FULL, and nothing is left behind.
   */
  async addUploadStream(name: string, body: AsyncIterable<Buffer>, limit = MAX_STAGED_FILE_BYTES): Promise<StagedFile> {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
    } catch (e) {
      throw classifyFault(e, { path: this.dir }) ?? e;
    }
    const safe = path.basename(name).replace(SAFE_NAME, '_').slice(0, 120) || 'upload';
    const target = path.join(this.dir, `${crypto.randomUUID()}-${safe}`);
    let size = 0;
    const out = fs.createWriteStream(target, { flags: 'wx' });
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > limit) {
              throw new AppError('TOO_LARGE', `${safe} is over the limit of ${formatBytes(limit)} for an upload`, { limit, name: safe });
            }
            yield chunk;
          }
        },
        out,
      );
    } catch (e) {
      out.destroy();
      fs.rmSync(target, { force: true });
      throw classifyFault(e, { path: this.dir }) ?? e;
    }
    return this.register(safe, target, size, true);
  }

  resolve(fileRef: string): StagedFile {
    const f = this.files.get(fileRef);
    if (!f) throw new AppError('NOT_FOUND', 'The chosen file is no longer available; choose it again');
    return f;
  }

  release(fileRef: string): void {
    const f = this.files.get(fileRef);
    if (!f) return;
    this.files.delete(fileRef);
    if (f.owned) fs.rmSync(f.path, { force: true });
  }

  clear(): void {
    for (const ref of [...this.files.keys()]) this.release(ref);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private register(name: string, filePath: string, size: number, owned: boolean): StagedFile {
    const staged: StagedFile = { fileRef: crypto.randomBytes(16).toString('hex'), name, path: filePath, size, owned };
    this.files.set(staged.fileRef, staged);
    return staged;
  }
}
