import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureConnection, migrate } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { fixedClock } from '../../shared/domain/clock';
import { makeTempDir, testClock } from '../helpers/temp-store';

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

const before = (version: number) => migrations.filter((m) => m.version < version);

describe('comment migrations', () => {
  it('0100 puts the analyst named in Settings on the team list', () => {
    migrate(db, testClock(), before(100));
    db.prepare("INSERT INTO settings (key, value) VALUES ('analystName', ?)").run(JSON.stringify(' 张敏 '));
    migrate(db, fixedClock('2031-05-01T08:00:00.000Z'), before(180));
    // Dated by the store's clock, not the machine's.
    expect(db.prepare('SELECT name, active, created_at FROM analysts').all()).toEqual([
      { name: '张敏', active: 1, created_at: '2031-05-01T08:00:00.000Z' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('0100 starts with an empty team when Settings names nobody', () => {
    migrate(db, testClock(), before(100));
    migrate(db, testClock(), before(180));
    expect(db.prepare('SELECT count(*) AS n FROM analysts').get()).toEqual({ n: 0 });
  });

  it('0110 seeds the five built-in templates with both languages and placeholders', () => {
    migrate(db, testClock(), before(110));
    migrate(db, testClock());
    const rows = db.prepare('SELECT code, built_in, concern_zh, concern_en FROM comment_templates ORDER BY id').all() as Array<{
      code: string;
      built_in: number;
      concern_zh: string;
      concern_en: string;
    }>;
    expect(rows.map((r) => r.code)).toEqual(['international-test-methods', 'accredited-lab-reports', 'transition-period', 'scope-clarification', 'comment-period']);
    for (const r of rows) {
      expect(r.built_in).toBe(1);
      expect(r.concern_zh).toMatch(/\{symbol\}/);
      expect(r.concern_en).toMatch(/\{symbol\}/);
    }
  });

  it('0150 replaces the shipped "at least 60 days" of the comment-period template', () => {
    migrate(db, testClock(), before(150));
    const text = () =>
      db.prepare("SELECT proposal_zh, proposal_en, concern_en FROM comment_templates WHERE code = 'comment-period'").get() as {
        proposal_zh: string;
        proposal_en: string;
        concern_en: string;
      };
    expect(text().proposal_en).toContain('at least 60 days');
    migrate(db, testClock());
    expect(text().proposal_zh).toContain('{requestedPeriod}（即延长至{requestedFinalDate}）');
    expect(text().proposal_en).toContain('to {requestedPeriod} from the distribution of the notification, that is until {requestedFinalDate}');
    expect(text().concern_en).toContain('only {currentPeriod} after the distribution');
  });

  it('0150 leaves an edited comment-period template as the team wrote it', () => {
    migrate(db, testClock(), before(150));
    db.prepare("UPDATE comment_templates SET proposal_en = 'Our own wording' WHERE code = 'comment-period'").run();
    migrate(db, testClock());
    const row = db.prepare("SELECT proposal_zh, proposal_en FROM comment_templates WHERE code = 'comment-period'").get() as { proposal_zh: string; proposal_en: string };
    expect(row.proposal_en).toBe('Our own wording');
    expect(row.proposal_zh).toContain('至少60天');
  });

  it('0150 adds language marks to a store with comments, and they go with their comment', () => {
    migrate(db, testClock(), before(150));
    db.prepare("INSERT INTO analysts (name, active, created_at) VALUES ('a', 1, 'x')").run();
    db.prepare(
      `INSERT INTO notifications (symbol, area, member_code, base_symbol, doc_type, title, source, created_at, updated_at)
       VALUES ('G/TBT/N/SAU/1', 'TBT', 'SAU', 'G/TBT/N/SAU/1', 'regular', 't', 'manual', 'x', 'x')`,
    ).run();
    const id = Number(
      db.prepare(`INSERT INTO comments (notification_id, family_id, author, current_version, created_at, updated_at) VALUES (1, NULL, 'a', 1, 'x', 'x')`).run()
        .lastInsertRowid,
    );
    migrate(db, testClock(), before(160));
    expect(db.prepare('SELECT count(*) AS n FROM comment_language_marks').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO comment_language_marks VALUES (?, 'p1', 'concern', 'en', 'x', 'a')").run(id);
    expect(() => db.prepare("INSERT INTO comment_language_marks VALUES (?, 'p1', 'title', 'en', 'x', 'a')").run(id)).toThrow(/CHECK constraint/);
    db.prepare('DELETE FROM comments WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM comment_language_marks').get()).toEqual({ n: 0 });
  });

  it('keeps a comment on exactly one of notification or family', () => {
    migrate(db, testClock());
    const insert = db.prepare(
      `INSERT INTO comments (notification_id, family_id, current_version, uid, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 1, '0190a000-0000-7000-8000-000000000001', 'x', 'a', 'x', 'a')`,
    );
    expect(() => insert.run(null, null)).toThrow(/CHECK constraint/);
  });

  it('answers the hot comment queries from indexes', () => {
    migrate(db, testClock());
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan("SELECT * FROM comments WHERE status IN ('draft', 'in_review') ORDER BY updated_at DESC")).toMatch(/comments_status/);
    expect(plan('SELECT id FROM comments WHERE notification_id = 1')).toMatch(/comments_notification/);
    expect(plan('SELECT count(*) FROM comment_followups WHERE comment_id = 1 AND acknowledged_at IS NULL')).toMatch(/comment_followups/);
    expect(plan('SELECT * FROM comment_events WHERE comment_id = 1 ORDER BY id')).toMatch(/comment_events_comment/);
  });
});
