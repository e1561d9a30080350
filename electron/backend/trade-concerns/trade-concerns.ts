import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, TradeConcern } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { otherWtoMember } from '../../../shared/domain/wto-members';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError, notFound } from '../errors';

interface ConcernRow {
  id: number;
  uid: string;
  title_zh: string;
  title_en: string;
  committee: 'TBT' | 'SPS';
  members: string;
  issue_zh: string;
  issue_en: string;
  talking_points_zh: string;
  talking_points_en: string;
  meeting: string;
  status: TradeConcern['status'];
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  created_by_name: string;
  updated_by_name: string;
}

const SELECT_CONCERN = `SELECT c.*, cb.name AS created_by_name, ub.name AS updated_by_name
  FROM trade_concerns c LEFT JOIN analysts cb ON cb.uid = c.created_by LEFT JOIN analysts ub ON ub.uid = c.updated_by`;

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
}

function toConcern(db: Database, r: ConcernRow): TradeConcern {
  const country = db.prepare('SELECT code, name_zh, name_en FROM countries WHERE code = ?');
  const members = (JSON.parse(r.members) as string[]).map((code) => {
    const c = country.get(code) as { code: string; name_zh: string; name_en: string } | undefined;
    if (c) return { code, nameZh: c.name_zh, nameEn: c.name_en };
    const other = otherWtoMember(code);
    return { code, nameZh: other?.nameZh ?? code, nameEn: other?.nameEn ?? code };
  });
  const notifications = (
    db
      .prepare(
        `SELECT n.id, n.symbol, n.title, n.member_code, nullif(t.title_zh, '') AS title_zh
         FROM trade_concern_notifications l JOIN notifications n ON n.id = l.notification_id
         LEFT JOIN notification_translations t ON t.notification_id = n.id
         WHERE l.concern_id = ? ORDER BY l.position`,
      )
      .all(r.id) as Array<{ id: number; symbol: string; title: string; member_code: string; title_zh: string | null }>
  ).map((n) => ({ id: n.id, symbol: n.symbol, title: n.title, titleZh: n.title_zh, memberCode: n.member_code }));
  return {
    id: r.id,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    committee: r.committee,
    members,
    notifications,
    issueZh: r.issue_zh,
    issueEn: r.issue_en,
    talkingPointsZh: JSON.parse(r.talking_points_zh) as string[],
    talkingPointsEn: JSON.parse(r.talking_points_en) as string[],
    meeting: r.meeting,
    status: r.status,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    createdById: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name,
    updatedById: r.updated_by,
  };
}

function concernRow(db: Database, id: number): ConcernRow {
  const row = db.prepare(`${SELECT_CONCERN} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as ConcernRow | undefined;
  if (!row) throw notFound('trade concern', id);
  return row;
}

/** A suggestion; a deleted one is not found. */
export function getTradeConcern(db: Database, id: number): TradeConcern {
  return toConcern(db, concernRow(db, id));
}

/** Open suggestions first (draft, raised), then the rest; latest change first within each. */
export function listTradeConcerns(db: Database, input: ChannelParsedInput<'tradeConcernsList'>): TradeConcern[] {
  const where: string[] = ['c.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (input.statuses && input.statuses.length > 0) {
    where.push(`c.status IN (${input.statuses.map((_, i) => `@s${i}`).join(', ')})`);
    input.statuses.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (input.committee) {
    where.push('c.committee = @committee');
    params.committee = input.committee;
  }
  const rows = db
    .prepare(
      `${SELECT_CONCERN} WHERE ${where.join(' AND ')}
       ORDER BY c.status NOT IN ('draft', 'raised'), c.updated_at DESC, c.id DESC`,
    )
    .all(params) as ConcernRow[];
  return rows.map((r) => toConcern(db, r));
}

/** Create or replace a trade-concern suggestion; members must be known WTO members and notifications on file. */
export function saveTradeConcern(db: Database, actor: Actor, input: ChannelParsedInput<'tradeConcernsSave'>, clock: Clock): TradeConcern {
  return db.transaction(() => {
    const members = [...new Set(input.memberCodes)];
    const known = db.prepare('SELECT 1 FROM countries WHERE code = ?');
    // The country list, or a WTO member beyond it (the EU, the United States…).
    const unknown = members.filter((c) => known.get(c) === undefined && otherWtoMember(c) === undefined);
    if (unknown.length > 0) throw fieldError('memberCodes', `${unknown.join(', ')}: not a WTO member in the country list or among the other WTO members Pingyi knows`);
    const notificationIds = [...new Set(input.notificationIds)];
    const exists = db.prepare('SELECT 1 FROM notifications WHERE id = ?');
    const missing = notificationIds.filter((id) => exists.get(id) === undefined);
    if (missing.length > 0) throw fieldError('notificationIds', `notification ${missing.join(', ')} does not exist`);
    const fields = {
      titleZh: input.titleZh,
      titleEn: input.titleEn,
      committee: input.committee,
      members: JSON.stringify(members),
      issueZh: input.issueZh,
      issueEn: input.issueEn,
      pointsZh: JSON.stringify(input.talkingPointsZh),
      pointsEn: JSON.stringify(input.talkingPointsEn),
      meeting: input.meeting,
      status: input.status,
    };
    let id: number;
    let before: TradeConcern | undefined;
    if (input.id === undefined) {
      id = Number(
        db
          .prepare(
            `INSERT INTO trade_concerns (title_zh, title_en, committee, members, issue_zh, issue_en, talking_points_zh,
               talking_points_en, meeting, status, uid, created_at, created_by, updated_at, updated_by)
             VALUES (@titleZh, @titleEn, @committee, @members, @issueZh, @issueEn, @pointsZh, @pointsEn, @meeting, @status,
               @uid, @created_at, @created_by, @updated_at, @updated_by)`,
          )
          .run({ ...fields, ...newRecordStamp(actor, clock) }).lastInsertRowid,
      );
    } else {
      before = getTradeConcern(db, input.id);
      id = input.id;
      db.prepare(
        `UPDATE trade_concerns SET title_zh = @titleZh, title_en = @titleEn, committee = @committee, members = @members,
           issue_zh = @issueZh, issue_en = @issueEn, talking_points_zh = @pointsZh, talking_points_en = @pointsEn,
           meeting = @meeting, status = @status, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id`,
      ).run({ ...fields, ...changeStamp(actor, clock), id });
      db.prepare('DELETE FROM trade_concern_notifications WHERE concern_id = ?').run(id);
    }
    const link = db.prepare('INSERT INTO trade_concern_notifications (concern_id, notification_id, position) VALUES (?, ?, ?)');
    notificationIds.forEach((n, i) => link.run(id, n, i));
    const row = concernRow(db, id);
    const after = toConcern(db, row);
    recordAudit(db, { at: clock.now(), actor, action: before ? 'update' : 'create', entity: 'trade-concern', entityId: id, entityUid: row.uid, before, after });
    return after;
  })();
}

/** Delete a suggestion: it leaves a tombstone, hidden from the list and from export. */
export function deleteTradeConcern(db: Database, actor: Actor, id: number, clock: Clock): { deleted: boolean } {
  return db.transaction(() => {
    const row = concernRow(db, id);
    const before = toConcern(db, row);
    db.prepare(
      'UPDATE trade_concerns SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id',
    ).run({ id, ...tombstoneStamp(actor, clock) });
    recordAudit(db, { at: clock.now(), actor, action: 'delete', entity: 'trade-concern', entityId: id, entityUid: row.uid, before });
    return { deleted: true };
  })();
}
