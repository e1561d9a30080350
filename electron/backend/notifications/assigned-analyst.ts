import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/domain/clock';
import { newUid } from '../../../shared/domain/uid';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';

/**
 * The uid of the analyst a notification is assigned to, or whose translation it is, given by name
 * as the forms type it. Records keep the uid, so a later rename follows everywhere. A name not yet
 * on the team list is added to it as inactive, the way migration 0180 brought in every name it
 * found: it can be assigned work without being offered as somebody to act as.
 */
export function assignedAnalystUid(db: Database, actor: Actor, name: string | null, clock: Clock): string | null {
  if (name === null) return null;
  const found = db.prepare('SELECT uid FROM analysts WHERE name = ?').pluck().get(name) as string | undefined;
  if (found) return found;
  const uid = newUid(clock);
  const at = clock.now().toISOString();
  db.prepare('INSERT INTO analysts (uid, name, active, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 0, ?, ?, ?, ?)').run(
    uid,
    name,
    at,
    actor.uid,
    at,
    actor.uid,
  );
  recordAudit(db, { at: clock.now(), actor, action: 'create', entity: 'analyst', entityId: uid, entityUid: uid, after: { name, active: false } });
  return uid;
}
