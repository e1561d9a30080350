import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../../../shared/contract';
import type { exportChannels } from '../../../shared/contract/exports';
import { nowIso } from '../../../shared/domain/clock';
import { AppError } from '../errors';
import type { AsyncHandlersFor, HandlersFor } from '../handler-types';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from './list-export-job';

const MEDIA_TYPES: Record<string, string> = {
  '.xlsx': XLSX_MEDIA_TYPE,
  '.csv': CSV_MEDIA_TYPE,
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

/**
 * The largest export or report the window is sent whole. A list of every notification is about
 * 9 MB as XLSX and 22 MB as CSV; the limit leaves room for a store a few times that size, while
 * the web page's two copies of it (the text and the bytes) stay well within a tab's memory.
 */
export const EXPORT_INLINE_LIMIT_BYTES = 96 * 1024 * 1024;

/**
 * A file under <dataDir>/exports/ with its bytes inline. The contract refuses names with a
 * directory part; the resolved path is checked to stay in the folder all the same.
 */
export async function fetchExportFile(dataDir: string, fileName: string): Promise<ExportedFile> {
  const dir = path.resolve(dataDir, 'exports');
  const target = path.resolve(dir, fileName);
  if (path.dirname(target) !== dir) throw new AppError('VALIDATION', `"${fileName}" is not a file of the exports folder`, { field: 'fileName' });
  let size: number;
  try {
    const stat = await fs.promises.stat(target);
    if (!stat.isFile()) throw new AppError('NOT_FOUND', `No exported file is named "${fileName}"`, { fileName });
    size = stat.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('NOT_FOUND', `No exported file is named "${fileName}"`, { fileName });
  }
  if (size > EXPORT_INLINE_LIMIT_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `"${fileName}" is ${Math.ceil(size / 1024 / 1024)} MB, more than the ${EXPORT_INLINE_LIMIT_BYTES / 1024 / 1024} MB the window can receive; open it in ${dir}`,
      { fileName, bytes: size, limit: EXPORT_INLINE_LIMIT_BYTES, path: target },
    );
  }
  const bytes = await fs.promises.readFile(target);
  return {
    path: target,
    fileName,
    bytes: bytes.length,
    mediaType: MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream',
    base64: bytes.toString('base64'),
  };
}

export const exportHandlers: HandlersFor<typeof exportChannels> = {
  exportsStart: (ctx, input) => {
    const state = ctx.jobs.start({
      kind: 'listExport',
      input: { list: input.list, format: input.format },
      params: { request: input, dataDir: ctx.dataDir },
      startedAt: nowIso(ctx.clock),
    });
    return { jobId: state.jobId };
  },
};

export const exportAsyncHandlers: AsyncHandlersFor<typeof exportChannels> = {
  exportsFetch: (ctx, input) => fetchExportFile(ctx.dataDir, input.fileName),
};
