import type { Database } from 'better-sqlite3';
import type { Actor } from '../analysts/analysts';
import type { ImportRefusal, ImportReport, RowNotice, RowRejection } from '../../../shared/contract/imports';
import { nowIso, type Clock } from '../../../shared/domain/clock';
import { recordAudit } from '../audit/audit-log';
import { detectCommentFollowups } from '../comments/followups';
import { AppError } from '../errors';
import { startBulkLoad, type BulkOptions } from './bulk-mode';
import { recordRefusedImport } from './import-history';
import { familyFields, hashValues, IMPORTED_FIELDS, prepareRow, type ImportedRow, type WriterEvent } from './prepared-row';
import { RepeatedRows } from './repeated-rows';
import { assignFamilies, FamilyAssigner } from '../notifications/families';

export const MAX_KEPT_REJECTIONS = 10_000;

export interface ImportMeta {
  fileName: string;
  fileSize: number;
  /** SHA-256 of the file, or its computation still running. */
  fileSha256: string | Promise<string>;
  actor: Actor;
  /** Stamps the import's start and finish, its history and its follow-up flags. */
  clock: Clock;
  /** Defaults to what the file format says (WTO API JSON or an ePing export). */
  source?: 'eping' | 'wto-api';
}

export interface WriteProgress {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  noticed: number;
}

export interface WriteOptions {
  /** When a refused file is recorded in the history; the machine's clock by default. */
  clock?: Clock;
  signal?: AbortSignal;
  /** Index the inserted rows directly instead of through the insert triggers (see bulk-mode.ts). */
  bulk?: boolean | BulkOptions;
  onProgress?: (p: WriteProgress) => void;
  /** Every row is in: the indexes, families and follow-ups are next, then the commit. */
  onRowsWritten?: (p: WriteProgress) => void;
}

export interface FileFacts {
  format: string;
  encoding: string | null;
  rowsRead: number;
}

/**
 * Write parsed notifications in ONE transaction: new symbols are inserted, changed ones updated
 * with their old values kept in notification_changes, identical ones left alone, rejected rows
 * listed. A symbol met again in the file takes its later row, listed as a notice (repeated-rows.ts).
 * A failure or cancel anywhere rolls everything back, so the store is as it was; a refused file
 * (IMPORT_REJECTED, including one with no data rows) is then recorded in the history with its reason.
 */
export async function writeNotifications(
  db: Database,
  events: AsyncIterable<WriterEvent>,
  fileFacts: () => FileFacts,
  meta: ImportMeta,
  options: WriteOptions = {},
): Promise<ImportReport> {
  const startedAt = nowIso(meta.clock);
  const counts: WriteProgress = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, noticed: 0 };
  const rejections: RowRejection[] = [];
  const notices: RowNotice[] = [];
  // The row of the file that last set each symbol: a symbol met again takes the rare path.
  const seen = new Map<string, number>();

  // The stored columns are read only when the hash says the row changed.
  const find = db.prepare('SELECT id, content_hash FROM notifications WHERE symbol = ?');
  const stored = db.prepare(`SELECT ${IMPORTED_FIELDS.join(', ')} FROM notifications WHERE id = ?`);
  // Positional parameters: binding by name costs a lookup per column on 100,000 rows.
  const insert = db.prepare(`
    INSERT INTO notifications (symbol, source, created_at, updated_at, content_hash, last_import_id, family_id, ${IMPORTED_FIELDS.join(', ')})
    VALUES (?, ?, ?, ?, ?, ?, ?, ${IMPORTED_FIELDS.map(() => '?').join(', ')})`);
  const update = db.prepare(`
    UPDATE notifications SET ${IMPORTED_FIELDS.map((f) => `${f} = ?`).join(', ')},
      content_hash = ?, updated_at = ?, last_import_id = ?
    WHERE id = ?`);
  const change = db.prepare(`
    INSERT INTO notification_changes (notification_id, import_id, at, actor, field, old_value, new_value)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);

  db.exec('BEGIN IMMEDIATE');
  try {
    // Into an empty store every symbol is new (one met twice in the file is caught by `seen`):
    // a first load of the bulk file skips 116,000 look-ups.
    const storeWasEmpty = db.prepare('SELECT 1 FROM notifications LIMIT 1').get() === undefined;
    const bulk = options.bulk ? startBulkLoad(db, options.bulk === true ? {} : options.bulk) : null;
    const families = new FamilyAssigner(db);
    const inserted: number[] = [];
    const updated: number[] = [];
    let source: string | null = null;
    // Ids above this are the notifications this import inserts.
    const maxIdBefore = db.prepare('SELECT coalesce(max(id), 0) FROM notifications').pluck().get() as number;
    // The import row comes first so changes can reference it; its counts and the file's digest are
    // filled in at the end.
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (file_name, file_sha256, file_size, format, started_at, finished_at, actor,
             inserted, updated, unchanged, rejected) VALUES (?, ?, ?, '', ?, ?, ?, 0, 0, 0, 0)`,
        )
        .run(meta.fileName, '', meta.fileSize, startedAt, startedAt, meta.actor.name).lastInsertRowid,
    );
    const now = startedAt;
    const setFamily = db.prepare('UPDATE notifications SET family_id = ? WHERE id = ?');
    // Only a file that repeats a symbol needs the rare path's statements.
    let repeated: RepeatedRows | undefined;
    const repeatedRows = (): RepeatedRows =>
      (repeated ??= new RepeatedRows(db, {
        importId,
        now,
        actor: meta.actor.name,
        maxIdBefore,
        counts,
        updated,
        notice: (n) => {
          counts.noticed += 1;
          if (notices.length < MAX_KEPT_REJECTIONS) notices.push(n);
        },
        beforeUpdate: () => bulk?.flush(),
        refamily: (id, p) => setFamily.run(families.familyFor(familyFields(p)), id),
      }));
    for await (const event of events) {
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed');
      if (event.kind === 'idle') {
        bulk?.idle();
        continue;
      }
      counts.rows += 1;
      if (event.kind === 'rejection') {
        counts.rejected += 1;
        if (rejections.length < MAX_KEPT_REJECTIONS) rejections.push(event.rejection);
      } else {
        // A parse worker prepares rows on its own thread; a reader on this thread gives records.
        const p = event.kind === 'prepared' ? event.prepared : prepareRow(event.record);
        const earlierRow = seen.get(p.symbol);
        if (earlierRow !== undefined) {
          seen.set(p.symbol, repeatedRows().handle(p, earlierRow));
        } else {
          seen.set(p.symbol, p.row);
          const hash = hashValues(p.values);
          const existing = storeWasEmpty ? undefined : (find.get(p.symbol) as { id: number; content_hash: string | null } | undefined);
          if (!existing) {
            source ??= meta.source ?? (fileFacts().format === 'wto-json' ? 'wto-api' : 'eping');
            const familyId = families.familyFor(familyFields(p));
            const id = Number(insert.run(p.symbol, source, now, now, hash, importId, familyId, ...p.values).lastInsertRowid);
            bulk?.added(id, p);
            inserted.push(id);
            counts.inserted += 1;
          } else if (existing.content_hash === hash) {
            counts.unchanged += 1;
          } else {
            const old = stored.get(existing.id) as ImportedRow;
            let changed = false;
            IMPORTED_FIELDS.forEach((f, i) => {
              const value = p.values[i] ?? null;
              if ((old[f] ?? null) !== value) {
                change.run(existing.id, importId, now, meta.actor.name, f, old[f], value);
                changed = true;
              }
            });
            update.run(...p.values, hash, now, importId, existing.id);
            if (changed) {
              counts.updated += 1;
              updated.push(existing.id);
            } else counts.unchanged += 1;
          }
        }
      }
      if (counts.rows % 500 === 0) options.onProgress?.({ ...counts });
    }
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed');
    if (fileFacts().rowsRead === 0) {
      throw new AppError('IMPORT_REJECTED', 'The file holds no notifications: it has no data rows under its header.', {
        reason: 'NO_ROWS',
      });
    }
    options.onRowsWritten?.({ ...counts });
    bulk?.finish();
    // New rows got their family as they were inserted; a changed row may now belong to one.
    assignFamilies(db, updated);
    detectCommentFollowups(db, [...inserted, ...updated], meta.clock.now(), meta.actor);
    const facts = fileFacts();
    const fileSha256 = await meta.fileSha256;
    const finishedAt = nowIso(meta.clock);
    db.prepare(
      `UPDATE imports SET file_sha256 = ?, format = ?, encoding = ?, finished_at = ?, inserted = ?, updated = ?,
         unchanged = ?, rejected = ?, rejections = ?, noticed = ?, notices = ?, rows_read = ? WHERE id = ?`,
    ).run(fileSha256, facts.format, facts.encoding, finishedAt, counts.inserted, counts.updated, counts.unchanged,
      counts.rejected, JSON.stringify(rejections), counts.noticed, JSON.stringify(notices), facts.rowsRead, importId);
    recordAudit(db, {
      at: new Date(finishedAt),
      actor: meta.actor,
      action: 'import',
      entity: 'import',
      entityId: importId,
      after: {
        fileName: meta.fileName,
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected: counts.rejected,
        noticed: counts.noticed,
      },
    });
    db.exec('COMMIT');
    options.onProgress?.({ ...counts });
    return {
      importId,
      warnings: null,
      fileName: meta.fileName,
      fileSize: meta.fileSize,
      format: facts.format,
      encoding: facts.encoding,
      startedAt,
      finishedAt,
      actor: meta.actor.name,
      rowsRead: facts.rowsRead,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
      noticed: counts.noticed,
      status: 'done',
      refusal: null,
      rejections,
      notices,
    };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (e instanceof AppError && e.code === 'IMPORT_REJECTED') await recordRefusal(db, e, fileFacts, meta, startedAt, meta.clock);
    throw e;
  }
}

/** The reason code a refusal carries in its details (see rejectFile), or a general one. */
function refusalOf(e: AppError): ImportRefusal {
  const details = typeof e.details === 'object' && e.details !== null ? (e.details as Record<string, unknown>) : {};
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) if (k !== 'reason' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
  return { code: e.code, reason: typeof details.reason === 'string' ? details.reason : 'FILE_REFUSED', message: e.message, params };
}

/**
 * A refused file still appears in the import history, with its reason. Nothing from the file
 * was written (the import's transaction is rolled back); this is a transaction of its own, and
 * failing to record it must not hide why the file was refused.
 */
async function recordRefusal(
  db: Database,
  e: AppError,
  fileFacts: () => FileFacts,
  meta: ImportMeta,
  startedAt: string,
  clock: Clock,
): Promise<void> {
  let facts: FileFacts | null = null;
  try {
    facts = fileFacts();
  } catch {
    // Refused before its format was known.
  }
  const sha256 = await Promise.resolve(meta.fileSha256).catch(() => '');
  try {
    recordRefusedImport(
      db,
      {
        fileName: meta.fileName,
        fileSize: meta.fileSize,
        fileSha256: sha256,
        format: facts?.format ?? '',
        encoding: facts?.encoding ?? null,
        startedAt,
        finishedAt: nowIso(clock),
        actor: meta.actor.name,
        rowsRead: facts?.rowsRead ?? 0,
      },
      refusalOf(e),
    );
  } catch {
    // The store may be what failed; the refusal itself is what the analyst needs to see.
  }
}
