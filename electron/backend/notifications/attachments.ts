import fs from 'node:fs';
import path from 'node:path';
import type { Attachment } from '../../../shared/contract';
import {
  ALLOWED_ATTACHMENT_LABELS,
  ATTACHMENT_TYPES,
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
} from '../../../shared/domain/attachment-types';
import { actingAnalyst } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changed } from '../changes';
import type { BackendContext } from '../context';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError, notFound } from '../errors';
import {
  attachmentsRoot,
  deleteBlob,
  openableCopy,
  SELECT_ATTACHMENT,
  sha256Of,
  toAttachment,
  verifyBlob,
  writeBlob,
  type AttachmentRow,
} from './attachment-store';
import { requireNotificationRow } from './notification-lookup';

function auditView(a: Attachment): Record<string, unknown> {
  return { attachmentId: a.id, fileName: a.fileName, sha256: a.sha256, size: a.size, mediaType: a.mediaType };
}

function rejectFile(fileName: string, reason: string): AppError {
  return new AppError('VALIDATION', reason, { fileName, allowed: ALLOWED_ATTACHMENT_LABELS, maxBytes: MAX_ATTACHMENT_BYTES });
}

/**
 * Keep a file the user handed over with a notification: checked by extension and content,
 * stored once by hash, recorded with its audit entry. The same file twice on one notification
 * answers with the attachment already there.
 */
export function addAttachment(
  ctx: BackendContext,
  input: { notificationId: number; fileRef: string },
): { attachment: Attachment; alreadyAttached: boolean } {
  const { db, dataDir } = ctx;
  requireNotificationRow(db, input.notificationId);
  const staged = ctx.staging.resolve(input.fileRef);
  if (staged.size > MAX_ATTACHMENT_BYTES) {
    throw rejectFile(staged.name, `${staged.name} is ${staged.size} bytes; attachments are limited to 100 MB`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(staged.path);
  } catch {
    throw new AppError('NOT_FOUND', `${staged.name} can no longer be read; choose it again`);
  }
  const check = checkAttachment(staged.name, bytes);
  if (!check.ok) throw rejectFile(staged.name, check.reason);
  const sha256 = sha256Of(bytes);

  const find = db.prepare(`${SELECT_ATTACHMENT} WHERE t.notification_id = ? AND t.sha256 = ?`);
  const existing = find.get(input.notificationId, sha256) as (AttachmentRow & { deleted_at: string | null }) | undefined;
  if (existing && existing.deleted_at === null) {
    // The row may outlive a blob someone deleted by hand; this brings the file back.
    writeBlob(dataDir, sha256, bytes);
    ctx.staging.release(input.fileRef);
    return { attachment: toAttachment(existing), alreadyAttached: true };
  }

  const wrote = writeBlob(dataDir, sha256, bytes);
  let attachment: Attachment;
  try {
    attachment = db.transaction(() => {
      const actor = actingAnalyst(db);
      const fileName = staged.name.slice(0, 255);
      let id: number;
      if (existing) {
        // Removed before: the same file on the same notification comes back as that record.
        id = existing.id;
        db.prepare(
          `UPDATE attachments SET file_name = @fileName, deleted_at = NULL, deleted_by = NULL, updated_at = @updated_at, updated_by = @updated_by
           WHERE id = @id`,
        ).run({ id, fileName, ...changeStamp(actor, ctx.clock) });
      } else {
        id = Number(
          db
            .prepare(
              `INSERT INTO attachments (notification_id, file_name, sha256, size, media_type, uid, created_at, created_by, updated_at, updated_by)
               VALUES (@notificationId, @fileName, @sha256, @size, @mediaType, @uid, @created_at, @created_by, @updated_at, @updated_by)`,
            )
            .run({
              notificationId: input.notificationId,
              fileName,
              sha256,
              size: bytes.length,
              mediaType: check.type.mediaType,
              ...newRecordStamp(actor, ctx.clock),
            }).lastInsertRowid,
        );
      }
      const row = db.prepare(`${SELECT_ATTACHMENT} WHERE t.id = ?`).get(id) as AttachmentRow;
      const added = toAttachment(row);
      recordAudit(db, {
        at: ctx.clock.now(),
        actor,
        action: 'attach',
        entity: 'notification',
        entityId: input.notificationId,
        entityUid: row.uid,
        after: auditView(added),
      });
      return added;
    })();
  } catch (e) {
    // Do not leave a blob behind that no row will ever point at.
    if (wrote && !db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? AND deleted_at IS NULL').get(sha256)) deleteBlob(dataDir, sha256);
    throw e;
  }
  ctx.staging.release(input.fileRef);
  changed(ctx, 'notifications', [input.notificationId]);
  return { attachment, alreadyAttached: false };
}

/**
 * Remove an attachment: its record stays as a tombstone; its file goes only when no other
 * notification keeps the same content.
 */
export function removeAttachment(ctx: BackendContext, id: number): { id: number; blobDeleted: boolean } {
  const { db, dataDir } = ctx;
  const { row, stillUsed } = db.transaction(() => {
    const found = liveAttachment(ctx, id);
    const actor = actingAnalyst(db);
    db.prepare(
      'UPDATE attachments SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id',
    ).run({ id, ...tombstoneStamp(actor, ctx.clock) });
    const used = db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? AND deleted_at IS NULL LIMIT 1').get(found.sha256) !== undefined;
    recordAudit(db, {
      at: ctx.clock.now(),
      actor,
      action: 'detach',
      entity: 'notification',
      entityId: found.notification_id,
      entityUid: found.uid,
      before: auditView(toAttachment(found)),
    });
    return { row: found, stillUsed: used };
  })();
  // Deleted only after the commit: a rolled-back removal must still find its file.
  if (!stillUsed) deleteBlob(dataDir, row.sha256);
  changed(ctx, 'notifications', [row.notification_id]);
  return { id, blobDeleted: !stillUsed };
}

function liveAttachment(ctx: BackendContext, id: number): AttachmentRow {
  const row = ctx.db.prepare(`${SELECT_ATTACHMENT} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as AttachmentRow | undefined;
  if (!row) throw notFound('attachment', id);
  return row;
}

/**
 * A path under <dataDir>/attachments for the shell to open, only after the stored file was
 * checked against its recorded hash: a damaged or replaced file is reported, never opened.
 */
export function openAttachment(ctx: BackendContext, id: number): { path: string } {
  const row = liveAttachment(ctx, id);
  const state = verifyBlob(ctx.dataDir, row.sha256);
  if (state === 'missing') {
    throw new AppError('NOT_FOUND', `The stored copy of ${row.file_name} is missing from the data folder; attach the file again`, {
      attachmentId: id,
    });
  }
  if (state === 'damaged') {
    throw new AppError('CONFLICT', `The stored copy of ${row.file_name} no longer matches its recorded hash; attach the file again`, {
      attachmentId: id,
      sha256: row.sha256,
    });
  }
  const type = ATTACHMENT_TYPES.find((t) => t.mediaType === row.media_type);
  const file = openableCopy(ctx.dataDir, row.sha256, row.file_name, type?.extensions[0] ?? '');
  const root = attachmentsRoot(ctx.dataDir) + path.sep;
  if (!path.resolve(file).startsWith(root)) throw new Error(`Attachment path escapes the data folder: ${file}`);
  return { path: file };
}
