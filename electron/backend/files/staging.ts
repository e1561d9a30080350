import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

export interface StagedFile {
  fileRef: string;
  name: string;
  path: string;
  size: number;
  /** True when the staging area wrote the copy itself (an upload) and must remove it. */
  owned: boolean;
}

export const MAX_STAGED_FILE_BYTES = 250 * 1024 * 1024;
const SAFE_NAME = /[^\p{L}\p{N}._\- ()]+/gu;

/**
 * Files handed to the backend by the user (an upload in web mode, a picked file in Electron)
 * get an opaque reference; handlers take the reference, never a path from the renderer.
 */
export class StagingArea {
  private readonly files = new Map<string, StagedFile>();
  constructor(private readonly dir: string) {}

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
  }

  private register(name: string, filePath: string, size: number, owned: boolean): StagedFile {
    const staged: StagedFile = { fileRef: crypto.randomBytes(16).toString('hex'), name, path: filePath, size, owned };
    this.files.set(staged.fileRef, staged);
    return staged;
  }
}
