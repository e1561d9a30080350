import type { Database } from 'better-sqlite3';
import type {
  CloseReason,
  MatchQuality,
  MeasureStage,
  ResponseKind,
  Warning,
  WarningFactor,
  WarningHistoryEntry,
  WarningLetter,
  WarningLevel,
  WarningListItem,
  WarningMatch,
  WarningState,
  WarningTarget,
} from '../../../shared/contract/warnings';
import { notFound } from '../errors';

/** A warnings row with what the list joins to it (see WARNING_SELECT). */
export interface WarningRow {
  id: number;
  uid: string;
  created_at: string;
  measure_key: string;
  target_kind: 'enterprise' | 'industry';
  target_key: string;
  notification_id: number;
  symbols: string;
  area: 'TBT' | 'SPS';
  members: string;
  stage: MeasureStage;
  score: number;
  computed_level: WarningLevel;
  level: WarningLevel;
  override_level: WarningLevel | null;
  override_reason: string | null;
  override_by: string | null;
  override_by_name: string | null;
  override_at: string | null;
  match: MatchQuality;
  value_usd: number | null;
  factors: string;
  matches: string;
  comment_deadline: string | null;
  adoption: string | null;
  entry_into_force: string | null;
  next_deadline: string | null;
  state: WarningState;
  close_reason: CloseReason | null;
  response_kind: ResponseKind | null;
  response_owner: string | null;
  response_owner_name: string | null;
  response_due: string | null;
  response_note: string;
  computed_at: string;
  title: string;
  title_zh: string | null;
  enterprise_name: string | null;
  credit_code: string | null;
  industry_name_zh: string | null;
  industry_name_en: string | null;
}

/**
 * The columns every warning read needs, aliased `w`: the measure's opening notification and its
 * translation, the target's name, and the analysts named by uid.
 */
export const WARNING_SELECT = `SELECT w.id, w.uid, w.created_at, w.measure_key, w.target_kind, w.target_key, w.notification_id, w.symbols,
    w.area, w.members, w.stage, w.score, w.computed_level, w.level, w.override_level, w.override_reason, w.override_by,
    ob.name AS override_by_name, w.override_at, w.match, w.value_usd, w.factors, w.matches, w.comment_deadline, w.adoption,
    w.entry_into_force, w.next_deadline, w.state, w.close_reason, w.response_kind, w.response_owner,
    ro.name AS response_owner_name, w.response_due, w.response_note, w.computed_at,
    n.title AS title, NULLIF(t.title_zh, '') AS title_zh,
    e.name AS enterprise_name, e.credit_code AS credit_code, f.name_zh AS industry_name_zh, f.name_en AS industry_name_en
  FROM warnings w
  JOIN notifications n ON n.id = w.notification_id
  LEFT JOIN notification_translations t ON t.notification_id = w.notification_id AND t.deleted_at IS NULL
  LEFT JOIN enterprises e ON w.target_kind = 'enterprise' AND e.uid = w.target_key
  LEFT JOIN focus_industries f ON w.target_kind = 'industry' AND f.code = w.target_key AND f.deleted_at IS NULL
  LEFT JOIN analysts ob ON ob.uid = w.override_by
  LEFT JOIN analysts ro ON ro.uid = w.response_owner`;

/** ',SAU,ARE,' → ['SAU', 'ARE']. */
export function splitList(text: string): string[] {
  return text.split(',').filter((s) => s !== '');
}

/** ['SAU', 'ARE'] → ',SAU,ARE,' (so that `LIKE '%,SAU,%'` finds a member). */
export function joinList(items: readonly string[]): string {
  return items.length === 0 ? '' : `,${items.join(',')},`;
}

function targetOf(r: WarningRow): WarningTarget {
  return r.target_kind === 'enterprise'
    ? { kind: 'enterprise', enterpriseUid: r.target_key, name: r.enterprise_name ?? '', creditCode: r.credit_code ?? '' }
    : { kind: 'industry', industryCode: r.target_key, nameZh: r.industry_name_zh ?? r.target_key, nameEn: r.industry_name_en ?? r.target_key };
}

/** A row as the inbox lists it. */
export function warningListItem(r: WarningRow): WarningListItem {
  return {
    uid: r.uid,
    measure: {
      key: r.measure_key,
      area: r.area,
      symbols: JSON.parse(r.symbols) as string[],
      notificationId: r.notification_id,
      title: r.title,
      titleZh: r.title_zh,
      members: splitList(r.members),
      commentDeadline: r.comment_deadline,
      adoption: r.adoption,
      entryIntoForce: r.entry_into_force,
      stage: r.stage,
    },
    target: targetOf(r),
    score: r.score,
    computedLevel: r.computed_level,
    level: r.level,
    overridden: r.override_level !== null,
    match: r.match,
    valueUsd: r.value_usd,
    state: r.state,
    closeReason: r.close_reason,
    response:
      r.response_kind && r.response_owner && r.response_due
        ? { kind: r.response_kind, ownerUid: r.response_owner, ownerName: r.response_owner_name ?? '', dueDate: r.response_due, note: r.response_note }
        : null,
    nextDeadline: r.next_deadline,
    createdAt: r.created_at,
    computedAt: r.computed_at,
  };
}

interface HistoryRow {
  at: string;
  by_name: string | null;
  kind: WarningHistoryEntry['kind'];
  score: number | null;
  level: WarningLevel | null;
  state: WarningState | null;
  note: string;
}

/** Every level, state, response and letter the warning had, oldest first. */
export function warningHistory(db: Database, uid: string): WarningHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT h.at, a.name AS by_name, h.kind, h.score, h.level, h.state, h.note
       FROM warning_history h LEFT JOIN analysts a ON a.uid = h.actor_id WHERE h.warning_uid = ? ORDER BY h.id`,
    )
    .all(uid) as HistoryRow[];
  return rows.map((h) => ({ at: h.at, by: h.by_name ?? '', kind: h.kind, score: h.score, level: h.level, state: h.state, note: h.note }));
}

interface LetterRow {
  uid: string;
  enterprise_uid: string;
  enterprise_name: string | null;
  warning_uids: string;
  symbols: string;
  format: 'docx' | 'pdf';
  file_name: string;
  created_at: string;
  created_by_name: string | null;
  delivered_on: string | null;
  delivery_channel: NonNullable<WarningLetter['delivery']>['channel'] | null;
  delivery_note: string;
  delivered_by_name: string | null;
  acknowledged_on: string | null;
  ack_note: string;
  acknowledged_by_name: string | null;
}

export const LETTER_SELECT = `SELECT l.uid, l.enterprise_uid, e.name AS enterprise_name, l.warning_uids, l.symbols, l.format, l.file_name,
    l.created_at, cb.name AS created_by_name, l.delivered_on, l.delivery_channel, l.delivery_note, db.name AS delivered_by_name,
    l.acknowledged_on, l.ack_note, ab.name AS acknowledged_by_name
  FROM warning_letters l
  LEFT JOIN enterprises e ON e.uid = l.enterprise_uid
  LEFT JOIN analysts cb ON cb.uid = l.created_by
  LEFT JOIN analysts db ON db.uid = l.delivered_by
  LEFT JOIN analysts ab ON ab.uid = l.acknowledged_by`;

export function warningLetter(r: LetterRow): WarningLetter {
  return {
    uid: r.uid,
    enterpriseUid: r.enterprise_uid,
    enterpriseName: r.enterprise_name ?? '',
    warningUids: JSON.parse(r.warning_uids) as string[],
    symbols: JSON.parse(r.symbols) as string[],
    format: r.format,
    fileName: r.file_name,
    createdAt: r.created_at,
    createdBy: r.created_by_name ?? '',
    delivery: r.delivered_on && r.delivery_channel ? { date: r.delivered_on, channel: r.delivery_channel, note: r.delivery_note, by: r.delivered_by_name ?? '' } : null,
    acknowledgement: r.acknowledged_on ? { date: r.acknowledged_on, note: r.ack_note, by: r.acknowledged_by_name ?? '' } : null,
  };
}

/** The letters that cover a warning (its uid is in their list), newest first. */
export function lettersOfWarning(db: Database, uid: string): WarningLetter[] {
  const rows = db
    .prepare(`${LETTER_SELECT} WHERE l.deleted_at IS NULL AND EXISTS (SELECT 1 FROM json_each(l.warning_uids) j WHERE j.value = ?) ORDER BY l.id DESC`)
    .all(uid) as LetterRow[];
  return rows.map(warningLetter);
}

/** The row of one warning (tombstoned ones too: a letter may name one), or null. */
export function warningRowByUid(db: Database, uid: string): WarningRow | null {
  return (db.prepare(`${WARNING_SELECT} WHERE w.uid = ?`).get(uid) as WarningRow | undefined) ?? null;
}

/** One warning with its explanation, matches, override, history and letters. */
export function getWarning(db: Database, uid: string): Warning {
  const row = warningRowByUid(db, uid);
  if (!row) throw notFound('warning', uid);
  return {
    ...warningListItem(row),
    factors: JSON.parse(row.factors) as WarningFactor[],
    matches: JSON.parse(row.matches) as WarningMatch[],
    override:
      row.override_level && row.override_at && row.override_by
        ? { level: row.override_level, reason: row.override_reason ?? '', by: row.override_by_name ?? '', byId: row.override_by, at: row.override_at }
        : null,
    history: warningHistory(db, uid),
    letters: lettersOfWarning(db, uid),
  };
}
