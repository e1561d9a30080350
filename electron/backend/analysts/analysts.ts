import type { Database } from 'better-sqlite3';
import type { Analyst } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { newUid } from '../../../shared/domain/uid';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';

/** Who a write is by: the analyst's stable uid (what records keep) and name (what people read). */
export interface Actor {
  uid: string;
  name: string;
}

interface AnalystRow {
  uid: string;
  name: string;
  active: number;
  created_at: string;
}

const collator = new Intl.Collator('zh');
const toAnalyst = (r: AnalystRow): Analyst => ({ uid: r.uid, name: r.name, active: r.active === 1, createdAt: r.created_at });

/** The team, active analysts first, each group in pinyin order (the "unrecorded" placeholder left out). */
export function listAnalysts(db: Database): Analyst[] {
  const rows = db.prepare("SELECT uid, name, active, created_at FROM analysts WHERE deleted_at IS NULL AND uid <> '00000000-0000-7000-8000-000000000000'").all() as AnalystRow[];
  return rows.map(toAnalyst).sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name));
}

/**
 * Add an analyst or change whether one is active. Names are identities in the history of every
 * record, so they are never renamed or removed; someone who left is marked inactive.
 */
export function saveAnalyst(db: Database, actor: Actor, input: { name: string; active: boolean }, clock: Clock): Analyst[] {
  return db.transaction(() => {
    const before = db.prepare('SELECT uid, name, active, created_at FROM analysts WHERE name = ?').get(input.name) as AnalystRow | undefined;
    if (before && (before.active === 1) === input.active) return listAnalysts(db);
    const at = clock.now().toISOString();
    const uid = before?.uid ?? newUid(clock);
    if (before) {
      db.prepare('UPDATE analysts SET active = ?, updated_at = ?, updated_by = ? WHERE uid = ?').run(input.active ? 1 : 0, at, actor.uid, uid);
    } else {
      db.prepare(
        'INSERT INTO analysts (uid, name, active, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(uid, input.name, input.active ? 1 : 0, at, actor.uid, at, actor.uid);
    }
    if (!input.active && actingAnalystUid(db) === uid) {
      throw new AppError('VALIDATION', `active: ${input.name} is the analyst this workstation acts as; act as someone else first`, {
        fields: [{ path: 'active', message: 'this workstation acts as this analyst' }],
      });
    }
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: before ? 'update' : 'create',
      entity: 'analyst',
      entityId: uid,
      entityUid: uid,
      before: before ? { active: before.active === 1 } : undefined,
      after: { name: input.name, active: input.active },
    });
    return listAnalysts(db);
  })();
}

/** Analysts acting on one connection only (the CLI's --as), in place of the workstation's choice. */
const actingOnConnection = new WeakMap<Database, string>();

function actingAnalystUid(db: Database): string | undefined {
  return actingOnConnection.get(db) ?? (db.prepare("SELECT value FROM workstation WHERE key = 'actingAnalyst'").pluck().get() as string | undefined);
}

/**
 * Act as the analyst named `name` for the writes over this connection only (the CLI's --as):
 * they must be on the team list and active. The workstation's own choice is left as it is.
 */
export function actAsOnConnection(db: Database, name: string, field = 'as'): Actor {
  const row = db.prepare('SELECT uid, name, active FROM analysts WHERE name = ? AND deleted_at IS NULL').get(name) as
    | { uid: string; name: string; active: number }
    | undefined;
  const problem = !row ? `${name} is not on the analyst list; add them under Settings → analysts first` : row.active !== 1 ? `${name} is marked inactive and cannot act` : null;
  if (problem || !row) {
    const message = problem ?? 'not on the analyst list';
    throw new AppError('VALIDATION', `${field}: ${message}`, { fields: [{ path: field, message }] });
  }
  actingOnConnection.set(db, row.uid);
  return { uid: row.uid, name: row.name };
}

/**
 * The analyst this workstation acts as: every write records them. There are no passwords in this
 * offline tool; the acting analyst is chosen in the app (or with --as in the CLI).
 */
export function actingAnalyst(db: Database): Actor {
  const uid = actingAnalystUid(db);
  const row = uid ? (db.prepare('SELECT uid, name, active FROM analysts WHERE uid = ?').get(uid) as { uid: string; name: string; active: number } | undefined) : undefined;
  if (row && row.active === 1) return { uid: row.uid, name: row.name };
  throw new AppError('VALIDATION', 'No active analyst is chosen to act on this workstation; choose one under Settings → analysts', {
    reason: 'no-acting-analyst',
    fields: [{ path: 'actor', message: 'no acting analyst' }],
  });
}

/** The acting analyst as the contract shows it. */
export function actingAnalystRecord(db: Database): Analyst {
  const actor = actingAnalyst(db);
  return toAnalyst(db.prepare('SELECT uid, name, active, created_at FROM analysts WHERE uid = ?').get(actor.uid) as AnalystRow);
}

/** Act as `uid` from now on: an active analyst on the team list. Local to this workstation. */
export function setActingAnalyst(db: Database, uid: string): Analyst {
  const row = db.prepare('SELECT uid, name, active, created_at FROM analysts WHERE uid = ? AND deleted_at IS NULL').get(uid) as AnalystRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No analyst ${uid}`, { fields: [{ path: 'uid', message: 'not on the analyst list' }] });
  if (row.active !== 1) {
    throw new AppError('VALIDATION', `uid: ${row.name} is marked inactive and cannot act`, { fields: [{ path: 'uid', message: 'inactive analyst' }] });
  }
  db.prepare("INSERT INTO workstation (key, value) VALUES ('actingAnalyst', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(uid);
  return toAnalyst(row);
}

/** An analyst by name (the CLI's --as, and names in imported files). */
export function analystByName(db: Database, name: string): Actor | null {
  const row = db.prepare('SELECT uid, name FROM analysts WHERE name = ? AND deleted_at IS NULL').get(name) as Actor | undefined;
  return row ?? null;
}
