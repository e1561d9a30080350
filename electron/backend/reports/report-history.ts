import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ExportedFile } from '../../../shared/contract';
import { ReportParams, type ReportFileEntry, type ReportFormat, type ReportKind, type ReportRecord } from '../../../shared/contract/reports';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../../../shared/domain/clock';
import { tombstoneStamp } from '../db/record-identity';
import { AppError, notFound } from '../errors';
import { EXPORT_INLINE_LIMIT_BYTES } from '../exports/export-handlers';
import { REPORT_MEDIA_TYPES, exportsDir } from './report-files';

interface ReportRow {
  id: number;
  uid: string;
  kind: ReportKind;
  params: string;
  title: string;
  files: string;
  created_at: string;
  created_by: string;
  created_by_name: string | null;
}

const SELECT = `SELECT r.id, r.uid, r.kind, r.params, r.title, r.files, r.created_at, r.created_by, a.name AS created_by_name
  FROM reports r LEFT JOIN analysts a ON a.uid = r.created_by`;

function toRecord(row: ReportRow): ReportRecord {
  return {
    uid: row.uid,
    kind: row.kind,
    params: ReportParams.parse(JSON.parse(row.params)),
    title: row.title,
    files: JSON.parse(row.files) as ReportFileEntry[],
    createdAt: row.created_at,
    createdBy: row.created_by_name ?? '',
    createdByUid: row.created_by,
  };
}

function liveRow(db: Database, uid: string): ReportRow {
  const row = db.prepare(`${SELECT} WHERE r.uid = ? AND r.deleted_at IS NULL`).get(uid) as ReportRow | undefined;
  if (!row) throw notFound('report', uid);
  return row;
}

/** One report of the history (not removed). */
export function readReport(db: Database, uid: string): ReportRecord {
  return toRecord(liveRow(db, uid));
}

/**
 * Reports made, newest first, and the bulletin's next issue number: one more than the highest
 * issue of a bulletin still in the history, or 1.
 */
export function listReports(db: Database, input: { kind?: ReportKind | undefined; limit: number }): { items: ReportRecord[]; nextBulletinIssue: number } {
  const rows = db
    .prepare(`${SELECT} WHERE r.deleted_at IS NULL AND (@kind IS NULL OR r.kind = @kind) ORDER BY r.created_at DESC, r.id DESC LIMIT @limit`)
    .all({ kind: input.kind ?? null, limit: input.limit }) as ReportRow[];
  const highest = db.prepare("SELECT MAX(issue) FROM reports WHERE kind = 'bulletin' AND deleted_at IS NULL").pluck().get() as number | null;
  return { items: rows.map(toRecord), nextBulletinIssue: (highest ?? 0) + 1 };
}

/** One file of a report made, its bytes inline (up to the inline limit), for the window to save. */
export async function fetchReportFile(db: Database, dataDir: string, uid: string, format: ReportFormat): Promise<ExportedFile> {
  const record = readReport(db, uid);
  const entry = record.files.find((f) => f.format === format);
  if (!entry) throw new AppError('NOT_FOUND', `The report ${record.title} was not made as ${format}`, { uid, format });
  const file = path.join(exportsDir(dataDir), entry.fileName);
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('NOT_FOUND', `The file ${entry.fileName} of the report ${record.title} is no longer in the exports folder; make the report again from the history`, { uid, format, fileName: entry.fileName });
    }
    throw e;
  }
  return {
    path: file,
    fileName: entry.fileName,
    bytes: bytes.length,
    mediaType: REPORT_MEDIA_TYPES[format],
    base64: bytes.length <= EXPORT_INLINE_LIMIT_BYTES ? bytes.toString('base64') : null,
  };
}

/** Remove a report from the history: a tombstone and an audit entry; false when it was already removed. */
export function deleteReport(db: Database, actor: Actor, clock: Clock, uid: string): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT id, deleted_at FROM reports WHERE uid = ?').get(uid) as { id: number; deleted_at: string | null } | undefined;
    if (!row) throw notFound('report', uid);
    if (row.deleted_at !== null) return false;
    const before = readReport(db, uid);
    db.prepare('UPDATE reports SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({
      ...tombstoneStamp(actor, clock),
      id: row.id,
    });
    recordAudit(db, { at: clock.now(), actor, action: 'delete', entity: 'report', entityId: row.id, entityUid: uid, before: { kind: before.kind, title: before.title, files: before.files } });
    return true;
  })();
}
