import type { Database } from 'better-sqlite3';
import type { AppInfo, DataEntity } from '../../../shared/contract';
import { isDemoLoaded } from '../demo/load-demo';

/** The figures appInfo reports about the store's contents. */
export type StoreFigures = Pick<AppInfo, 'counts' | 'demoLoaded'>;

interface Known {
  countries?: number;
  notifications?: number;
  demoLoaded?: boolean;
  /** The audit log is append-only: the entries up to `lastId` are counted once and kept. */
  audit?: { count: number; lastId: number };
}

/**
 * Which changes can move each figure. Whether the demo set is loaded scans the notifications of a
 * store without it (about 50 ms on 105,000), so it is not read again on every write.
 */
const MOVED_BY: Record<'countries' | 'notifications' | 'demoLoaded', DataEntity> = {
  countries: 'countries',
  notifications: 'notifications',
  demoLoaded: 'notifications',
};

/** Per connection: a restore opens a new one, which starts with nothing known. */
const knownByDb = new WeakMap<Database, Known>();

const count = (db: Database, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Entries are never updated or deleted, so only those past the last one counted need counting. */
function countAudit(db: Database, known: Known): number {
  const from = known.audit ?? { count: 0, lastId: 0 };
  const added = db.prepare('SELECT count(*) AS n, max(id) AS last FROM audit_log WHERE id > ?').get(from.lastId) as { n: number; last: number | null };
  known.audit = { count: from.count + added.n, lastId: added.last ?? from.lastId };
  return known.audit.count;
}

/** The store's figures, each read again only after a change that can have moved it. */
export function storeFigures(db: Database): StoreFigures {
  let known = knownByDb.get(db);
  if (!known) knownByDb.set(db, (known = {}));
  return {
    counts: {
      countries: (known.countries ??= count(db, 'countries')),
      notifications: (known.notifications ??= count(db, 'notifications')),
      auditEntries: countAudit(db, known),
    },
    demoLoaded: (known.demoLoaded ??= isDemoLoaded(db)),
  };
}

/** Forget the figures a change of `entity` can move ('*': all of them). The backend calls this for every dataChanged it pushes. */
export function forgetStoreFigures(db: Database, entity: DataEntity | '*'): void {
  const known = knownByDb.get(db);
  if (!known) return;
  if (entity === '*') {
    knownByDb.delete(db);
    return;
  }
  for (const name of Object.keys(MOVED_BY) as Array<keyof typeof MOVED_BY>) {
    if (MOVED_BY[name] === entity) delete known[name];
  }
}
