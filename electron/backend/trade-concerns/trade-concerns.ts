import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, TradeConcern } from '../../../shared/contract';
import { otherWtoMember } from '../../../shared/domain/wto-members';
import { recordAudit } from '../audit/audit-log';
import { requireActiveAnalyst } from '../analysts/analysts';
import { AppError, notFound } from '../errors';

interface ConcernRow {
  id: number;
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
}

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
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function getTradeConcern(db: Database, id: number): TradeConcern {
  const row = db.prepare('SELECT * FROM trade_concerns WHERE id = ?').get(id) as ConcernRow | undefined;
  if (!row) throw notFound('trade concern', id);
  return toConcern(db, row);
}

/** Open suggestions first (draft, raised), then the rest; latest change first within each. */
export function listTradeConcerns(db: Database, input: ChannelParsedInput<'tradeConcernsList'>): TradeConcern[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.statuses && input.statuses.length > 0) {
    where.push(`status IN (${input.statuses.map((_, i) => `@s${i}`).join(', ')})`);
    input.statuses.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (input.committee) {
    where.push('committee = @committee');
    params.committee = input.committee;
  }
  const rows = db
    .prepare(
      `SELECT * FROM trade_concerns ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY status NOT IN ('draft', 'raised'), updated_at DESC, id DESC`,
    )
    .all(params) as ConcernRow[];
  return rows.map((r) => toConcern(db, r));
}

/** Create or replace a trade-concern suggestion; members must be known WTO members and notifications on file. */
export function saveTradeConcern(db: Database, input: ChannelParsedInput<'tradeConcernsSave'>, now: Date): TradeConcern {
  return db.transaction(() => {
    requireActiveAnalyst(db, input.actor);
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
      now: now.toISOString(),
      actor: input.actor,
    };
    let id: number;
    let before: TradeConcern | undefined;
    if (input.id === undefined) {
      id = Number(
        db
          .prepare(
            `INSERT INTO trade_concerns (title_zh, title_en, committee, members, issue_zh, issue_en, talking_points_zh,
               talking_points_en, meeting, status, created_at, created_by, updated_at, updated_by)
             VALUES (@titleZh, @titleEn, @committee, @members, @issueZh, @issueEn, @pointsZh, @pointsEn, @meeting, @status,
               @now, @actor, @now, @actor)`,
          )
          .run(fields).lastInsertRowid,
      );
    } else {
      before = getTradeConcern(db, input.id);
      id = input.id;
      db.prepare(
        `UPDATE trade_concerns SET title_zh = @titleZh, title_en = @titleEn, committee = @committee, members = @members,
           issue_zh = @issueZh, issue_en = @issueEn, talking_points_zh = @pointsZh, talking_points_en = @pointsEn,
           meeting = @meeting, status = @status, updated_at = @now, updated_by = @actor WHERE id = @id`,
      ).run({ ...fields, id });
      db.prepare('DELETE FROM trade_concern_notifications WHERE concern_id = ?').run(id);
    }
    const link = db.prepare('INSERT INTO trade_concern_notifications (concern_id, notification_id, position) VALUES (?, ?, ?)');
    notificationIds.forEach((n, i) => link.run(id, n, i));
    const after = getTradeConcern(db, id);
    recordAudit(db, { at: now, actor: input.actor, action: before ? 'update' : 'create', entity: 'trade-concern', entityId: id, before, after });
    return after;
  })();
}

export function deleteTradeConcern(db: Database, id: number, actor: string, now: Date): { deleted: boolean } {
  return db.transaction(() => {
    requireActiveAnalyst(db, actor);
    const before = getTradeConcern(db, id);
    db.prepare('DELETE FROM trade_concerns WHERE id = ?').run(id);
    recordAudit(db, { at: now, actor, action: 'delete', entity: 'trade-concern', entityId: id, before });
    return { deleted: true };
  })();
}
