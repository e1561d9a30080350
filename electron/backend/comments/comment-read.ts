import type { Database } from 'better-sqlite3';
import type {
  ChannelParsedInput,
  Comment,
  CommentContent,
  CommentDeadlines,
  CommentEvent,
  CommentFollowup,
  CommentListItem,
  CommentStatus,
  OutcomeCounts,
  PointOutcomeRecord,
  SubmissionChannel,
} from '../../../shared/contract';
import { commentOutcome, type CommentOutcome } from '../../../shared/domain/comment-outcome';
import { COMMENT_TRANSITIONS, isEditableStatus, isSentStatus } from '../../../shared/domain/comment-workflow';
import { daysLeft, isCalendarDate } from '../../../shared/domain/deadline';
import { commentRisk, internalDeadline, workCalendar, type WorkCalendar } from '../../../shared/domain/working-days';
import { requireNotificationRow } from '../notifications/notification-lookup';
import { readLanguageMarks } from './language-marks';
import { resolveFamilyId } from '../notifications/timeline';
import { getSettings } from '../settings/settings';
import { readContent, requireComment, targetRefOf, type CommentRow } from './comment-store';
import { resolveTarget, type ResolvedTarget } from './comment-target';

/** How internal deadlines are set: working days before the final date, on the team's calendar. */
export interface DeadlineRules {
  workingDays: number;
  calendar: WorkCalendar;
}

export function deadlineRules(db: Database): DeadlineRules {
  const settings = getSettings(db);
  return { workingDays: settings.internalDeadlineWorkingDays, calendar: workCalendar(settings.workCalendar) };
}

export function describeDeadlines(finalDate: string | null, rules: DeadlineRules, today: string, status: CommentStatus): CommentDeadlines {
  const final = finalDate !== null && isCalendarDate(finalDate) ? finalDate : null;
  const internal = final === null ? null : internalDeadline(final, rules.workingDays, rules.calendar);
  return {
    finalDate: final,
    internalDeadline: internal,
    workingDays: rules.workingDays,
    daysToInternal: daysLeft(internal, today),
    daysToFinal: daysLeft(final, today),
    risk: commentRisk(today, internal, final, status, rules.calendar),
  };
}

/** An analyst's name by uid (records keep uids; people read names). */
export function analystName(db: Database, uid: string): string {
  return (db.prepare('SELECT name FROM analysts WHERE uid = ?').pluck().get(uid) as string | undefined) ?? uid;
}

interface OutcomeRow {
  uid: string;
  point_key: string;
  outcome: PointOutcomeRecord['outcome'];
  outcome_date: string | null;
  evidence_kind: 'notification' | 'regulation' | null;
  evidence_notification_id: number | null;
  evidence_symbol: string | null;
  evidence_reference: string | null;
  evidence_date: string | null;
  cost_spared_cny: number | null;
  cost_method: string | null;
  note: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
}

function readOutcomes(db: Database, commentId: number): PointOutcomeRecord[] {
  const rows = db
    .prepare(
      `SELECT o.*, n.symbol AS evidence_symbol, a.name AS recorded_by_name FROM comment_outcomes o
       JOIN analysts a ON a.uid = o.recorded_by
       LEFT JOIN notifications n ON n.id = o.evidence_notification_id WHERE o.comment_id = ? AND o.deleted_at IS NULL`,
    )
    .all(commentId) as OutcomeRow[];
  return rows.map((r) => ({
    uid: r.uid,
    pointKey: r.point_key,
    outcome: r.outcome,
    date: r.outcome_date,
    evidence:
      r.evidence_kind === 'notification' && r.evidence_notification_id !== null
        ? { kind: 'notification', notificationId: r.evidence_notification_id, symbol: r.evidence_symbol ?? '', date: r.evidence_date ?? '' }
        : r.evidence_kind === 'regulation'
          ? { kind: 'regulation', reference: r.evidence_reference ?? '', date: r.evidence_date ?? '' }
          : null,
    costSparedCny: r.cost_spared_cny,
    costMethod: r.cost_method,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by_name,
    recordedByUid: r.recorded_by,
  }));
}

function countOutcomes(pointKeys: readonly string[], outcomes: readonly PointOutcomeRecord[]): OutcomeCounts {
  const byKey = new Map(outcomes.map((o) => [o.pointKey, o.outcome]));
  const counts: OutcomeCounts = { adopted: 0, partlyAdopted: 0, notAdopted: 0, noReply: 0, withdrawn: 0, pending: 0 };
  for (const key of pointKeys) {
    const o = byKey.get(key);
    if (o === 'adopted') counts.adopted++;
    else if (o === 'partly_adopted') counts.partlyAdopted++;
    else if (o === 'not_adopted') counts.notAdopted++;
    else if (o === 'no_reply') counts.noReply++;
    else if (o === 'withdrawn') counts.withdrawn++;
    else counts.pending++;
  }
  return counts;
}

function outcomeOfPoints(pointKeys: readonly string[], outcomes: readonly PointOutcomeRecord[]): CommentOutcome {
  const byKey = new Map(outcomes.map((o) => [o.pointKey, o.outcome]));
  return commentOutcome(pointKeys.map((key) => byKey.get(key) ?? null));
}

interface Assembled {
  item: CommentListItem;
  resolved: ResolvedTarget;
  content: CommentContent;
  outcomes: PointOutcomeRecord[];
}

function assemble(db: Database, row: CommentRow, today: string, rules: DeadlineRules, timeline = false): Assembled {
  const resolved = resolveTarget(db, targetRefOf(row), { timeline });
  const content = readContent(db, row.id, row.current_version);
  const outcomes = readOutcomes(db, row.id);
  const counts = countOutcomes(content.points.map((p) => p.key), outcomes);
  const openFollowups = (
    db.prepare('SELECT count(*) AS n FROM comment_followups WHERE comment_id = ? AND acknowledged_at IS NULL AND deleted_at IS NULL').get(row.id) as { n: number }
  ).n;
  const item: CommentListItem = {
    id: row.id,
    uid: row.uid,
    status: row.status,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    author: analystName(db, row.created_by),
    authorUid: row.created_by,
    target: resolved.target,
    version: row.current_version,
    pointCount: content.points.length,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deadlines: describeDeadlines(resolved.finalDate, rules, today, row.status),
    submission:
      row.submission_date === null
        ? null
        : { date: row.submission_date, channel: (row.submission_channel ?? 'other') as SubmissionChannel, reference: row.submission_reference ?? '' },
    outcomes: counts,
    adopted: counts.adopted + counts.partlyAdopted > 0,
    outcome: outcomeOfPoints(content.points.map((p) => p.key), outcomes),
    openFollowups,
  };
  return { item, resolved, content, outcomes };
}

export function toListItem(db: Database, row: CommentRow, today: string): CommentListItem {
  return assemble(db, row, today, deadlineRules(db)).item;
}

interface EventRow {
  id: number;
  uid: string;
  at: string;
  actor: string;
  actor_uid: string;
  from_status: CommentStatus | null;
  to_status: CommentStatus;
  note: string;
  version: number;
  version_uid: string | null;
}

interface FollowupRow {
  notification_id: number;
  symbol: string;
  doc_type: CommentFollowup['docType'];
  title: string;
  distribution_date: string | null;
  detected_at: string;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: string | null;
}

/** One comment with its text, history, outcomes, later addenda and the measure's timeline. */
export function getComment(db: Database, id: number, today: string): Comment {
  const row = requireComment(db, id);
  const { item, resolved, content, outcomes } = assemble(db, row, today, deadlineRules(db), true);
  const events: CommentEvent[] = (
    db
      .prepare(
        `SELECT e.id, e.uid, e.at, a.name AS actor, e.created_by AS actor_uid, e.from_status, e.to_status, e.note, e.version, e.version_uid
         FROM comment_events e JOIN analysts a ON a.uid = e.created_by WHERE e.comment_id = ? AND e.deleted_at IS NULL ORDER BY e.id`,
      )
      .all(id) as EventRow[]
  ).map((e) => ({
    id: e.id,
    uid: e.uid,
    at: e.at,
    actor: e.actor,
    actorUid: e.actor_uid,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    version: e.version,
    versionUid: e.version_uid,
  }));
  const followups: CommentFollowup[] = (
    db
      .prepare(
        `SELECT f.notification_id, n.symbol, n.doc_type, n.title, n.distribution_date, f.detected_at, f.acknowledged_by,
           a.name AS acknowledged_by_name, f.acknowledged_at
         FROM comment_followups f JOIN notifications n ON n.id = f.notification_id LEFT JOIN analysts a ON a.uid = f.acknowledged_by
         WHERE f.comment_id = ? AND f.deleted_at IS NULL ORDER BY n.distribution_date DESC, f.detected_at DESC`,
      )
      .all(id) as FollowupRow[]
  ).map((f) => ({
    notificationId: f.notification_id,
    symbol: f.symbol,
    docType: f.doc_type,
    title: f.title,
    distributionDate: f.distribution_date,
    detectedAt: f.detected_at,
    acknowledgedBy: f.acknowledged_by_name,
    acknowledgedByUid: f.acknowledged_by,
    acknowledgedAt: f.acknowledged_at,
  }));
  const approvals = events.filter((e) => e.toStatus === 'approved');
  return {
    ...item,
    content,
    events,
    reviewer: approvals[approvals.length - 1]?.actor ?? null,
    reviewerUid: approvals[approvals.length - 1]?.actorUid ?? null,
    reply: row.reply_date === null ? null : { date: row.reply_date, summary: row.reply_summary ?? '' },
    pointOutcomes: outcomes,
    followups,
    nextStatuses: [...COMMENT_TRANSITIONS[row.status]],
    editable: isEditableStatus(row.status),
    acceptsOutcomes: isSentStatus(row.status),
    measureTimeline: resolved.timeline,
    languageMarks: readLanguageMarks(db, id, content.points),
  };
}

type ListInput = ChannelParsedInput<'commentsList'>;

/** The comments of one measure: its base, revisions and addenda, and its family. */
function measureClause(db: Database, notificationId: number): { sql: string; params: Record<string, unknown> } {
  const row = requireNotificationRow(db, notificationId);
  return {
    sql: `(notification_id IN (SELECT id FROM notifications WHERE base_symbol = @measureBase) OR family_id = @measureFamily)`,
    params: { measureBase: row.base_symbol, measureFamily: resolveFamilyId(db, row) },
  };
}

/** Every comment matching the filters, as list items; risk depends on `today` and Settings. */
export function listCommentItems(db: Database, input: Omit<ListInput, 'offset' | 'limit'>, today: string): CommentListItem[] {
  const where: string[] = ['deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (input.statuses && input.statuses.length > 0) {
    where.push(`status IN (${input.statuses.map((_, i) => `@s${i}`).join(', ')})`);
    input.statuses.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (input.notificationId !== undefined) {
    const m = measureClause(db, input.notificationId);
    where.push(m.sql);
    Object.assign(params, m.params);
  }
  if (input.familyId !== undefined) {
    where.push('(family_id = @familyId OR notification_id IN (SELECT id FROM notifications WHERE family_id = @familyId))');
    params.familyId = input.familyId;
  }
  if (input.withOpenFollowups) {
    where.push('EXISTS (SELECT 1 FROM comment_followups f WHERE f.comment_id = comments.id AND f.acknowledged_at IS NULL)');
  }
  const rows = db
    .prepare(`SELECT * FROM comments WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC`)
    .all(params) as CommentRow[];
  const rules = deadlineRules(db);
  let items = rows.map((r) => assemble(db, r, today, rules).item);
  if (input.risks && input.risks.length > 0) {
    const risks = new Set(input.risks);
    items = items.filter((i) => risks.has(i.deadlines.risk));
  }
  if (input.memberCode !== undefined) items = items.filter((i) => i.target.memberCodes.includes(input.memberCode ?? ''));
  if (input.sort === 'deadline') {
    const key = (i: CommentListItem): string =>
      isSentStatus(i.status) ? `2|` : `${i.deadlines.internalDeadline === null ? '1|' : '0|' + i.deadlines.internalDeadline}`;
    items = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return items;
}

export function listComments(db: Database, input: ListInput, today: string): { total: number; items: CommentListItem[] } {
  const items = listCommentItems(db, input, today);
  return { total: items.length, items: items.slice(input.offset, input.offset + input.limit) };
}
