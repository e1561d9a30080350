import type { Database } from 'better-sqlite3';
import { notFound } from '../errors';
import type { NotificationRow } from './notification-row';

/** The stored row of a notification, or NOT_FOUND: every detail-side write starts here. */
export function requireNotificationRow(db: Database, id: number): NotificationRow {
  const row = db.prepare('SELECT * FROM notifications WHERE id = ?').get(id) as NotificationRow | undefined;
  if (!row) throw notFound('notification', id);
  return row;
}
