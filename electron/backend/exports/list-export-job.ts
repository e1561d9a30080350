import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { JobResult } from '../../../shared/contract/jobs';
import { todayOf } from '../../../shared/domain/clock';
import { writeCsv } from '../files/csv-writer';
import { writeXlsx } from '../files/xlsx-writer';
import { AppError } from '../errors';
import type { JobEnv } from '../jobs/job-kinds';
import type { JobParams } from '../jobs/job-protocol';
import { exportWords } from './export-words';
import { exportSource } from './list-sources';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv';

/** 通报列表-2026-12-08.xlsx, or -2, -3 ... when a file of that name is there already. */
export function freeFileName(dir: string, stem: string, extension: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}.${extension}`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/**
 * Write one list's filtered, sorted view as XLSX or CSV under <dataDir>/exports/: every row the
 * list would show, read in pages, written as it is read. A cancelled or failed export leaves no
 * file (the writers go through a temporary name).
 */
export async function runListExport(db: Database, params: JobParams['listExport'], env: JobEnv): Promise<JobResult<'listExport'>> {
  const { request, dataDir } = params;
  const today = todayOf(env.clock);
  env.progress({ phase: 'reading', done: 0, total: null });
  const source = exportSource(db, request, today);
  if (env.signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled; no file was written');
  const dir = path.join(dataDir, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const fileName = freeFileName(dir, `${exportWords(request.language).fileNames[request.list]}-${today}`, request.format);
  const target = path.join(dir, fileName);
  env.progress({ phase: 'writing', done: 0, total: source.total });
  const options = { signal: env.signal, onRows: (done: number) => env.progress({ phase: 'writing', done, total: source.total }) };
  const { rows } =
    request.format === 'xlsx' ? await writeXlsx(target, source.tables, options) : await writeCsv(target, source.tables, options);
  return {
    rows,
    file: {
      path: target,
      fileName,
      bytes: fs.statSync(target).size,
      mediaType: request.format === 'xlsx' ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE,
      base64: null,
    },
  };
}
