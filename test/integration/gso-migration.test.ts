import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureConnection, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend, makeTempDir, testClock } from '../helpers/temp-store';

const blocsOf = (db: Database.Database, code: string): string[] =>
  (db.prepare('SELECT bloc FROM country_blocs WHERE country_code = ? ORDER BY bloc').all(code) as Array<{ bloc: string }>).map((r) => r.bloc);

describe('migration 0170: Yemen is in the GSO, not the GCC', () => {
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

  it('moves Yemen from the GCC to the GSO, puts every GCC member in the GSO, and keeps the rest', () => {
    migrate(db, testClock(), migrations.filter((m) => m.version < 170));
    expect(blocsOf(db, 'YEM')).toEqual(['GCC']);
    // An analyst's own reference data: Oman taken out of the GCC, Kyrgyzstan's EAEU kept.
    db.prepare("DELETE FROM country_blocs WHERE country_code = 'OMN'").run();
    const before = db.prepare("SELECT count(*) AS n FROM country_blocs WHERE bloc = 'EAEU'").get();

    migrate(db, testClock());

    expect(blocsOf(db, 'YEM')).toEqual(['GSO']);
    for (const code of ['SAU', 'ARE', 'KWT', 'QAT', 'BHR']) expect(blocsOf(db, code)).toEqual(['GCC', 'GSO']);
    expect(blocsOf(db, 'OMN')).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM country_blocs WHERE bloc = 'EAEU'").get()).toEqual(before);
    expect(blocsOf(db, 'KGZ')).toEqual(['EAEU']);
    // The table still refuses what is no bloc, and still belongs to its country.
    expect(() => db.prepare("INSERT INTO country_blocs (country_code, bloc) VALUES ('CHN', 'ASEAN')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO country_blocs (country_code, bloc) VALUES ('XXX', 'GSO')").run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('the Gulf blocs in use', () => {
  let env: Awaited<ReturnType<typeof emptyBackend>>;
  beforeEach(async () => {
    env = await emptyBackend();
  });
  afterEach(() => env.cleanup());

  it('lists Yemen under the GSO only, and filters GCC without it', () => {
    const { backend } = env;
    expect(backend.call('referenceCountries', {}).find((c) => c.code === 'YEM')?.blocs).toEqual(['GSO']);
    const title = 'Electric vehicles: technical requirements';
    const ids = insertNotifications(backend.ctx.db, [
      { symbol: 'G/TBT/N/SAU/1401', title, distributionDate: '2026-10-01' },
      { symbol: 'G/TBT/N/ARE/701', title, distributionDate: '2026-10-01' },
      { symbol: 'G/TBT/N/YEM/41', title, distributionDate: '2026-10-01' },
    ]);
    const list = (blocs: Array<'GCC' | 'GSO'>): string[] =>
      backend.call('notificationsList', { blocs, today: '2026-11-20' }).items.map((i) => i.symbol).sort();
    expect(list(['GCC'])).toEqual(['G/TBT/N/ARE/701', 'G/TBT/N/SAU/1401']);
    expect(list(['GSO'])).toEqual(['G/TBT/N/ARE/701', 'G/TBT/N/SAU/1401', 'G/TBT/N/YEM/41']);
    // A GSO draft notified by GCC members and by Yemen is one measure.
    const family = backend.call('notificationsGet', { id: ids['G/TBT/N/YEM/41']! }).family;
    expect(family?.members.map((m) => m.memberCode).sort()).toEqual(['ARE', 'SAU', 'YEM']);
  });
});
