import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ImportReport, RowRejection } from '../../../shared/contract/imports';
import { recordAudit } from '../audit/audit-log';
import { detectCommentFollowups } from '../comments/followups';
import { AppError } from '../errors';
import { suspendNotificationIndexes, type IndexedFields } from './bulk-mode';
import { assignFamilies, FamilyAssigner } from '../notifications/families';
import type { ImportEvent, ParsedNotification } from '../notifications/import/types';

export const MAX_KEPT_REJECTIONS = 10_000;

/** Columns an import owns, in the order they are hashed and compared. */
const IMPORTED_FIELDS = [
  'area', 'member_code', 'member_name', 'base_symbol', 'parent_symbol', 'doc_type', 'title', 'description',
  'products', 'hs_codes', 'ics_codes', 'keywords', 'objectives', 'notification_type', 'distribution_date',
  'comment_deadline', 'document_links', 'link_en', 'link_fr', 'link_es', 'proposed_adoption',
  'proposed_entry_into_force', 'countries_affected', 'joint_symbols',
] as const;
type ImportedField = (typeof IMPORTED_FIELDS)[number];
type ImportedRow = Record<ImportedField, string | null>;

export function toImportedRow(r: ParsedNotification): ImportedRow {
  return {
    area: r.area,
    member_code: r.memberCode,
    member_name: r.memberName,
    base_symbol: r.baseSymbol,
    parent_symbol: r.parentSymbol,
    doc_type: r.docType,
    title: r.title,
    description: r.description,
    products: r.products,
    hs_codes: JSON.stringify(r.hsCodes),
    ics_codes: JSON.stringify(r.icsCodes),
    keywords: JSON.stringify(r.keywords),
    objectives: JSON.stringify(r.objectives),
    notification_type: r.notificationType,
    distribution_date: r.distributionDate,
    comment_deadline: r.commentDeadline,
    document_links: JSON.stringify(r.documentLinks),
    link_en: r.links.en,
    link_fr: r.links.fr,
    link_es: r.links.es,
    proposed_adoption: r.proposedAdoption,
    proposed_entry_into_force: r.proposedEntryIntoForce,
    countries_affected: JSON.stringify(r.countriesAffected),
    joint_symbols: JSON.stringify(r.jointSymbols),
  };
}

/** SHA-1 of the fields, each followed by U+0001 (U+0000 stands for null), hashed as one text. */
export function hashRow(row: ImportedRow): string {
  let text = '';
  for (const f of IMPORTED_FIELDS) text += (row[f] ?? '\u0000') + '\u0001';
  return crypto.createHash('sha1').update(text).digest('hex');
}

export interface ImportMeta {
  fileName: string;
  fileSize: number;
  fileSha256: string;
  actor: string;
  /** Defaults to what the file format says (WTO API JSON or an ePing export). */
  source?: 'eping' | 'wto-api';
}

export interface WriteProgress {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Suspend secondary indexes and triggers for the import (see bulk-mode.ts). */
  bulk?: boolean;
  onProgress?: (p: WriteProgress) => void;
}

export interface FileFacts {
  format: string;
  encoding: string | null;
  rowsRead: number;
}

/**
 * Write parsed notifications in ONE transaction: new symbols are inserted, changed ones updated
 * with their old values kept in notification_changes, identical ones left alone, rejected rows
 * listed. A failure or cancel anywhere rolls everything back, so the store is as it was.
 */
export async function writeNotifications(
  db: Database,
  events: AsyncIterable<ImportEvent>,
  fileFacts: () => FileFacts,
  meta: ImportMeta,
  options: WriteOptions = {},
): Promise<ImportReport> {
  const startedAt = new Date().toISOString();
  const counts: WriteProgress = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejections: RowRejection[] = [];
  // A symbol met twice in one file would flip between its rows on every re-import.
  const seen = new Map<string, number>();

  const find = db.prepare(`SELECT id, content_hash, ${IMPORTED_FIELDS.join(', ')} FROM notifications WHERE symbol = ?`);
  // Positional parameters: binding by name costs a lookup per column on 100,000 rows.
  const insert = db.prepare(`
    INSERT INTO notifications (symbol, source, created_at, updated_at, content_hash, last_import_id, family_id, ${IMPORTED_FIELDS.join(', ')})
    VALUES (?, ?, ?, ?, ?, ?, ?, ${IMPORTED_FIELDS.map(() => '?').join(', ')})`);
  const update = db.prepare(`
    UPDATE notifications SET ${IMPORTED_FIELDS.map((f) => `${f} = @${f}`).join(', ')},
      content_hash = @hash, updated_at = @now, last_import_id = @importId
    WHERE id = @id`);
  const change = db.prepare(`
    INSERT INTO notification_changes (notification_id, import_id, at, actor, field, old_value, new_value)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);

  db.exec('BEGIN IMMEDIATE');
  try {
    const bulk = options.bulk ? suspendNotificationIndexes(db) : null;
    const families = new FamilyAssigner(db);
    const inserted: number[] = [];
    const updated: number[] = [];
    let source: string | null = null;
    // The import row comes first so changes can reference it; its counts are filled in at the end.
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (file_name, file_sha256, file_size, format, started_at, finished_at, actor,
             inserted, updated, unchanged, rejected) VALUES (?, ?, ?, '', ?, ?, ?, 0, 0, 0, 0)`,
        )
        .run(meta.fileName, meta.fileSha256, meta.fileSize, startedAt, startedAt, meta.actor).lastInsertRowid,
    );
    const now = startedAt;
    for await (const event of events) {
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed');
      counts.rows += 1;
      if (event.kind === 'rejection') {
        counts.rejected += 1;
        if (rejections.length < MAX_KEPT_REJECTIONS) rejections.push(event.rejection);
      } else if (seen.has(event.record.symbol)) {
        counts.rejected += 1;
        if (rejections.length < MAX_KEPT_REJECTIONS) {
          rejections.push({
            row: event.record.row,
            field: 'Document symbol',
            reason: `${event.record.symbol} appears again in this file (first at row ${seen.get(event.record.symbol)}); only the first row is imported`,
            value: event.record.symbol,
          });
        }
      } else {
        seen.set(event.record.symbol, event.record.row);
        const row = toImportedRow(event.record);
        const hash = hashRow(row);
        const existing = find.get(event.record.symbol) as (ImportedRow & { id: number; content_hash: string | null }) | undefined;
        if (!existing) {
          source ??= meta.source ?? (fileFacts().format === 'wto-json' ? 'wto-api' : 'eping');
          const symbol = event.record.symbol;
          const r = event.record;
          const familyId = families.familyFor({
            area: r.area, member_code: r.memberCode, doc_type: r.docType, title: r.title,
            distribution_date: r.distributionDate, joint_symbols: row.joint_symbols ?? '[]', jointSymbols: r.jointSymbols,
          });
          const values: Array<string | number | null> = [symbol, source, now, now, hash, importId, familyId];
          for (const f of IMPORTED_FIELDS) values.push(row[f]);
          const id = Number(insert.run(values).lastInsertRowid);
          bulk?.added(id, r, row as IndexedFields);
          inserted.push(id);
          counts.inserted += 1;
        } else if (existing.content_hash === hash) {
          counts.unchanged += 1;
        } else {
          let changed = false;
          for (const f of IMPORTED_FIELDS) {
            if ((existing[f] ?? null) !== (row[f] ?? null)) {
              change.run(existing.id, importId, now, meta.actor, f, existing[f], row[f]);
              changed = true;
            }
          }
          update.run({ ...row, id: existing.id, now, hash, importId });
          if (changed) {
            counts.updated += 1;
            updated.push(existing.id);
          } else counts.unchanged += 1;
        }
      }
      if (counts.rows % 500 === 0) options.onProgress?.({ ...counts });
    }
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed');
    bulk?.finish();
    // New rows got their family as they were inserted; a changed row may now belong to one.
    assignFamilies(db, updated);
    detectCommentFollowups(db, [...inserted, ...updated]);
    const facts = fileFacts();
    const finishedAt = new Date().toISOString();
    db.prepare(
      `UPDATE imports SET format = ?, encoding = ?, finished_at = ?, inserted = ?, updated = ?, unchanged = ?,
         rejected = ?, rejections = ? WHERE id = ?`,
    ).run(facts.format, facts.encoding, finishedAt, counts.inserted, counts.updated, counts.unchanged, counts.rejected,
      JSON.stringify(rejections), importId);
    recordAudit(db, {
      actor: meta.actor,
      action: 'import',
      entity: 'import',
      entityId: importId,
      after: { fileName: meta.fileName, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected: counts.rejected },
    });
    db.exec('COMMIT');
    options.onProgress?.({ ...counts });
    return {
      importId,
      fileName: meta.fileName,
      fileSize: meta.fileSize,
      format: facts.format,
      encoding: facts.encoding,
      startedAt,
      finishedAt,
      actor: meta.actor,
      rowsRead: facts.rowsRead,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
      rejections,
    };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
