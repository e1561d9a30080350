import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/domain/clock';
import { newUid, UNRECORDED_ANALYST_UID } from '../../../shared/domain/uid';
import type { Actor } from '../analysts/analysts';

/**
 * Every analyst-authored record carries these columns, so that records can later be exchanged
 * between workstations and merged exactly:
 * - `uid`: its stable identity (UUIDv7), the key any reference that leaves the machine uses
 *   (notifications are named by their WTO symbol instead);
 * - `created_at` / `created_by`, `updated_at` / `updated_by`: instants by the backend clock
 *   (ISO text), analysts by uid;
 * - `deleted_at` / `deleted_by`: a tombstone. Nothing analyst-authored is deleted; lists and
 *   search leave tombstoned records out, and an exchange carries the tombstone.
 * New tables declare them with RECORD_IDENTITY_COLUMNS.
 */
export const RECORD_IDENTITY_COLUMNS = `
        uid         TEXT NOT NULL UNIQUE CHECK (length(uid) = 36),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        deleted_at  TEXT,
        deleted_by  TEXT`;

/** Where a migration finds the creation and last change of rows that existed before uids. */
export interface IdentitySources {
  /** SQL expressions over the table's own columns (aliased `t`). */
  createdAt: string;
  updatedAt?: string;
  /** An expression giving an analyst NAME; mapped to the analyst's uid, or the unrecorded one. */
  createdByName?: string;
  updatedByName?: string;
  /** The table already has created_at / created_by / updated_at / updated_by columns (by name). */
  hasStampColumns?: Array<'created_at' | 'created_by' | 'updated_at' | 'updated_by'>;
}

/**
 * Give an existing table the identity columns and fill them in for its rows (migrations only).
 * Stamp columns it already has keep their place; a name in *_by becomes the analyst's uid.
 */
export function addRecordIdentity(db: Database, table: string, sources: IdentitySources): void {
  const has = new Set(sources.hasStampColumns ?? []);
  const add = (column: string, definition: string): void => {
    if (!has.has(column as never)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  };
  const snapshot = db.prepare(`SELECT rowid AS r, ${sources.createdAt} AS c, ${sources.updatedAt ?? sources.createdAt} AS u,
      ${sources.createdByName ?? 'NULL'} AS cb, ${sources.updatedByName ?? sources.createdByName ?? 'NULL'} AS ub FROM ${table} AS t`)
    .all() as Array<{ r: number; c: string | null; u: string | null; cb: string | null; ub: string | null }>;
  db.exec(`ALTER TABLE ${table} ADD COLUMN uid TEXT NOT NULL DEFAULT ''`);
  add('created_at', "TEXT NOT NULL DEFAULT ''");
  add('created_by', "TEXT NOT NULL DEFAULT ''");
  add('updated_at', "TEXT NOT NULL DEFAULT ''");
  add('updated_by', "TEXT NOT NULL DEFAULT ''");
  db.exec(`ALTER TABLE ${table} ADD COLUMN deleted_at TEXT`);
  db.exec(`ALTER TABLE ${table} ADD COLUMN deleted_by TEXT`);
  const analyst = db.prepare('SELECT uid FROM analysts WHERE name = ?').pluck();
  const uidOf = (name: string | null): string => (name ? ((analyst.get(name) as string | undefined) ?? UNRECORDED_ANALYST_UID) : UNRECORDED_ANALYST_UID);
  const update = db.prepare(
    `UPDATE ${table} SET uid = pingyi_uid_at(@c), created_at = @c, created_by = @cb, updated_at = @u, updated_by = @ub WHERE rowid = @r`,
  );
  for (const row of snapshot) {
    const c = row.c ?? row.u ?? '1970-01-01T00:00:00.000Z';
    update.run({ r: row.r, c, u: row.u ?? c, cb: uidOf(row.cb), ub: uidOf(row.ub ?? row.cb) });
  }
  db.exec(`CREATE UNIQUE INDEX ${table}_uid ON ${table}(uid)`);
}

/** The identity of a record being made now by `actor` (column values for an INSERT). */
export function newRecordStamp(actor: Actor, clock: Clock): { uid: string; created_at: string; created_by: string; updated_at: string; updated_by: string } {
  const at = clock.now().toISOString();
  return { uid: newUid(clock), created_at: at, created_by: actor.uid, updated_at: at, updated_by: actor.uid };
}

/** The columns a change by `actor` sets (for an UPDATE). */
export function changeStamp(actor: Actor, clock: Clock): { updated_at: string; updated_by: string } {
  return { updated_at: clock.now().toISOString(), updated_by: actor.uid };
}

/** The columns a delete by `actor` sets: a tombstone, never a removed row. */
export function tombstoneStamp(actor: Actor, clock: Clock): { deleted_at: string; deleted_by: string; updated_at: string; updated_by: string } {
  const at = clock.now().toISOString();
  return { deleted_at: at, deleted_by: actor.uid, updated_at: at, updated_by: actor.uid };
}
