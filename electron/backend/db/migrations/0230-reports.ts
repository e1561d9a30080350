import type { Database } from 'better-sqlite3';
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
    createDashboardCounts(db);
  },
};

// ---------------------------------------------------------------------------------------------
// The dashboard's counts of notifications by month (of distribution), member and area, and by
// HS chapter as well. Counting them from the rows took 70 ms for a year and 650 ms for every
// year since 1995 on 105,000 notifications (CPU time, half of it the HS chapters); summed from
// these tables, a whole month is a few rows. Triggers keep them in step with every write; a
// bulk import drops the insert trigger and adds its rows' counts itself (imports/bulk-counts.ts).
// A chapter is the first two characters of an HS code as notification_codes keeps it (no dots,
// spaces or dashes), counted once per notification however many of its codes fall in it.
// ---------------------------------------------------------------------------------------------

/** An HS code of `json_each(...) j` as notification_codes keeps it (migration 0090). */
const HS_CODE = "replace(replace(replace(trim(CAST(j.value AS TEXT)), '.', ''), ' ', ''), '-', '')";

/** A row's distinct HS chapters, from its hs_codes JSON (`n` is the trigger's old or new row). */
const CHAPTERS_OF = (n: string): string => `
  SELECT DISTINCT substr(code, 1, 2) AS chapter FROM (
    SELECT ${HS_CODE} AS code
    FROM json_each(CASE WHEN json_valid(${n}.hs_codes) THEN ${n}.hs_codes ELSE '[]' END) j
  ) WHERE length(code) >= 2`;

/** Count `n` (the new row) in, unless it has no distribution date. */
const COUNT_IN = (n: string): string => `
  INSERT INTO notification_month_counts (month, member_code, area, n)
  SELECT substr(${n}.distribution_date, 1, 7), ${n}.member_code, ${n}.area, 1 WHERE ${n}.distribution_date IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO notification_chapter_counts (month, area, chapter, n)
  SELECT substr(${n}.distribution_date, 1, 7), ${n}.area, chapter, 1 FROM (${CHAPTERS_OF(n)})
  WHERE ${n}.distribution_date IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO notification_member_chapter_counts (member_code, month, area, chapter, n)
  SELECT ${n}.member_code, substr(${n}.distribution_date, 1, 7), ${n}.area, chapter, 1 FROM (${CHAPTERS_OF(n)})
  WHERE ${n}.distribution_date IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;`;

/** Count `n` (the old row) out; a count that reaches zero goes, so every row stands for some. */
const COUNT_OUT = (n: string): string => `
  UPDATE notification_month_counts SET n = n - 1
  WHERE month = substr(${n}.distribution_date, 1, 7) AND member_code = ${n}.member_code AND area = ${n}.area;
  UPDATE notification_chapter_counts SET n = n - 1
  WHERE month = substr(${n}.distribution_date, 1, 7) AND area = ${n}.area AND chapter IN (${CHAPTERS_OF(n)});
  UPDATE notification_member_chapter_counts SET n = n - 1
  WHERE member_code = ${n}.member_code AND month = substr(${n}.distribution_date, 1, 7) AND area = ${n}.area
    AND chapter IN (${CHAPTERS_OF(n)});
  DELETE FROM notification_month_counts
  WHERE month = substr(${n}.distribution_date, 1, 7) AND area = ${n}.area AND member_code = ${n}.member_code AND n = 0;
  DELETE FROM notification_chapter_counts WHERE month = substr(${n}.distribution_date, 1, 7) AND area = ${n}.area AND n = 0;
  DELETE FROM notification_member_chapter_counts
  WHERE member_code = ${n}.member_code AND month = substr(${n}.distribution_date, 1, 7) AND area = ${n}.area AND n = 0;`;

function createDashboardCounts(db: Database): void {
  db.exec(`
    CREATE TABLE notification_month_counts (
      month        TEXT NOT NULL,
      member_code  TEXT NOT NULL,
      area         TEXT NOT NULL,
      n            INTEGER NOT NULL,
      PRIMARY KEY (month, area, member_code)
    ) STRICT, WITHOUT ROWID;
    -- By chapter twice: for every member (some 15,000 rows for 105,000 notifications since 1995),
    -- and by member first for a member filter (eight times as many rows: too many to sum them all).
    CREATE TABLE notification_chapter_counts (
      month        TEXT NOT NULL,
      area         TEXT NOT NULL,
      chapter      TEXT NOT NULL,
      n            INTEGER NOT NULL,
      PRIMARY KEY (month, area, chapter)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE notification_member_chapter_counts (
      member_code  TEXT NOT NULL,
      month        TEXT NOT NULL,
      area         TEXT NOT NULL,
      chapter      TEXT NOT NULL,
      n            INTEGER NOT NULL,
      PRIMARY KEY (member_code, month, area, chapter)
    ) STRICT, WITHOUT ROWID;

    -- The industries chart over many years starts from the tagged notifications and needs each
    -- one's date, member and area: read from this narrow index instead of the 1.5 KB rows.
    CREATE INDEX notifications_period ON notifications (id, distribution_date, member_code, area);

    CREATE TRIGGER notification_counts_insert AFTER INSERT ON notifications BEGIN
      ${COUNT_IN('new')}
    END;
    CREATE TRIGGER notification_counts_update
    AFTER UPDATE OF distribution_date, member_code, area, hs_codes ON notifications
    WHEN old.distribution_date IS NOT new.distribution_date OR old.member_code IS NOT new.member_code
      OR old.area IS NOT new.area OR old.hs_codes IS NOT new.hs_codes
    BEGIN
      ${COUNT_OUT('old')}
      ${COUNT_IN('new')}
    END;
    CREATE TRIGGER notification_counts_delete AFTER DELETE ON notifications BEGIN
      ${COUNT_OUT('old')}
    END;

    INSERT INTO notification_month_counts (month, member_code, area, n)
    SELECT substr(distribution_date, 1, 7), member_code, area, count(*) FROM notifications
    WHERE distribution_date IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO notification_member_chapter_counts (member_code, month, area, chapter, n)
    SELECT member_code, month, area, chapter, count(*) FROM (
      SELECT DISTINCT n.id, substr(n.distribution_date, 1, 7) AS month, n.member_code, n.area, substr(${HS_CODE}, 1, 2) AS chapter
      FROM notifications n, json_each(CASE WHEN json_valid(n.hs_codes) THEN n.hs_codes ELSE '[]' END) j
      WHERE n.distribution_date IS NOT NULL AND length(${HS_CODE}) >= 2
    ) GROUP BY 1, 2, 3, 4;
    INSERT INTO notification_chapter_counts (month, area, chapter, n)
    SELECT month, area, chapter, sum(n) FROM notification_member_chapter_counts GROUP BY 1, 2, 3;
  `);
}
