import type { Migration } from '../migration';

export const migration0020: Migration = {
  version: 20,
  name: 'notifications',
  up(db) {
    db.exec(`
      CREATE TABLE notifications (
        id                 INTEGER PRIMARY KEY,
        symbol             TEXT NOT NULL UNIQUE,
        area               TEXT NOT NULL CHECK (area IN ('TBT', 'SPS')),
        member_code        TEXT NOT NULL,
        base_symbol        TEXT NOT NULL,
        doc_type           TEXT NOT NULL CHECK (doc_type IN
                             ('regular', 'addendum', 'corrigendum', 'revision', 'supplement', 'emergency')),
        title              TEXT NOT NULL DEFAULT '',
        description        TEXT NOT NULL DEFAULT '',
        products           TEXT NOT NULL DEFAULT '',
        hs_codes           TEXT NOT NULL DEFAULT '[]',
        ics_codes          TEXT NOT NULL DEFAULT '[]',
        keywords           TEXT NOT NULL DEFAULT '[]',
        objectives         TEXT NOT NULL DEFAULT '[]',
        notification_type  TEXT NOT NULL DEFAULT '',
        distribution_date  TEXT,
        comment_deadline   TEXT,
        document_links     TEXT NOT NULL DEFAULT '[]',
        link_en            TEXT,
        link_fr            TEXT,
        link_es            TEXT,
        source             TEXT NOT NULL CHECK (source IN ('eping', 'wto-api', 'manual', 'demo')),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notifications_distribution ON notifications (distribution_date DESC);
      CREATE INDEX notifications_member ON notifications (member_code, distribution_date DESC);
      CREATE INDEX notifications_base ON notifications (base_symbol);
      CREATE INDEX notifications_deadline ON notifications (comment_deadline);
    `);
  },
};
