import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { isUid } from '../../shared/domain/uid';
import { emptyBackend } from '../helpers/temp-store';

/**
 * Tables that are not analyst-authored: reference data, notifications as WTO published them (named
 * by their symbol), what imports derive from them, the import history, the audit log itself, the
 * search index and the facts of this workstation. Every other table is authored by analysts and
 * must carry the record identity (see electron/backend/db/record-identity.ts).
 */
const NOT_AUTHORED = new Set([
  'countries',
  'country_blocs',
  'industries',
  'notifications',
  'notification_changes',
  'notification_codes',
  // The dashboard's counts of notifications, derived from them by triggers (migration 0230).
  'notification_month_counts',
  'notification_chapter_counts',
  'notification_member_chapter_counts',
  'measure_families',
  'imports',
  'audit_log',
  'workstation',
  // Parts of one record that travel with it: a trade concern's list of notifications is saved,
  // stamped and exchanged as part of the concern (named by their WTO symbols).
  'trade_concern_notifications',
  // Reference data (customs statistics) and append-only logs of what happened to records that
  // carry their own identity: they name the record by uid and the analyst by actor_id.
  'trade_exposure',
  'enterprise_imports',
  'enterprise_changes',
  'warning_history',
]);
const IDENTITY = ['uid', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by'];

describe('record identity across the schema', () => {
  let backend: Backend;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ backend, cleanup } = await emptyBackend());
  });
  afterEach(() => cleanup());

  it('every analyst-authored table has a uid, who and when it was made and changed, and a tombstone', () => {
    const db = backend.ctx.db;
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notifications_fts%'")
      .pluck()
      .all() as string[];
    const authored = tables.filter((t) => !NOT_AUTHORED.has(t));
    expect(authored.length).toBeGreaterThan(10);
    const missing = authored.flatMap((t) => {
      const columns = new Set((db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name));
      return IDENTITY.filter((c) => !columns.has(c)).map((c) => `${t}.${c}`);
    });
    expect(missing).toEqual([]);
  });

  it('every record the demo makes has its own UUIDv7 and names analysts by uid', () => {
    backend.call('demoLoad', {});
    const db = backend.ctx.db;
    const analysts = new Set(db.prepare('SELECT uid FROM analysts').pluck().all() as string[]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notifications_fts%'")
      .pluck()
      .all() as string[];
    const seen = new Set<string>();
    let rows = 0;
    for (const t of tables.filter((t) => !NOT_AUTHORED.has(t))) {
      for (const r of db.prepare(`SELECT uid, created_by, updated_by FROM ${t}`).all() as Array<Record<string, string>>) {
        rows += 1;
        expect(isUid(r.uid) || t === 'analysts', `${t} uid ${r.uid}`).toBe(true);
        expect(seen.has(r.uid!), `${t} uid ${r.uid} repeated`).toBe(false);
        seen.add(r.uid!);
        expect(analysts.has(r.created_by!), `${t}.created_by ${r.created_by}`).toBe(true);
        expect(analysts.has(r.updated_by!), `${t}.updated_by ${r.updated_by}`).toBe(true);
      }
    }
    expect(rows).toBeGreaterThan(50);
  });
});
