import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/contract';
import type { Actor } from '../analysts/analysts';

export interface AuditRecord {
  /** The acting analyst (actingAnalyst): the log keeps their uid and their name at the time. */
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | number;
  /** The record's stable uid, when it has one (the reference that can leave this workstation). */
  entityUid?: string | null;
  before?: unknown;
  after?: unknown;
  /** When the change was made, by the backend's clock. */
  at: Date;
}

/**
 * Append one change to the audit log. Call it inside the transaction that makes the change.
 * The log is append-only: triggers refuse UPDATE and DELETE (migration 0180).
 */
export function recordAudit(db: Database, record: AuditRecord): void {
  const { actor } = record;
  db.prepare(
    'INSERT INTO audit_log (at, actor, actor_id, action, entity, entity_id, entity_uid, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    record.at.toISOString(),
    actor.name,
    actor.uid,
    record.action,
    record.entity,
    String(record.entityId),
    record.entityUid ?? null,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  entity_uid: string | null;
  before: string | null;
  after: string | null;
}

export function listAudit(
  db: Database,
  input: { entity?: string | undefined; entityId?: string | undefined; limit: number },
): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: input.limit };
  if (input.entity !== undefined) {
    where.push('entity = @entity');
    params.entity = input.entity;
  }
  if (input.entityId !== undefined) {
    where.push('entity_id = @entityId');
    params.entityId = input.entityId;
  }
  const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`;
  const rows = db.prepare(sql).all(params) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    entityUid: r.entity_uid,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
