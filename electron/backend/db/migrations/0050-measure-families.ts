import type { Migration } from '../migration';

/**
 * A measure family groups the notifications of one draft made by several members: a joint
 * notification, a GSO draft notified by every Gulf member, an EAEU measure notified by each
 * member state. Addenda, corrigenda and revisions join their base through base_symbol.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'measure-families',
  up(db) {
    db.exec(`
      CREATE TABLE measure_families (
        id     INTEGER PRIMARY KEY,
        kind   TEXT NOT NULL CHECK (kind IN ('joint', 'GCC', 'EAEU')),
        key    TEXT NOT NULL UNIQUE,
        title  TEXT NOT NULL
      ) STRICT;
      ALTER TABLE notifications ADD COLUMN family_id INTEGER REFERENCES measure_families(id);
      CREATE INDEX notifications_family ON notifications (family_id);
    `);
  },
};
