import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, Triage } from '../../../shared/contract';
import { recordAudit } from '../audit/audit-log';
import { cachedStatement } from '../db/statement-cache';
import { AppError } from '../errors';
import { requireNotificationRow } from './notification-lookup';

interface TriageRow {
  status: Triage['status'];
  relevance: Triage['relevance'];
  assignee: string | null;
  notes: string;
  updated_at: string;
  updated_by: string;
}

/** The triage of a notification; one nobody has touched yet reads as new and unrated. */
export function readTriage(db: Database, notificationId: number): Triage {
  const row = cachedStatement(db, 'SELECT status, relevance, assignee, notes, updated_at, updated_by FROM notification_triage WHERE notification_id = ?')
    .get(notificationId) as TriageRow | undefined;
  const industries = (
    cachedStatement(db, 'SELECT industry FROM notification_industries WHERE notification_id = ? ORDER BY industry').all(notificationId) as Array<{
      industry: string;
    }>
  ).map((r) => r.industry);
  if (!row) {
    return { status: 'new', relevance: null, assignee: null, notes: '', industries, updatedAt: null, updatedBy: null };
  }
  return {
    status: row.status,
    relevance: row.relevance,
    assignee: row.assignee,
    notes: row.notes,
    industries,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** What the audit log compares: the analyst's choices, not the bookkeeping timestamps. */
function auditView(t: Triage): Omit<Triage, 'updatedAt' | 'updatedBy'> {
  return { status: t.status, relevance: t.relevance, assignee: t.assignee, notes: t.notes, industries: t.industries };
}

/**
 * Change status, relevance, assignee, notes or industries; fields left out stay as they are.
 * One transaction with its audit entry; an update that changes nothing writes nothing.
 */
export function updateTriage(db: Database, actor: string, input: ChannelParsedInput<'notificationsTriageUpdate'>, now: Date): Triage {
  return db.transaction(() => applyTriage(db, actor, input, now).triage)();
}

/**
 * The same status, relevance or assignee for many notifications, in one transaction: an unknown
 * id undoes the whole batch. Notifications already so are left alone, without an audit entry.
 */
export function updateTriageBatch(
  db: Database,
  actor: string,
  input: ChannelParsedInput<'notificationsTriageBatch'>,
  now: Date,
): { updated: number; unchanged: number } {
  const { ids, ...fields } = input;
  return db.transaction(() => {
    let updated = 0;
    for (const id of ids) if (applyTriage(db, actor, { id, ...fields }, now).changed) updated += 1;
    return { updated, unchanged: ids.length - updated };
  })();
}

/** One notification's triage change, inside the caller's transaction. */
function applyTriage(
  db: Database,
  actor: string,
  input: ChannelParsedInput<'notificationsTriageUpdate'>,
  at: Date,
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
  const next = {
    status: input.status ?? before.status,
    relevance: input.relevance === undefined ? before.relevance : input.relevance,
    assignee: input.assignee === undefined ? before.assignee : input.assignee,
    notes: input.notes ?? before.notes,
    industries,
  };
  if (JSON.stringify(next) === JSON.stringify(auditView(before))) return { triage: before, changed: false };

  const now = at.toISOString();
  cachedStatement(
    db,
    `INSERT INTO notification_triage (notification_id, status, relevance, assignee, notes, updated_at, updated_by)
     VALUES (@id, @status, @relevance, @assignee, @notes, @now, @actor)
     ON CONFLICT (notification_id) DO UPDATE SET status = excluded.status, relevance = excluded.relevance,
       assignee = excluded.assignee, notes = excluded.notes, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run({ id: input.id, status: next.status, relevance: next.relevance, assignee: next.assignee, notes: next.notes, now, actor });
  if (input.industries !== undefined) {
    cachedStatement(db, 'DELETE FROM notification_industries WHERE notification_id = ?').run(input.id);
    const add = cachedStatement(db, 'INSERT INTO notification_industries (notification_id, industry) VALUES (?, ?)');
    for (const code of industries) add.run(input.id, code);
  }
  const after = readTriage(db, input.id);
  recordAudit(db, { at, actor, action: 'triage', entity: 'notification', entityId: input.id, before: auditView(before), after: auditView(after) });
  return { triage: after, changed: true };
}
