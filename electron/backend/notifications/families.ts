import type { Database } from 'better-sqlite3';

interface Candidate {
  id: number;
  area: string;
  member_code: string;
  doc_type: string;
  title: string;
  distribution_date: string | null;
  joint_symbols: string;
  bloc: string | null;
}

function candidateIds(db: Database): number[] {
  const rows = db
    .prepare(
      `SELECT id FROM notifications WHERE family_id IS NULL AND doc_type IN ('regular', 'emergency')
         AND (joint_symbols <> '[]' OR member_code IN (SELECT country_code FROM country_blocs))`,
    )
    .all() as Array<{ id: number }>;
  return rows.map((r) => r.id);
}

/** Titles of one GSO or EAEU draft differ in case, punctuation and spacing across members. */
export function normaliseTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Put base notifications into measure families: every symbol of one joint notification, and
 * the same-day, same-title drafts of GCC or EAEU members. Addenda and revisions need no family
 * of their own: they join through base_symbol. Runs inside the caller's transaction.
 */
export function assignFamilies(db: Database, notificationIds: Iterable<number>): number {
  const pick = db.prepare(`
    SELECT n.id, n.area, n.member_code, n.doc_type, n.title, n.distribution_date, n.joint_symbols,
           (SELECT bloc FROM country_blocs b WHERE b.country_code = n.member_code ORDER BY bloc LIMIT 1) AS bloc
    FROM notifications n WHERE n.id = ? AND n.family_id IS NULL AND n.doc_type IN ('regular', 'emergency')`);
  const findFamily = db.prepare('SELECT id FROM measure_families WHERE key = ?');
  const createFamily = db.prepare('INSERT INTO measure_families (kind, key, title) VALUES (?, ?, ?)');
  const setFamily = db.prepare('UPDATE notifications SET family_id = ? WHERE id = ?');
  // Most notifications of a bulk import are neither joint nor from a bloc member: one scan
  // finds the few worth a look instead of a query for each.
  const ids = [...notificationIds];
  const candidates = ids.length < 1000 ? null : new Set(candidateIds(db));
  let assigned = 0;
  for (const id of ids) {
    if (candidates && !candidates.has(id)) continue;
    const c = pick.get(id) as Candidate | undefined;
    if (!c) continue;
    const joint = JSON.parse(c.joint_symbols) as string[];
    let kind: 'joint' | 'GCC' | 'EAEU';
    let key: string;
    if (joint.length > 1) {
      kind = 'joint';
      key = `joint|${[...joint].sort().join(',')}`;
    } else if (c.bloc === 'GCC' || c.bloc === 'EAEU') {
      if (!c.distribution_date) continue;
      kind = c.bloc;
      key = `${c.bloc}|${c.area}|${c.distribution_date}|${normaliseTitle(c.title)}`;
    } else {
      continue;
    }
    const existing = findFamily.get(key) as { id: number } | undefined;
    const familyId = existing ? existing.id : Number(createFamily.run(kind, key, c.title).lastInsertRowid);
    setFamily.run(familyId, c.id);
    assigned += 1;
  }
  return assigned;
}
