import type { Migration } from '../migration';

/**
 * Cheaper large imports, with no change to what is stored or found:
 * - FTS5 collects new index entries in memory and writes them out as a segment each time the
 *   collection reaches `hashsize` bytes (1 MB by default), merging segments as they pile up.
 *   At 16 MB, a 100,000-row import writes and merges far fewer segments. The memory is only
 *   taken by a transaction that indexes that much text.
 * - Fewer indexes for every large import to rebuild. notifications_distribution
 *   (distribution_date DESC) is a prefix of notifications_list_date (migration 0090), which
 *   serves every query it served; no query looks notifications up by parent_symbol; and
 *   notifications_member (member_code, distribution_date DESC) is folded into
 *   notifications_list_member, which now puts the date and id right after the member: one
 *   member's notifications come newest first (the member filter, and the sort by member), and
 *   the SCO and bloc counts still read area, type and final date from the index alone.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'bulk-load',
  up(db) {
    db.exec(`
      INSERT INTO notifications_fts (notifications_fts, rank) VALUES ('hashsize', ${16 * 1024 * 1024});
      DROP INDEX IF EXISTS notifications_distribution;
      DROP INDEX IF EXISTS notifications_parent;
      DROP INDEX IF EXISTS notifications_member;
      DROP INDEX IF EXISTS notifications_list_member;
      CREATE INDEX notifications_list_member
        ON notifications (member_code, distribution_date DESC, id, area, doc_type, comment_deadline);
    `);
  },
};
