import type { Migration } from '../migration';
import { RECORD_IDENTITY_COLUMNS } from '../record-identity';

/**
 * The history of reports made (bulletins, country analyses, comment outcome reports): what each
 * was made from, so it can be made again, and the files written. Keyed by uid for exchange.
 */
export const migration0230: Migration = {
  version: 230,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE reports (
        id           INTEGER PRIMARY KEY,
        ${RECORD_IDENTITY_COLUMNS},
        kind         TEXT NOT NULL CHECK (kind IN ('bulletin', 'country', 'outcomes')),
        period_from  TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        period_to    TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        member       TEXT,
        issue        INTEGER,
        -- ReportParams as JSON, the whole of what the report was made from.
        params       TEXT NOT NULL CHECK (json_valid(params)),
        title        TEXT NOT NULL,
        -- [{format, fileName, bytes}] as JSON: the files written under <dataDir>/exports/.
        files        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(files))
      ) STRICT;
      CREATE INDEX reports_recent ON reports (created_at DESC) WHERE deleted_at IS NULL;
      CREATE INDEX reports_issue ON reports (kind, issue) WHERE deleted_at IS NULL;
    `);
  },
};
