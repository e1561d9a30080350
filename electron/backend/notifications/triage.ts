import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, Triage } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { cachedStatement } from '../db/statement-cache';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError } from '../errors';
import { assignedAnalystUid } from './assigned-analyst';
import { requireNotificationRow } from './notification-lookup';

interface TriageRow {
  uid: string;
  status: Triage['status'];
  relevance: Triage['relevance'];
  assignee: string | null;
  assignee_uid: string | null;
  notes: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
}

/** The triage of a notification; one nobody has touched yet reads as new and unrated. */
export function readTriage(db: Database, notificationId: number): Triage {
  const row = readTriageRow(db, notificationId);
  const industries = (
    cachedStatement(db, 'SELECT industry FROM notification_industries WHERE notification_id = ? AND deleted_at IS NULL ORDER BY industry').all(
      notificationId,
    ) as Array<{ industry: string }>
  ).map((r) => r.industry);
  if (!row) {
    return { status: 'new', relevance: null, assignee: null, assigneeId: null, notes: '', industries, updatedAt: null, updatedBy: null, updatedById: null };
  }
  return {
    status: row.status,
    relevance: row.relevance,
    assignee: row.assignee,
    assigneeId: row.assignee_uid,
    notes: row.notes,
    industries,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
    updatedById: row.updated_by,
  };
}

function readTriageRow(db: Database, notificationId: number): TriageRow | undefined {
  return cachedStatement(
    db,
    `SELECT t.uid, t.status, t.relevance, a.name AS assignee, t.assignee_uid, t.notes, t.updated_at, t.updated_by, u.name AS updated_by_name
     FROM notification_triage t LEFT JOIN analysts a ON a.uid = t.assignee_uid LEFT JOIN analysts u ON u.uid = t.updated_by
     WHERE t.notification_id = ?`,
  ).get(notificationId) as TriageRow | undefined;
}

/** What the audit log compares: the analyst's choices, not the bookkeeping timestamps. */
function auditView(t: Triage): Omit<Triage, 'updatedAt' | 'updatedBy' | 'updatedById'> {
  return { status: t.status, relevance: t.relevance, assignee: t.assignee, assigneeId: t.assigneeId, notes: t.notes, industries: t.industries };
}

/**
 * Change status, relevance, assignee, notes or industries; fields left out stay as they are.
 * One transaction with its audit entry; an update that changes nothing writes nothing.
 */
export function updateTriage(db: Database, actor: Actor, input: ChannelParsedInput<'notificationsTriageUpdate'>, clock: Clock): Triage {
  return db.transaction(() => applyTriage(db, actor, input, clock).triage)();
}

/**
 * The same status, relevance or assignee for many notifications, in one transaction: an unknown
 * id undoes the whole batch. Notifications already so are left alone, without an audit entry.
 */
export function updateTriageBatch(
  db: Database,
  actor: Actor,
  input: ChannelParsedInput<'notificationsTriageBatch'>,
  clock: Clock,
): { updated: number; unchanged: number } {
  const { ids, ...fields } = input;
  return db.transaction(() => {
    let updated = 0;
    for (const id of ids) if (applyTriage(db, actor, { id, ...fields }, clock).changed) updated += 1;
    return { updated, unchanged: ids.length - updated };
  })();
}

/** One notification's triage change, inside the caller's transaction. */
function applyTriage(
  db: Database,
  actor: Actor,
  input: ChannelParsedInput<'notificationsTriageUpdate'>,
  clock: Clock,
): { triage: Triage; changed: boolean } {
  requireNotificationRow(db, input.id);
  const before = readTriage(db, input.id);
  const industries = input.industries === undefined ? before.industries : [...new Set(input.industries)].sort();
  if (input.industries !== undefined) {
    const known = new Set(
      (cachedStatement(db, 'SELECT code FROM industries').all() as Array<{ code: string }>).map((r) => r.code),
    );
    const unknown = industries.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      const message = `unknown industry code ${unknown.join(', ')}`;
      throw new AppError('VALIDATION', `industries: ${message}`, { fields: [{ path: 'industries', message }] });
    }
  }
  const assigneeId = input.assignee === undefined ? before.assigneeId : assignedAnalystUid(db, actor, input.assignee, clock);
  const next = {
    status: input.status ?? before.status,
    relevance: input.relevance === undefined ? before.relevance : input.relevance,
    assignee: input.assignee === undefined ? before.assignee : input.assignee,
    assigneeId,
    notes: input.notes ?? before.notes,
    industries,
  };
  if (JSON.stringify(next) === JSON.stringify(auditView(before))) return { triage: before, changed: false };

  const fields = { id: input.id, status: next.status, relevance: next.relevance, assigneeId: next.assigneeId, notes: next.notes };
  cachedStatement(
    db,
    `INSERT INTO notification_triage (notification_id, status, relevance, assignee_uid, notes, uid, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @status, @relevance, @assigneeId, @notes, @uid, @created_at, @created_by, @updated_at, @updated_by)
     ON CONFLICT (notification_id) DO UPDATE SET status = excluded.status, relevance = excluded.relevance,
       assignee_uid = excluded.assignee_uid, notes = excluded.notes, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run({ ...fields, ...newRecordStamp(actor, clock) });
  if (input.industries !== undefined) writeIndustries(db, actor, input.id, before.industries, industries, clock);
  const after = readTriage(db, input.id);
  const uid = readTriageRow(db, input.id)?.uid ?? null;
  recordAudit(db, { at: clock.now(), actor, action: 'triage', entity: 'notification', entityId: input.id, entityUid: uid, before: auditView(before), after: auditView(after) });
  return { triage: after, changed: true };
}

/**
 * An industry taken off leaves a tombstone; one put back revives its row, so each industry of a
 * notification keeps one uid however often it comes and goes.
 */
function writeIndustries(db: Database, actor: Actor, id: number, before: readonly string[], after: readonly string[], clock: Clock): void {
  const removed = before.filter((code) => !after.includes(code));
  const added = after.filter((code) => !before.includes(code));
  const bury = cachedStatement(
    db,
    `UPDATE notification_industries SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by
     WHERE notification_id = @id AND industry = @code AND deleted_at IS NULL`,
  );
  for (const code of removed) bury.run({ id, code, ...tombstoneStamp(actor, clock) });
  const add = cachedStatement(
    db,
    `INSERT INTO notification_industries (notification_id, industry, uid, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @code, @uid, @created_at, @created_by, @updated_at, @updated_by)
     ON CONFLICT (notification_id, industry) DO UPDATE SET deleted_at = NULL, deleted_by = NULL,
       updated_at = @changed_at, updated_by = @changed_by`,
  );
  for (const code of added) {
    const change = changeStamp(actor, clock);
    add.run({ id, code, ...newRecordStamp(actor, clock), changed_at: change.updated_at, changed_by: change.updated_by });
  }
}
