import type { Database } from 'better-sqlite3';
import type { ImportRefusal, ImportReport, ImportSummary, RowNotice, RowRejection } from '../../../shared/contract/imports';
import { notFound } from '../errors';

interface ImportRow {
  id: number;
  file_name: string;
  file_size: number;
  format: string;
  encoding: string | null;
  started_at: string;
  finished_at: string;
  actor: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  noticed: number;
  rows_read: number | null;
  status: 'done' | 'refused';
  refusal: string | null;
  rejections: string;
  notices: string;
}

const SUMMARY_COLUMNS =
  'id, file_name, file_size, format, encoding, started_at, finished_at, actor, inserted, updated, unchanged, rejected, noticed, rows_read, status, refusal';

function toSummary(r: Omit<ImportRow, 'rejections' | 'notices'>): ImportSummary {
  return {
    importId: r.id,
    // The warnings pass is reported when the import ends; the history keeps only the import's own figures.
    warnings: null,
    fileName: r.file_name,
    fileSize: r.file_size,
    format: r.format,
    encoding: r.encoding,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    actor: r.actor,
    rowsRead: r.rows_read ?? r.inserted + r.updated + r.unchanged + r.rejected,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    noticed: r.noticed,
    status: r.status,
    refusal: r.refusal === null ? null : (JSON.parse(r.refusal) as ImportRefusal),
  };
}

export function listImports(db: Database, limit: number): ImportSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM imports ORDER BY id DESC LIMIT ?`).all(limit) as ImportRow[];
  return rows.map(toSummary);
}

export function getImport(db: Database, id: number): ImportReport {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, rejections, notices FROM imports WHERE id = ?`).get(id) as ImportRow | undefined;
  if (!row) throw notFound('import', id);
  return {
    ...toSummary(row),
    rejections: JSON.parse(row.rejections) as RowRejection[],
    notices: JSON.parse(row.notices) as RowNotice[],
  };
}

export interface RefusedFile {
  fileName: string;
  fileSize: number;
  fileSha256: string;
  format: string;
  encoding: string | null;
  startedAt: string;
  finishedAt: string;
  actor: string;
  rowsRead: number;
}

/**
 * Keep a refused file in the history with its reason, in a transaction of its own: the
 * import's transaction has been rolled back, so nothing else from the file is written.
 */
export function recordRefusedImport(db: Database, file: RefusedFile, refusal: ImportRefusal): ImportReport {
  const id = Number(
    db
      .prepare(
        `INSERT INTO imports (file_name, file_sha256, file_size, format, encoding, started_at, finished_at, actor,
           inserted, updated, unchanged, rejected, noticed, rows_read, status, refusal)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, 'refused', ?)`,
      )
      .run(file.fileName, file.fileSha256, file.fileSize, file.format, file.encoding, file.startedAt, file.finishedAt,
        file.actor, file.rowsRead, JSON.stringify(refusal)).lastInsertRowid,
  );
  return getImport(db, id);
}
