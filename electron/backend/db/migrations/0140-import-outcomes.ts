import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';

/**
 * What imports now keep right:
 * - An import report says more than its counts: rows that needed a word but were not errors (a
 *   repeated row skipped, a later row that replaced an earlier one), and whether the file was
 *   refused as a whole, with the reason, so a refused file still appears in the history.
 *   Imports recorded before stay as they were: done, with no notices.
 * - A joint notification by GCC or EAEU members belongs to the bloc family of the same day and
 *   title (see FamilyAssigner). Joint families opened before are merged into that family, with
 *   the comments written on them, so a comment on the family reaches every member.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'import-outcomes',
  up(db) {
    db.exec(`
      ALTER TABLE imports ADD COLUMN noticed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE imports ADD COLUMN notices TEXT NOT NULL DEFAULT '[]';
      -- Data rows of the file; earlier imports left it out (their counts add up to it).
      ALTER TABLE imports ADD COLUMN rows_read INTEGER;
      ALTER TABLE imports ADD COLUMN status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'refused'));
      -- JSON: { code, reason, message, params } when status = 'refused'.
      ALTER TABLE imports ADD COLUMN refusal TEXT;
    `);
    mergeJointFamilies(db);
  },
};

/** As FamilyAssigner normalised titles when this migration shipped (kept here: shipped migrations never change). */
const normaliseTitle = (title: string): string => title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function mergeJointFamilies(db: Database): void {
  const joint = db.prepare(`SELECT id FROM measure_families WHERE kind = 'joint' ORDER BY id`).pluck().all() as number[];
  if (joint.length === 0) return;
  const members = db.prepare(
    `SELECT n.area, n.distribution_date, n.title, (SELECT min(b.bloc) FROM country_blocs b WHERE b.country_code = n.member_code) AS bloc
       FROM notifications n WHERE n.family_id = ? ORDER BY n.id`,
  );
  const find = db.prepare('SELECT id FROM measure_families WHERE key = ?');
  const create = db.prepare('INSERT INTO measure_families (kind, key, title) VALUES (?, ?, ?)');
  const moveNotifications = db.prepare('UPDATE notifications SET family_id = ? WHERE family_id = ?');
  const moveComments = db.prepare('UPDATE comments SET family_id = ? WHERE family_id = ?');
  const drop = db.prepare('DELETE FROM measure_families WHERE id = ?');
  for (const id of joint) {
    const rows = members.all(id) as Array<{ area: string; distribution_date: string | null; title: string; bloc: string | null }>;
    const blocs = [...new Set(rows.map((r) => r.bloc).filter((b): b is string => b === 'GCC' || b === 'EAEU'))].sort();
    const first = rows[0];
    if (!first || blocs.length === 0 || !first.distribution_date) continue;
    const bloc = blocs[0]!;
    const key = `${bloc}|${first.area}|${first.distribution_date}|${normaliseTitle(first.title)}`;
    const target = (find.pluck().get(key) as number | undefined) ?? Number(create.run(bloc, key, first.title).lastInsertRowid);
    moveNotifications.run(target, id);
    moveComments.run(target, id);
    drop.run(id);
  }
}
