import fs from 'node:fs';
import path from 'node:path';
import type { Attachment } from '../../../shared/contract';
import {
  ALLOWED_ATTACHMENT_LABELS,
  ATTACHMENT_TYPES,
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
} from '../../../shared/domain/attachment-types';
import { recordAudit } from '../audit/audit-log';
import { changed } from '../changes';
import type { BackendContext } from '../context';
import { AppError, notFound } from '../errors';
import { currentActor } from '../settings/settings';
import {
  attachmentsRoot,
  deleteBlob,
  openableCopy,
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

  const find = db.prepare('SELECT * FROM attachments WHERE notification_id = ? AND sha256 = ?');
  const existing = find.get(input.notificationId, sha256) as AttachmentRow | undefined;
  if (existing) {
    // The row may outlive a blob someone deleted by hand; this brings the file back.
    writeBlob(dataDir, sha256, bytes);
    ctx.staging.release(input.fileRef);
    return { attachment: toAttachment(existing), alreadyAttached: true };
  }

  const wrote = writeBlob(dataDir, sha256, bytes);
  let attachment: Attachment;
  try {
    attachment = db.transaction(() => {
      const actor = currentActor(db);
      const id = Number(
        db
          .prepare(
            `INSERT INTO attachments (notification_id, file_name, sha256, size, media_type, added_at, added_by)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.notificationId, staged.name.slice(0, 255), sha256, bytes.length, check.type.mediaType, ctx.clock.now().toISOString(), actor)
          .lastInsertRowid,
      );
      const row = db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow;
      const added = toAttachment(row);
      recordAudit(db, { at: ctx.clock.now(), actor, action: 'attach', entity: 'notification', entityId: input.notificationId, after: auditView(added) });
      return added;
    })();
  } catch (e) {
    // Do not leave a blob behind that no row will ever point at.
    if (wrote && !db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(sha256)) deleteBlob(dataDir, sha256);
    throw e;
  }
  ctx.staging.release(input.fileRef);
  changed(ctx, 'notifications', [input.notificationId]);
  return { attachment, alreadyAttached: false };
}

/** Remove an attachment; its file goes only when no other notification keeps the same content. */
export function removeAttachment(ctx: BackendContext, id: number): { id: number; blobDeleted: boolean } {
  const { db, dataDir } = ctx;
  const { row, stillUsed } = db.transaction(() => {
    const found = db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
    if (!found) throw notFound('attachment', id);
    db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
    const used = db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').get(found.sha256) !== undefined;
    recordAudit(db, {
      at: ctx.clock.now(),
      actor: currentActor(db),
      action: 'detach',
      entity: 'notification',
      entityId: found.notification_id,
      before: auditView(toAttachment(found)),
    });
    return { row: found, stillUsed: used };
  })();
  // Deleted only after the commit: a rolled-back removal must still find its file.
  if (!stillUsed) deleteBlob(dataDir, row.sha256);
  changed(ctx, 'notifications', [row.notification_id]);
  return { id, blobDeleted: !stillUsed };
}

/**
 * A path under <dataDir>/attachments for the shell to open, only after the stored file was
 * checked against its recorded hash: a damaged or replaced file is reported, never opened.
 */
export function openAttachment(ctx: BackendContext, id: number): { path: string } {
  const row = ctx.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  if (!row) throw notFound('attachment', id);
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
