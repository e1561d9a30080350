import type { Migration } from '../migration';

/**
 * What an import report says beyond its counts: rows that needed a word but were not errors
 * (a repeated row skipped, a later row that replaced an earlier one), and whether the file was
 * refused as a whole, with the reason, so a refused file still appears in the history.
 * Imports recorded before stay as they were: done, with no notices.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'import-outcomes',
  up(db) {
    db.exec(`
      ALTER TABLE imports ADD COLUMN noticed INTEGER NOT NULL DEFAULT 0;
      -- Data rows of the file; earlier imports left it out (their counts add up to it).
      ALTER TABLE imports ADD COLUMN rows_read INTEGER;
      ALTER TABLE imports ADD COLUMN notices TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE imports ADD COLUMN status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'refused'));
      -- JSON: { code, reason, message, params } when status = 'refused'.
      ALTER TABLE imports ADD COLUMN refusal TEXT;
    `);
  },
};
