import type { Database } from 'better-sqlite3';
import type { NotificationChange, NotificationDetail } from '../../../shared/contract';
import { describeDeadline } from '../../../shared/domain/deadline';
import { listAttachments } from './attachment-store';
import { requireNotificationRow } from './notification-lookup';
import { toRecord } from './notification-row';
import { readFamily, readMissingBase, readTimeline, resolveFamilyId } from './timeline';
import { readTranslation } from './translation';
import { readTriage } from './triage';

interface ChangeRow {
  id: number;
  at: string;
  actor: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  import_id: number | null;
}

/**
 * notification_changes names columns (`comment_deadline`, as the import writes them); the
 * renderer labels fields by their NotificationDetail key (`commentDeadline`, `links.en`).
 */
export function changeFieldKey(column: string): string {
  const link = /^link_(en|fr|es)$/.exec(column);
  if (link) return `links.${link[1]}`;
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Old values kept by imports and manual edits, newest first. */
export function readChanges(db: Database, notificationId: number): NotificationChange[] {
  const rows = db
    .prepare(
      `SELECT id, at, actor, field, old_value, new_value, import_id FROM notification_changes
       WHERE notification_id = ? ORDER BY at DESC, id DESC`,
    )
    .all(notificationId) as ChangeRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    field: changeFieldKey(r.field),
    oldValue: r.old_value,
    newValue: r.new_value,
    importId: r.import_id,
  }));
}

/**
 * One notification as the detail view shows it: every form item, the analysts' triage and
 * translation, days left counted from `today` (the local date unless given), the measure's
 * timeline and family, attachments and change history.
 */
export function getNotificationDetail(db: Database, id: number, today: string): NotificationDetail {
  const row = requireNotificationRow(db, id);
  const record = toRecord(row);
  const translation = readTranslation(db, id);
  const familyId = resolveFamilyId(db, row);
  const family = readFamily(db, familyId);
  return {
    ...record,
    // The family the record is shown in, reached through its base if need be: never a number
    // beside "belongs to no family" (a family left with one member is no family).
    familyId: family?.id ?? null,
    titleZh: translation && translation.titleZh !== '' ? translation.titleZh : null,
    triage: readTriage(db, id),
    translation,
    deadline: describeDeadline(row.comment_deadline, today),
    timeline: readTimeline(db, id, row.base_symbol, familyId),
    missingBase: readMissingBase(db, row),
    family,
    attachments: listAttachments(db, id),
    changes: readChanges(db, id),
  };
}
