import type { Database } from 'better-sqlite3';
import type { NotificationDetail, NotificationSummary } from '../../../shared/contract';
import { NotificationsListInput } from '../../../shared/contract';
import type { z } from 'zod';
import { notFound } from '../errors';
import { toDetail, toSummary, type NotificationRow } from './notification-row';

const SORT_COLUMNS: Record<z.output<typeof NotificationsListInput>['sort'], string> = {
  distributionDate: 'distribution_date',
  commentDeadline: 'comment_deadline',
  symbol: 'symbol',
  memberCode: 'member_code',
  title: 'title',
};

export function listNotifications(
  db: Database,
  input: z.output<typeof NotificationsListInput>,
): { total: number; items: NotificationSummary[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.area) {
    where.push('area = @area');
    params.area = input.area;
  }
  if (input.memberCodes?.length) {
    where.push(`member_code IN (SELECT value FROM json_each(@members))`);
    params.members = JSON.stringify(input.memberCodes);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM notifications ${whereSql}`).get(params) as { n: number }).n;
  const order = `${SORT_COLUMNS[input.sort]} ${input.direction === 'asc' ? 'ASC' : 'DESC'}, id DESC`;
  const rows = db
    .prepare(`SELECT * FROM notifications ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as NotificationRow[];
  return { total, items: rows.map(toSummary) };
}

export function getNotification(db: Database, id: number): NotificationDetail {
  const row = db.prepare('SELECT * FROM notifications WHERE id = ?').get(id) as NotificationRow | undefined;
  if (!row) throw notFound('notification', id);
  return toDetail(row);
}
