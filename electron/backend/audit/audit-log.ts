import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/contract';

export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** When the change was made, by the backend's clock. */
  at: Date;
}

/** Append one change to the audit log. Call it inside the transaction that makes the change. */
export function recordAudit(db: Database, record: AuditRecord): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    record.at.toISOString(),
    record.actor,
    record.action,
    record.entity,
    String(record.entityId),
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
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
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
