import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, Translation } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { newRecordStamp } from '../db/record-identity';
import { assignedAnalystUid } from './assigned-analyst';
import { requireNotificationRow } from './notification-lookup';

interface TranslationRow {
  uid: string;
  title_zh: string;
  description_zh: string;
  translator: string | null;
  translator_uid: string | null;
  status: Translation['status'];
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
}

function readTranslationRow(db: Database, notificationId: number): TranslationRow | undefined {
  return db
    .prepare(
      `SELECT t.uid, t.title_zh, t.description_zh, a.name AS translator, t.translator_uid, t.status, t.updated_at, t.updated_by,
         u.name AS updated_by_name
       FROM notification_translations t LEFT JOIN analysts a ON a.uid = t.translator_uid LEFT JOIN analysts u ON u.uid = t.updated_by
       WHERE t.notification_id = ?`,
    )
    .get(notificationId) as TranslationRow | undefined;
}

/** The Chinese translation of title and description, or null before anyone started one. */
export function readTranslation(db: Database, notificationId: number): Translation | null {
  const row = readTranslationRow(db, notificationId);
  if (!row) return null;
  return {
    titleZh: row.title_zh,
    descriptionZh: row.description_zh,
    translator: row.translator,
    translatorId: row.translator_uid,
    status: row.status,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
    updatedById: row.updated_by,
  };
}

function auditView(t: Translation | null): Pick<Translation, 'titleZh' | 'descriptionZh' | 'translator' | 'translatorId' | 'status'> | null {
  return t && { titleZh: t.titleZh, descriptionZh: t.descriptionZh, translator: t.translator, translatorId: t.translatorId, status: t.status };
}

/**
 * Save the translation as a whole (the form always sends every field), with its audit entry in
 * the same transaction. The full-text index picks the Chinese text up through its triggers.
 */
export function updateTranslation(
  db: Database,
  actor: Actor,
  input: ChannelParsedInput<'notificationsTranslationUpdate'>,
  clock: Clock,
): Translation {
  return db.transaction(() => {
    requireNotificationRow(db, input.id);
    const before = readTranslation(db, input.id);
    const translatorId = input.translator === before?.translator ? before.translatorId : assignedAnalystUid(db, actor, input.translator, clock);
    const next = { titleZh: input.titleZh, descriptionZh: input.descriptionZh, translator: input.translator, translatorId, status: input.status };
    if (before && JSON.stringify(auditView(before)) === JSON.stringify(next)) return before;
    db.prepare(
      `INSERT INTO notification_translations (notification_id, title_zh, description_zh, translator_uid, status,
         uid, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @titleZh, @descriptionZh, @translatorId, @status, @uid, @created_at, @created_by, @updated_at, @updated_by)
       ON CONFLICT (notification_id) DO UPDATE SET title_zh = excluded.title_zh, description_zh = excluded.description_zh,
         translator_uid = excluded.translator_uid, status = excluded.status, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run({ id: input.id, titleZh: next.titleZh, descriptionZh: next.descriptionZh, translatorId, status: next.status, ...newRecordStamp(actor, clock) });
    const row = readTranslationRow(db, input.id);
    const after = readTranslation(db, input.id);
    if (!row || !after) throw new Error(`The translation of notification ${input.id} was not stored`);
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: 'translate',
      entity: 'notification',
      entityId: input.id,
      entityUid: row.uid,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  })();
}
