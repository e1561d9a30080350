import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, Translation } from '../../../shared/contract';
import { recordAudit } from '../audit/audit-log';
import { requireNotificationRow } from './notification-lookup';

interface TranslationRow {
  title_zh: string;
  description_zh: string;
  translator: string | null;
  status: Translation['status'];
  updated_at: string;
}

/** The Chinese translation of title and description, or null before anyone started one. */
export function readTranslation(db: Database, notificationId: number): Translation | null {
  const row = db
    .prepare('SELECT title_zh, description_zh, translator, status, updated_at FROM notification_translations WHERE notification_id = ?')
    .get(notificationId) as TranslationRow | undefined;
  if (!row) return null;
  return {
    titleZh: row.title_zh,
    descriptionZh: row.description_zh,
    translator: row.translator,
    status: row.status,
    updatedAt: row.updated_at,
  };
}

function auditView(t: Translation | null): Omit<Translation, 'updatedAt'> | null {
  return t && { titleZh: t.titleZh, descriptionZh: t.descriptionZh, translator: t.translator, status: t.status };
}

/**
 * Save the translation as a whole (the form always sends every field), with its audit entry in
 * the same transaction. The full-text index picks the Chinese text up through its triggers.
 */
export function updateTranslation(
  db: Database,
  actor: string,
  input: ChannelParsedInput<'notificationsTranslationUpdate'>,
  now: Date,
): Translation {
  return db.transaction(() => {
    requireNotificationRow(db, input.id);
    const before = readTranslation(db, input.id);
    const next = { titleZh: input.titleZh, descriptionZh: input.descriptionZh, translator: input.translator, status: input.status };
    if (before && JSON.stringify(auditView(before)) === JSON.stringify(next)) return before;
    db.prepare(
      `INSERT INTO notification_translations (notification_id, title_zh, description_zh, translator, status, updated_at)
       VALUES (@id, @titleZh, @descriptionZh, @translator, @status, @now)
       ON CONFLICT (notification_id) DO UPDATE SET title_zh = excluded.title_zh, description_zh = excluded.description_zh,
         translator = excluded.translator, status = excluded.status, updated_at = excluded.updated_at`,
    ).run({ id: input.id, ...next, now: now.toISOString() });
    const after = readTranslation(db, input.id);
    if (!after) throw new Error(`The translation of notification ${input.id} was not stored`);
    recordAudit(db, { at: now, actor, action: 'translate', entity: 'notification', entityId: input.id, before: auditView(before), after: auditView(after) });
    return after;
  })();
}
