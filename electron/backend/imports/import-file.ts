import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportReport } from '../../../shared/contract/imports';
import { AppError } from '../errors';
import { readNotificationsFile, type ImportLimits } from '../notifications/import';
import { writeNotifications } from './write-notifications';

export interface ImportFileOptions {
  fileName?: string;
  actor: string;
  signal?: AbortSignal;
  limits?: Partial<ImportLimits>;
  onProgress?: (p: { phase: 'hashing' | 'reading'; done: number; total: number | null; rows: number }) => void;
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Import one ePing export (XLSX or CSV) or WTO API JSON file: bounded, streamed parsing feeding
 * a single-transaction write. Progress is the share of the file's bytes read so far.
 */
export async function importNotificationsFile(db: Database, filePath: string, options: ImportFileOptions): Promise<ImportReport> {
  const fileName = options.fileName ?? path.basename(filePath);
  let size: number;
  try {
    size = fs.statSync(filePath).size;
  } catch {
    throw new AppError('NOT_FOUND', `The file ${fileName} cannot be read`);
  }
  options.onProgress?.({ phase: 'hashing', done: 0, total: size, rows: 0 });
  const fileSha256 = await sha256File(filePath);
  const reading = readNotificationsFile(filePath, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    onProgress: (rows, bytesRead, totalBytes) => options.onProgress?.({ phase: 'reading', done: bytesRead, total: totalBytes, rows }),
  });
  const facts = (): { format: string; encoding: string | null; rowsRead: number } => {
    const r = reading.report();
    if (!r) throw new AppError('INTERNAL', 'The file was read but its format was never determined');
    return r;
  };
  return writeNotifications(
    db,
    reading,
    facts,
    { fileName, fileSize: size, fileSha256, actor: options.actor },
    options.signal ? { signal: options.signal } : {},
  );
}
