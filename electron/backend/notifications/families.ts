import type { Database } from 'better-sqlite3';
import { parseSymbol } from '../../../shared/domain/symbol';

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

/** What decides a notification's family: the columns of its row. */
export interface FamilyFields {
  area: string;
  member_code: string;
  doc_type: string;
  title: string;
  distribution_date: string | null;
  /** The symbols of a joint notification; empty otherwise. */
  jointSymbols: readonly string[];
}

/**
 * Finds or opens the family of a base notification: every symbol of one joint notification
 * share one, and so do the same-day, same-title drafts of GCC or EAEU members. A joint
 * notification by bloc members is one of those drafts too (a GSO draft notified by two members
 * jointly and by four separately is one measure of six), so it takes the bloc's key, which
 * depends on the row alone: the family comes out the same in any row order and across imports.
 * Addenda and
 * revisions need no family of their own: they join through base_symbol. Families are looked up
 * once per key and remembered, so a bulk import asks the database once per family.
 */
export class FamilyAssigner {
  private readonly blocs = new Map<string, string>();
  private readonly known = new Map<string, number>();
  private readonly findFamily;
  private readonly createFamily;

  constructor(db: Database) {
    const rows = db.prepare('SELECT country_code, bloc FROM country_blocs ORDER BY bloc').all() as Array<{ country_code: string; bloc: string }>;
    // A Gulf draft is a GSO draft, notified by the GCC members and by Yemen (in the GSO, not the
    // GCC): they all make one family, still of kind GCC, so families found before stay the same.
    for (const r of rows) {
      const family = r.bloc === 'GSO' ? 'GCC' : r.bloc;
      if (!this.blocs.has(r.country_code) || family === 'GCC') this.blocs.set(r.country_code, family);
    }
    this.findFamily = db.prepare('SELECT id FROM measure_families WHERE key = ?');
    this.createFamily = db.prepare('INSERT INTO measure_families (kind, key, title) VALUES (?, ?, ?)');
  }

  /** Quick test before any parsing: only joint notifications and bloc members can have a family. */
  mayHaveFamily(c: FamilyFields): boolean {
    return (c.doc_type === 'regular' || c.doc_type === 'emergency') && (c.jointSymbols.length > 0 || this.blocs.has(c.member_code));
  }

  /** The family id for the notification, opening the family when it is the first; null for none. */
  familyFor(c: FamilyFields): number | null {
    if (!this.mayHaveFamily(c)) return null;
    const joint = c.jointSymbols;
    const bloc = joint.length > 1 ? this.jointBloc(joint) : this.blocs.get(c.member_code);
    let kind: 'joint' | 'GCC' | 'EAEU';
    let key: string;
    if (joint.length > 1 && !((bloc === 'GCC' || bloc === 'EAEU') && c.distribution_date)) {
      kind = 'joint';
      key = `joint|${[...joint].sort().join(',')}`;
    } else if ((bloc === 'GCC' || bloc === 'EAEU') && c.distribution_date) {
      kind = bloc;
      key = `${bloc}|${c.area}|${c.distribution_date}|${normaliseTitle(c.title)}`;
    } else {
      return null;
    }
    let id = this.known.get(key);
    if (id === undefined) {
      const existing = this.findFamily.get(key) as { id: number } | undefined;
      id = existing ? existing.id : Number(this.createFamily.run(kind, key, c.title).lastInsertRowid);
      this.known.set(key, id);
    }
    return id;
  }

  /**
   * The GCC or EAEU bloc of a joint notification's members, the same for each of its symbols
   * (the first in name order when members of both notify jointly); undefined for none.
   */
  private jointBloc(symbols: readonly string[]): string | undefined {
    const found = new Set<string>();
    for (const s of symbols) {
      const member = parseSymbol(s)?.member;
      const bloc = member === undefined ? undefined : this.blocs.get(member);
      if (bloc === 'GCC' || bloc === 'EAEU') found.add(bloc);
    }
    return [...found].sort()[0];
  }
}

/**
 * Put base notifications without a family into one (see FamilyAssigner). Runs inside the
 * caller's transaction. Returns how many were assigned.
 */
export function assignFamilies(db: Database, notificationIds: Iterable<number>): number {
  const pick = db.prepare(`
    SELECT n.id, n.area, n.member_code, n.doc_type, n.title, n.distribution_date, n.joint_symbols
    FROM notifications n WHERE n.id = ? AND n.family_id IS NULL`);
  const setFamily = db.prepare('UPDATE notifications SET family_id = ? WHERE id = ?');
  const assigner = new FamilyAssigner(db);
  // Most notifications of a large import are neither joint nor from a bloc member: one scan
  // finds the few worth a look instead of a query for each.
  const ids = [...notificationIds];
  const candidates = ids.length < 1000 ? null : new Set(candidateIds(db));
  let assigned = 0;
  for (const id of ids) {
    if (candidates && !candidates.has(id)) continue;
    const row = pick.get(id) as (Omit<FamilyFields, 'jointSymbols'> & { id: number; joint_symbols: string }) | undefined;
    if (!row) continue;
    const c = { ...row, jointSymbols: JSON.parse(row.joint_symbols) as string[] };
    const familyId = assigner.familyFor(c);
    if (familyId === null) continue;
    setFamily.run(familyId, c.id);
    assigned += 1;
  }
  return assigned;
}
