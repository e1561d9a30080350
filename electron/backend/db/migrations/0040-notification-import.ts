import type { Migration } from '../migration';

/** What full ePing and WTO API records carry beyond the list columns, plus import history. */
export const migration0040: Migration = {
  version: 40,
  name: 'notification-import',
  up(db) {
    db.exec(`
      ALTER TABLE notifications ADD COLUMN member_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE notifications ADD COLUMN parent_symbol TEXT;
      ALTER TABLE notifications ADD COLUMN proposed_adoption TEXT;
      ALTER TABLE notifications ADD COLUMN proposed_entry_into_force TEXT;
      ALTER TABLE notifications ADD COLUMN countries_affected TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE notifications ADD COLUMN joint_symbols TEXT NOT NULL DEFAULT '[]';
      -- Hash of the imported fields: a re-import compares one value instead of every column.
      ALTER TABLE notifications ADD COLUMN content_hash TEXT;
      ALTER TABLE notifications ADD COLUMN last_import_id INTEGER;

      CREATE TABLE imports (
        id           INTEGER PRIMARY KEY,
        file_name    TEXT NOT NULL,
        file_sha256  TEXT NOT NULL,
        file_size    INTEGER NOT NULL,
        format       TEXT NOT NULL,
        encoding     TEXT,
        started_at   TEXT NOT NULL,
        finished_at  TEXT NOT NULL,
        actor        TEXT NOT NULL,
        inserted     INTEGER NOT NULL,
        updated      INTEGER NOT NULL,
        unchanged    INTEGER NOT NULL,
        rejected     INTEGER NOT NULL,
        rejections   TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      -- Old values kept when a re-import changes a record (e.g. a new final date for comments).
      CREATE TABLE notification_changes (
        id               INTEGER PRIMARY KEY,
        notification_id  INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        import_id        INTEGER REFERENCES imports(id),
        at               TEXT NOT NULL,
        actor            TEXT NOT NULL,
        field            TEXT NOT NULL,
        old_value        TEXT,
        new_value        TEXT
      ) STRICT;
      CREATE INDEX notification_changes_notification ON notification_changes (notification_id, id);
      CREATE INDEX notifications_parent ON notifications (parent_symbol);
    `);
  },
};
