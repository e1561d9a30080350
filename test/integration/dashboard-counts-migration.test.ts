import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureConnection, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { todayOf } from '../../shared/domain/clock';
import { addDays } from '../../shared/domain/deadline';
import { countTables, recountTables } from '../helpers/dashboard-counts';
import { insertNotifications } from '../helpers/notification-fixtures';
import { makeTempDir, testClock } from '../helpers/temp-store';

describe('migration 0230: the dashboard counts', () => {
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

  it('counts the notifications a store at 0210 already holds, and reads a month range by its primary key', () => {
    const before230 = migrations.filter((m) => m.version < 230);
    expect(before230.at(-1)!.version).toBe(210);
    migrate(db, testClock(), before230);
    const today = todayOf(testClock());
    const ids = insertNotifications(db, [
      { symbol: 'G/TBT/N/SAU/1', distributionDate: today },
      { symbol: 'G/TBT/N/SAU/2', distributionDate: today },
      { symbol: 'G/SPS/N/RUS/3', distributionDate: addDays(today, -40) },
      { symbol: 'G/TBT/N/KAZ/4', distributionDate: addDays(today, -400) },
      { symbol: 'G/TBT/N/KAZ/5', distributionDate: null },
    ]);
    const setHs = db.prepare('UPDATE notifications SET hs_codes = ? WHERE id = ?');
    setHs.run(JSON.stringify(['8507.60', '850780', '8703']), ids['G/TBT/N/SAU/1']);
    setHs.run(JSON.stringify([' 03-02 ', '8']), ids['G/SPS/N/RUS/3']);
    setHs.run('not json', ids['G/TBT/N/KAZ/4']);
    setHs.run(JSON.stringify(['8507']), ids['G/TBT/N/KAZ/5']);

    expect(migrate(db, testClock())).toBeGreaterThanOrEqual(230);

    const counts = countTables(db);
    expect(counts).toEqual(recountTables(db));
    expect(counts.months).toContainEqual({ month: today.slice(0, 7), member_code: 'SAU', area: 'TBT', n: 2 });
    expect(counts.chapters).toContainEqual({ month: today.slice(0, 7), area: 'TBT', chapter: '85', n: 1 });
    expect(counts.memberChapters).toContainEqual({ member_code: 'RUS', month: addDays(today, -40).slice(0, 7), area: 'SPS', chapter: '03', n: 1 });
    // Later writes are counted by the triggers.
    insertNotifications(db, [{ symbol: 'G/TBT/N/SAU/6', distributionDate: today }]);
    expect(countTables(db)).toEqual(recountTables(db));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan("SELECT month, area, sum(n) FROM notification_month_counts WHERE month >= '2026-01' AND month <= '2026-12' GROUP BY 1, 2")).toMatch(
      /SEARCH notification_month_counts USING PRIMARY KEY \(month>\? AND month<\?\)/,
    );
    expect(plan("SELECT chapter, area, sum(n) FROM notification_member_chapter_counts WHERE member_code = 'SAU' AND month >= '2026-01' AND month <= '2026-12' GROUP BY 1, 2")).toMatch(
      /SEARCH notification_member_chapter_counts USING PRIMARY KEY \(member_code=\? AND month>\? AND month<\?\)/,
    );
  });
});
