import type { Migration } from '../migration';

/** Suggestions to raise specific trade concerns in the WTO TBT and SPS Committees. */
export const migration0120: Migration = {
  version: 120,
  name: 'trade-concerns',
  up(db) {
    db.exec(`
      CREATE TABLE trade_concerns (
        id                 INTEGER PRIMARY KEY,
        title_zh           TEXT NOT NULL,
        title_en           TEXT NOT NULL DEFAULT '',
        committee          TEXT NOT NULL CHECK (committee IN ('TBT', 'SPS')),
        members            TEXT NOT NULL DEFAULT '[]',
        issue_zh           TEXT NOT NULL DEFAULT '',
        issue_en           TEXT NOT NULL DEFAULT '',
        talking_points_zh  TEXT NOT NULL DEFAULT '[]',
        talking_points_en  TEXT NOT NULL DEFAULT '[]',
        meeting            TEXT NOT NULL DEFAULT '',
        status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'raised', 'resolved', 'dropped')),
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        updated_by         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trade_concerns_status ON trade_concerns (status, updated_at DESC);

      CREATE TABLE trade_concern_notifications (
        concern_id       INTEGER NOT NULL REFERENCES trade_concerns(id) ON DELETE CASCADE,
        notification_id  INTEGER NOT NULL REFERENCES notifications(id),
        position         INTEGER NOT NULL,
        PRIMARY KEY (concern_id, notification_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX trade_concern_notifications_notification ON trade_concern_notifications (notification_id);
    `);
  },
};
