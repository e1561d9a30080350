import { UNRECORDED_ANALYST_UID } from '../../../../shared/domain/uid';
import type { Migration } from '../migration';

/** Every column of the schema before this migration that names an analyst. */
const NAME_COLUMNS: Array<[table: string, column: string, only?: string]> = [
  ['analysts', 'name'],
  ['comments', 'author'],
  ['comment_events', 'actor'],
  ['comment_versions', 'author'],
  ['comment_outcomes', 'recorded_by'],
  ['comment_followups', 'acknowledged_by'],
  ['comment_language_marks', 'marked_by'],
  // Built-in templates were seeded as by 'Pingyi': nobody on the team, so left unrecorded.
  ['comment_templates', 'updated_by', "NOT (built_in = 1 AND updated_by = 'Pingyi')"],
  ['notification_triage', 'updated_by'],
  ['notification_triage', 'assignee'],
  ['notification_translations', 'translator'],
  ['trade_concerns', 'created_by'],
  ['trade_concerns', 'updated_by'],
  ['saved_searches', 'created_by'],
  ['imports', 'actor'],
  ['audit_log', 'actor'],
];

/**
 * One actor model. Analysts get a stable uid, and every name that appears anywhere in the store
 * as who did something becomes an analyst (names that were never on the team list come in
 * inactive, so pickers do not offer them). A store with no active analyst gets one, so that every
 * write has somebody to name.
 *
 * `workstation` holds facts of this installation that are never exchanged with another one: its
 * own uid, the analyst it acts as, the version of the search-text function the index was built with.
 *
 * The audit log gains the acting analyst's uid and becomes append-only: triggers refuse UPDATE
 * and DELETE. A later migration that must rewrite it drops and recreates the triggers inside its
 * own transaction (see AUDIT_LOG_TRIGGERS).
 */
export const migration0180: Migration = {
  version: 180,
  name: 'analyst-identity',
  up(db, clock) {
    const now = clock.now().toISOString();
    db.exec(`
      CREATE TABLE workstation (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE analysts_0180 (
        uid         TEXT PRIMARY KEY CHECK (length(uid) = 36),
        name        TEXT NOT NULL UNIQUE,
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        deleted_at  TEXT,
        deleted_by  TEXT
      ) STRICT;
    `);
    db.prepare("INSERT INTO workstation (key, value) VALUES ('uid', pingyi_uid_at(?))").run(now);
    const names = NAME_COLUMNS.map(([t, c, only]) => `SELECT ${c} AS name FROM ${t} WHERE ${c} IS NOT NULL AND trim(${c}) <> ''${only ? ` AND ${only}` : ''}`).join(' UNION ');
    // Analysts on the team list keep their dates; other names date from their first appearance
    // in the audit log, or from now.
    db.prepare(
      `INSERT INTO analysts_0180 (uid, name, active, created_at, created_by, updated_at, updated_by)
       SELECT pingyi_uid_at(at), name, active, at, @unrecorded, at, @unrecorded FROM (
         SELECT n.name, coalesce(a.active, 0) AS active,
                coalesce(a.created_at, (SELECT min(l.at) FROM audit_log l WHERE l.actor = n.name), @now) AS at
         FROM (${names}) AS n LEFT JOIN analysts a ON a.name = n.name
       )`,
    ).run({ now, unrecorded: UNRECORDED_ANALYST_UID });
    db.prepare(
      `INSERT INTO analysts_0180 (uid, name, active, created_at, created_by, updated_at, updated_by)
       VALUES (@unrecorded, '未记录', 0, '1970-01-01T00:00:00.000Z', @unrecorded, '1970-01-01T00:00:00.000Z', @unrecorded)
       ON CONFLICT (name) DO NOTHING`,
    ).run({ unrecorded: UNRECORDED_ANALYST_UID });
    db.exec('DROP TABLE analysts; ALTER TABLE analysts_0180 RENAME TO analysts;');

    // The workstation's own analyst name from Settings, if it named one, acts here.
    const configured = db.prepare("SELECT value FROM settings WHERE key = 'analystName'").pluck().get() as string | undefined;
    let settingsName = '';
    try {
      settingsName = configured ? String(JSON.parse(configured)).trim() : '';
    } catch {
      settingsName = '';
    }
    if (settingsName) db.prepare('UPDATE analysts SET active = 1 WHERE name = ?').run(settingsName);
    const hasActive = db.prepare('SELECT 1 FROM analysts WHERE active = 1').get();
    if (!hasActive) {
      db.prepare(
        `INSERT INTO analysts (uid, name, active, created_at, created_by, updated_at, updated_by)
         VALUES (pingyi_uid_at(@now), @name, 1, @now, @unrecorded, @now, @unrecorded)
         ON CONFLICT (name) DO UPDATE SET active = 1`,
      ).run({ now, name: settingsName || '分析员', unrecorded: UNRECORDED_ANALYST_UID });
    }
    const acting =
      (settingsName ? (db.prepare('SELECT uid FROM analysts WHERE name = ? AND active = 1').pluck().get(settingsName) as string | undefined) : undefined) ??
      (db.prepare('SELECT uid FROM analysts WHERE active = 1 ORDER BY name LIMIT 1').pluck().get() as string);
    db.prepare("INSERT INTO workstation (key, value) VALUES ('actingAnalyst', ?)").run(acting);

    db.exec(`
      ALTER TABLE audit_log ADD COLUMN actor_id TEXT;
      ALTER TABLE audit_log ADD COLUMN entity_uid TEXT;
      UPDATE audit_log SET actor_id = coalesce((SELECT uid FROM analysts WHERE analysts.name = audit_log.actor), '${UNRECORDED_ANALYST_UID}');
      CREATE INDEX audit_log_actor ON audit_log(actor_id);
      ${AUDIT_LOG_TRIGGERS}
    `);
  },
};

/** The audit log is append-only. Drop with DROP_AUDIT_LOG_TRIGGERS, recreate with this. */
export const AUDIT_LOG_TRIGGERS = `
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries are never changed'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries are never removed'); END;`;
export const DROP_AUDIT_LOG_TRIGGERS = `
      DROP TRIGGER audit_log_append_only_update;
      DROP TRIGGER audit_log_append_only_delete;`;
