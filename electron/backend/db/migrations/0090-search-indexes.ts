import type { Migration } from '../migration';

// The codes and names of notifications, one row each, normalised for lookups: HS codes as
// digits only (8507.60 and 850760 are the same code), keywords and objectives lower-cased.
// `n` is the trigger's new or old row, or `n` over the whole table when `table` is set.
const CODE_ROWS = (n: string, table = false): string => {
  const from = table ? `notifications ${n}, ` : '';
  return `
  SELECT notification_id, kind, code FROM (
    SELECT ${n}.id AS notification_id, 'hs' AS kind,
           replace(replace(replace(trim(CAST(j.value AS TEXT)), '.', ''), ' ', ''), '-', '') AS code
    FROM ${from}json_each(CASE WHEN json_valid(${n}.hs_codes) THEN ${n}.hs_codes ELSE '[]' END) j
    UNION ALL SELECT ${n}.id, 'ics', trim(CAST(j.value AS TEXT))
    FROM ${from}json_each(CASE WHEN json_valid(${n}.ics_codes) THEN ${n}.ics_codes ELSE '[]' END) j
    UNION ALL SELECT ${n}.id, 'keyword', lower(trim(CAST(j.value AS TEXT)))
    FROM ${from}json_each(CASE WHEN json_valid(${n}.keywords) THEN ${n}.keywords ELSE '[]' END) j
    UNION ALL SELECT ${n}.id, 'objective', lower(trim(CAST(j.value AS TEXT)))
    FROM ${from}json_each(CASE WHEN json_valid(${n}.objectives) THEN ${n}.objectives ELSE '[]' END) j
  ) WHERE length(code) > 0`;
};

/**
 * Indexes for the notification list at 100,000+ rows. The two wide indexes carry every column
 * the list filters on, so a filter is checked inside the index without reading the row (a row
 * with its description is about 1.5 KB; an index entry about 40 bytes): one walks the table in
 * date order (the default sort, and counting when no other index fits), one starts from the
 * notifying members (the SCO, bloc and member filters). Title and final date for comments get
 * an index each so that sorting by them reads one page instead of sorting the table. HS and
 * ICS codes, keywords and objectives, kept as JSON arrays on the row, get a lookup table that
 * triggers keep in step.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'search-indexes',
  up(db) {
    db.exec(`
      -- id right after the date: pages in date order break ties by id, read straight from here.
      CREATE INDEX notifications_list_date
        ON notifications (distribution_date DESC, id, member_code, area, doc_type, comment_deadline);
      CREATE INDEX notifications_list_member
        ON notifications (member_code, area, doc_type, distribution_date DESC, comment_deadline);
      CREATE INDEX notifications_title ON notifications (title COLLATE NOCASE);
      -- Soonest final date first with the notifications without one last.
      CREATE INDEX notifications_deadline_known ON notifications (comment_deadline IS NULL, comment_deadline);

      -- Derived from the row like the full-text index, and like it kept by triggers alone: the
      -- old codes are recomputed from the old row and deleted by key, so the table needs no
      -- second index on notification_id (a bulk import writes some 600,000 of these rows).
      CREATE TABLE notification_codes (
        kind             TEXT NOT NULL CHECK (kind IN ('hs', 'ics', 'keyword', 'objective')),
        code             TEXT NOT NULL,
        notification_id  INTEGER NOT NULL,
        PRIMARY KEY (kind, code, notification_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER notification_codes_insert AFTER INSERT ON notifications BEGIN
        INSERT OR IGNORE INTO notification_codes (notification_id, kind, code)
        ${CODE_ROWS('new')};
      END;
      CREATE TRIGGER notification_codes_update
      AFTER UPDATE OF hs_codes, ics_codes, keywords, objectives ON notifications BEGIN
        DELETE FROM notification_codes WHERE (notification_id, kind, code) IN (${CODE_ROWS('old')});
        INSERT OR IGNORE INTO notification_codes (notification_id, kind, code)
        ${CODE_ROWS('new')};
      END;
      CREATE TRIGGER notification_codes_delete AFTER DELETE ON notifications BEGIN
        DELETE FROM notification_codes WHERE (notification_id, kind, code) IN (${CODE_ROWS('old')});
      END;
    `);
    // Index what an earlier version stored.
    db.exec(`INSERT OR IGNORE INTO notification_codes (notification_id, kind, code) ${CODE_ROWS('n', true)}`);
  },
};
