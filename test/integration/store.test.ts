import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, NEW_STORE_PAGE_SIZE, configureConnection, migrate, openError, openStore } from '../../electron/backend/db/connection';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';
import { makeTempDir, testClock } from '../helpers/temp-store';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the store', () => {
  it('creates a new database at the latest version with WAL, foreign keys and synchronous FULL', async () => {
    const store = await openStore(tmp.dir, { clock: testClock() });
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.backupFile).toBeNull();
    } finally {
      store.db.close();
    }
  });

  it('gives a new database 16 KB pages and leaves an existing one with the pages it has', async () => {
    const fresh = await openStore(tmp.dir, { clock: testClock() });
    expect(fresh.db.pragma('page_size', { simple: true })).toBe(NEW_STORE_PAGE_SIZE);
    fresh.db.close();

    const olderDir = path.join(tmp.dir, 'older');
    fs.mkdirSync(olderDir);
    const db = new Database(path.join(olderDir, DATABASE_FILE));
    configureConnection(db);
    migrate(db, testClock(), migrations.slice(0, 2));
    db.close();
    const older = await openStore(olderDir, { clock: testClock() });
    try {
      expect(older.db.pragma('page_size', { simple: true })).toBe(4096);
      expect(older.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      older.db.close();
    }
  });

  it('refuses a database written by a newer version and leaves it byte-for-byte unchanged', async () => {
    const file = path.join(tmp.dir, DATABASE_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY); INSERT INTO future_things VALUES (1);');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1000}`);
    db.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(tmp.dir).sort();

    await expect(openStore(tmp.dir, { clock: testClock() })).rejects.toMatchObject({
      code: 'DB_TOO_NEW',
      message: expect.stringMatching(/newer version of Pingyi/),
    });
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(filesBefore);
  });

  it('reports a file that is not a database as DB_CORRUPT without touching it', async () => {
    const file = path.join(tmp.dir, DATABASE_FILE);
    fs.writeFileSync(file, 'this is not sqlite '.repeat(400));
    const before = sha256(file);
    await expect(openStore(tmp.dir, { clock: testClock() })).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(sha256(file)).toBe(before);
  });

  it('copies an older database aside with the online backup before migrating it', async () => {
    const file = path.join(tmp.dir, DATABASE_FILE);
    const db = new Database(file);
    configureConnection(db);
    migrate(db, testClock(), migrations.slice(0, 1));
    db.prepare("UPDATE countries SET name_zh = '俄罗斯联邦' WHERE code = 'RUS'").run();
    db.close();

    const store = await openStore(tmp.dir, { clock: testClock() });
    try {
      expect(store.previousVersion).toBe(migrations[0]!.version);
      expect(store.backupFile).not.toBeNull();
      const backup = new Database(store.backupFile!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(migrations[0]!.version);
      expect(backup.prepare("SELECT name_zh FROM countries WHERE code = 'RUS'").get()).toEqual({ name_zh: '俄罗斯联邦' });
      backup.close();
      expect(store.db.prepare("SELECT name_zh FROM countries WHERE code = 'RUS'").get()).toEqual({ name_zh: '俄罗斯联邦' });
    } finally {
      store.db.close();
    }
  });

  it('rolls a failing migration back entirely', async () => {
    const broken = [
      ...migrations,
      { version: LATEST_SCHEMA_VERSION + 10, name: 'broken', up: (d: Database.Database) => {
        d.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('boom');
      } },
    ];
    const first = await openStore(tmp.dir, { clock: testClock() });
    first.db.close();
    await expect(openStore(tmp.dir, { clock: testClock(), migrations: broken })).rejects.toThrow('boom');
    const db = new Database(path.join(tmp.dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('refuses migrations listed out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, testClock(), [migrations[1]!, migrations[0]!])).toThrow(/out of order/);
    db.close();
  });
});

describe('migrations', () => {
  it('versions are multiples of 10 and only increase', () => {
    // Numbers are reserved per piece of work, so one may be missing while its work is elsewhere.
    migrations.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      if (i > 0) expect(m.version).toBeGreaterThan(migrations[i - 1]!.version);
    });
  });

  for (let i = 1; i <= migrations.length; i++) {
    const from = i === 1 ? 0 : migrations[i - 2]!.version;
    it(`migrates a database from version ${from} to the latest and keeps its integrity`, () => {
      const db = new Database(path.join(tmp.dir, `m${from}.sqlite3`));
      configureConnection(db);
      migrate(db, testClock(), migrations.slice(0, i - 1));
      expect(db.pragma('user_version', { simple: true })).toBe(from);
      migrate(db, testClock());
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }
});

describe('migration 0130 (bulk load)', () => {
  it('gives the full-text index a 16 MB collection and drops the indexes others cover', () => {
    const db = new Database(path.join(tmp.dir, 'm120.sqlite3'));
    configureConnection(db);
    migrate(db, testClock(), migrations.filter((m) => m.version <= 120));
    const indexes = (): string[] =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notifications'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(indexes()).toEqual(expect.arrayContaining(['notifications_distribution', 'notifications_parent', 'notifications_member']));
    migrate(db, testClock());
    expect(db.prepare("SELECT v FROM notifications_fts_config WHERE k = 'hashsize'").get()).toEqual({ v: 16 * 1024 * 1024 });
    expect(indexes()).not.toContain('notifications_distribution');
    expect(indexes()).not.toContain('notifications_parent');
    expect(indexes()).not.toContain('notifications_member');
    const columns = (db.prepare("SELECT name FROM pragma_index_info('notifications_list_member') ORDER BY seqno").all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['member_code', 'distribution_date', 'id', 'area', 'doc_type', 'comment_deadline']);
    expect(indexes()).toEqual(expect.arrayContaining(['notifications_list_date', 'notifications_base']));
    db.close();
  });
});

describe('migration 0140 (import outcomes)', () => {
  it('keeps the imports an earlier version recorded, as done with no notices', () => {
    const db = new Database(path.join(tmp.dir, 'm130.sqlite3'));
    configureConnection(db);
    migrate(db, testClock(), migrations.filter((m) => m.version <= 130));
    db.prepare(
      `INSERT INTO imports (file_name, file_sha256, file_size, format, started_at, finished_at, actor, inserted, updated, unchanged, rejected, rejections)
       VALUES ('old.xlsx', 'x', 10, 'eping-xlsx', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', 'a', 3, 1, 0, 1, '[{"row":4,"field":null,"reason":"r"}]')`,
    ).run();
    migrate(db, testClock());
    expect(db.prepare('SELECT inserted, rejected, rejections, noticed, notices, rows_read, status, refusal FROM imports').get()).toEqual({
      inserted: 3, rejected: 1, rejections: '[{"row":4,"field":null,"reason":"r"}]', noticed: 0, notices: '[]', rows_read: null, status: 'done', refusal: null,
    });
    expect(() => db.prepare("UPDATE imports SET status = 'half'").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0140 (joint families)', () => {
  it('merges a joint family of Gulf members into the family of the same day and title, with the comments on it', () => {
    const db = new Database(path.join(tmp.dir, 'm130j.sqlite3'));
    configureConnection(db);
    migrate(db, testClock(), migrations.filter((m) => m.version <= 130));
    const family = db.prepare('INSERT INTO measure_families (kind, key, title) VALUES (?, ?, ?)');
    const gcc = Number(family.run('GCC', 'GCC|TBT|2025-05-05|gso draft refrigerators', 'GSO draft: Refrigerators').lastInsertRowid);
    const joint = Number(family.run('joint', 'joint|G/TBT/N/ARE/900,G/TBT/N/SAU/900', 'GSO Draft - Refrigerators').lastInsertRowid);
    const other = Number(family.run('joint', 'joint|G/TBT/N/CHN/9,G/TBT/N/IND/9', 'Toys').lastInsertRowid);
    const add = db.prepare(
      `INSERT INTO notifications (symbol, area, member_code, base_symbol, doc_type, title, distribution_date, source, created_at, updated_at, family_id)
       VALUES (?, 'TBT', ?, ?, 'regular', ?, '2025-05-05', 'eping', 'x', 'x', ?)`,
    );
    for (const m of ['KWT', 'QAT']) add.run(`G/TBT/N/${m}/900`, m, `G/TBT/N/${m}/900`, 'GSO draft: Refrigerators', gcc);
    for (const m of ['ARE', 'SAU']) add.run(`G/TBT/N/${m}/900`, m, `G/TBT/N/${m}/900`, 'GSO Draft - Refrigerators', joint);
    for (const m of ['IND', 'CHN']) add.run(`G/TBT/N/${m}/9`, m, `G/TBT/N/${m}/9`, 'Toys', other);
    db.prepare("INSERT INTO comments (family_id, author, current_version, created_at, updated_at) VALUES (?, 'a', 1, 'x', 'x')").run(joint);
    migrate(db, testClock());
    const familyOf = (symbol: string): unknown => db.prepare('SELECT family_id FROM notifications WHERE symbol = ?').pluck().get(symbol);
    expect(['KWT', 'QAT', 'ARE', 'SAU'].map((m) => familyOf(`G/TBT/N/${m}/900`))).toEqual([gcc, gcc, gcc, gcc]);
    expect(db.prepare('SELECT family_id FROM comments').pluck().all()).toEqual([gcc]);
    expect(db.prepare('SELECT id FROM measure_families ORDER BY id').pluck().all()).toEqual([gcc, other]);
    expect(familyOf('G/TBT/N/IND/9')).toBe(other);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('migration 0070 (search)', () => {
  it('indexes the notifications and translations an earlier version stored', () => {
    const db = new Database(path.join(tmp.dir, 'm60.sqlite3'));
    configureConnection(db);
    migrate(db, testClock(), migrations.filter((m) => m.version <= 60));
    db.prepare(
      `INSERT INTO notifications (id, symbol, area, member_code, base_symbol, doc_type, title, source, created_at, updated_at)
       VALUES (7, 'G/TBT/N/SAU/1', 'TBT', 'SAU', 'G/TBT/N/SAU/1', 'regular', 'Household refrigerators', 'eping', 'x', 'x')`,
    ).run();
    db.prepare("INSERT INTO notification_translations (notification_id, title_zh, updated_at) VALUES (7, '家用冰箱能效', 'x')").run();
    migrate(db, testClock());
    const match = (q: string): unknown => db.prepare('SELECT rowid FROM notifications_fts WHERE notifications_fts MATCH ?').all(q);
    expect(match('"冰箱"')).toEqual([{ rowid: 7 }]);
    expect(match('"refrigerators"')).toEqual([{ rowid: 7 }]);
    db.close();
  });
});

describe('opening with a native module for another runtime', () => {
  it('classifies the loader messages of a module built for another ABI', () => {
    const abi =
      "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 145. This version of Node.js requires NODE_MODULE_VERSION 115.";
    expect(openError('/db', abi)).toMatchObject({ code: 'INTERNAL' });
    expect(openError('/db', '/x/better_sqlite3.node: invalid ELF header')).toMatchObject({ code: 'INTERNAL' });
    expect(openError('/db', 'file is not a database')).toMatchObject({ code: 'DB_CORRUPT' });
  });

  it('is reported as a runtime problem, not as a corrupt database', async () => {
    const first = await openStore(tmp.dir, { clock: testClock() });
    first.db.close();
    const bogus = path.join(tmp.dir, 'not-an-addon.node');
    fs.writeFileSync(bogus, 'not a shared object');
    const error = await openStore(tmp.dir, { clock: testClock(), nativeBinding: bogus }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/does not match this runtime/) });
    // Whatever the loader says, the database file itself is fine afterwards.
    const again = await openStore(tmp.dir, { clock: testClock() });
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    again.db.close();
  });
});
