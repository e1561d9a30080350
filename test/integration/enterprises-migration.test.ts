import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureConnection, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { DEFAULT_FOCUS_INDUSTRIES } from '../../shared/domain/focus-industries';
import { insertNotifications } from '../helpers/notification-fixtures';
import { makeTempDir, testClock } from '../helpers/temp-store';

describe('migration 0210: enterprises and warnings', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  beforeEach(() => {
    tmp = makeTempDir();
    db = new Database(path.join(tmp.dir, 'pingyi.sqlite3'));
    configureConnection(db);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('adds its tables to a store at 0200 with notifications in it, and seeds the eight default focus industries with their fixed uids', () => {
    const before210 = migrations.filter((m) => m.version < 210);
    expect(before210.at(-1)!.version).toBe(200);
    migrate(db, testClock(), before210);
    insertNotifications(db, [{ symbol: 'G/TBT/N/SAU/1201' }, { symbol: 'G/SPS/N/RUS/300' }]);
    const tables = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables()).not.toContain('enterprises');

    expect(migrate(db, testClock())).toBeGreaterThanOrEqual(210);

    const names = tables();
    for (const t of ['enterprises', 'enterprise_exposure', 'enterprise_imports', 'enterprise_changes', 'focus_industries', 'trade_exposure', 'warnings', 'warning_history', 'warning_letters']) {
      expect(names).toContain(t);
    }
    expect(db.prepare('SELECT count(*) FROM notifications').pluck().get()).toBe(2);
    const seeded = db.prepare('SELECT uid, code, built_in, deleted_at FROM focus_industries ORDER BY id').all();
    expect(seeded).toHaveLength(8);
    expect(seeded).toEqual(DEFAULT_FOCUS_INDUSTRIES.map((f) => ({ uid: f.uid, code: f.code, built_in: 1, deleted_at: null })));
    expect(DEFAULT_FOCUS_INDUSTRIES.map((f) => f.code)).toEqual(
      expect.arrayContaining(['ev', 'lithium-battery', 'photovoltaic', 'household-appliances', 'fertilizers', 'aquatic-products', 'lead-acid-battery', 'food']),
    );
    // The constraints the registry counts on.
    const insert = db.prepare(
      "INSERT INTO enterprises (uid, created_at, created_by, updated_at, updated_by, name, credit_code) VALUES (?, 'x', 'x', 'x', 'x', ?, ?)",
    );
    insert.run('00000000-0000-7000-8000-000000000001', 'A', '91350100M000100Y43');
    expect(() => insert.run('00000000-0000-7000-8000-000000000002', 'B', '91350100M000100Y43')).toThrow(/UNIQUE/);
    expect(() => insert.run('00000000-0000-7000-8000-000000000003', 'C', 'SHORT')).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
