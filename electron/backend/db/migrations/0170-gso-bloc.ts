import type { Migration } from '../migration';

/**
 * Yemen is not a GCC member. It notifies the drafts of the GCC Standardization Organization
 * (GSO) as the six GCC members do, so the reference data gains the GSO (GCC + YEM) and Yemen
 * leaves the GCC. country_blocs only allowed GCC and EAEU; a CHECK cannot be widened in place,
 * so the small reference table is copied into one that allows GSO, in this migration's
 * transaction. A Yemen that an analyst took out of the GCC stays out; the GSO gets every
 * country that is in the GCC when the migration runs, and Yemen.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'gso-bloc',
  up(db) {
    db.exec(`
      CREATE TABLE country_blocs_0170 (
        country_code TEXT NOT NULL REFERENCES countries(code) ON DELETE CASCADE,
        bloc         TEXT NOT NULL CHECK (bloc IN ('GCC', 'GSO', 'EAEU')),
        PRIMARY KEY (country_code, bloc)
      ) STRICT;
      INSERT INTO country_blocs_0170 (country_code, bloc) SELECT country_code, bloc FROM country_blocs;
      DROP TABLE country_blocs;
      ALTER TABLE country_blocs_0170 RENAME TO country_blocs;
      DELETE FROM country_blocs WHERE country_code = 'YEM' AND bloc = 'GCC';
      INSERT OR IGNORE INTO country_blocs (country_code, bloc) SELECT country_code, 'GSO' FROM country_blocs WHERE bloc = 'GCC';
      INSERT OR IGNORE INTO country_blocs (country_code, bloc) SELECT code, 'GSO' FROM countries WHERE code = 'YEM';
    `);
  },
};
