import type { Migration } from '../migration';

/** Full texts analysts keep with a notification, stored by content hash in the data folder. */
export const migration0080: Migration = {
  version: 80,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id               INTEGER PRIMARY KEY,
        notification_id  INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        file_name        TEXT NOT NULL,
        sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
        size             INTEGER NOT NULL,
        media_type       TEXT NOT NULL,
        added_at         TEXT NOT NULL,
        added_by         TEXT NOT NULL,
        UNIQUE (notification_id, sha256)
      ) STRICT;
      CREATE INDEX attachments_notification ON attachments (notification_id);
    `);
  },
};
