import type { Database } from 'better-sqlite3';
import type { ImportReport, ImportSummary, RowRejection } from '../../../shared/contract/imports';
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
  rejections: string;
}

function toSummary(r: ImportRow): ImportSummary {
  return {
    importId: r.id,
    fileName: r.file_name,
    fileSize: r.file_size,
    format: r.format,
    encoding: r.encoding,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    actor: r.actor,
    rowsRead: r.inserted + r.updated + r.unchanged + r.rejected,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
  };
}

export function listImports(db: Database, limit: number): ImportSummary[] {
  const rows = db
    .prepare('SELECT id, file_name, file_size, format, encoding, started_at, finished_at, actor, inserted, updated, unchanged, rejected, \'[]\' AS rejections FROM imports ORDER BY id DESC LIMIT ?')
    .all(limit) as ImportRow[];
  return rows.map(toSummary);
}

export function getImport(db: Database, id: number): ImportReport {
  const row = db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
  if (!row) throw notFound('import', id);
  return { ...toSummary(row), rejections: JSON.parse(row.rejections) as RowRejection[] };
}
