import type { Migration } from '../migration';

export const migration0030: Migration = {
  version: 30,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        before     TEXT,
        after      TEXT
      ) STRICT;
      CREATE INDEX audit_entity ON audit_log (entity, entity_id, id DESC);
    `);
  },
};
