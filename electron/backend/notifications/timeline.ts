import type { Database } from 'better-sqlite3';
import type { MeasureFamily, TimelineEntry } from '../../../shared/contract';

interface TimelineRow {
  id: number;
  symbol: string;
  member_code: string;
  doc_type: TimelineEntry['docType'];
  distribution_date: string | null;
  comment_deadline: string | null;
  title: string;
}

// Numeric collation puts Add.2 before Add.10 and SAU/9 before SAU/10.
const symbolOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The family a notification belongs to. Only base notifications carry family_id; addenda,
 * corrigenda and revisions reach it through their base symbol.
 */
export function resolveFamilyId(db: Database, row: { id: number; base_symbol: string; family_id: number | null }): number | null {
  if (row.family_id !== null) return row.family_id;
  const base = db
    .prepare('SELECT family_id FROM notifications WHERE symbol = ? AND family_id IS NOT NULL')
    .get(row.base_symbol) as { family_id: number } | undefined;
  return base?.family_id ?? null;
}

/**
 * The base symbol of a follow-up whose base notification is not in the store (imported without
 * it, or the base predates the store); null for a base notification or a base that is there.
 */
export function readMissingBase(db: Database, row: { symbol: string; base_symbol: string }): string | null {
  if (row.base_symbol === row.symbol) return null;
  const found = db.prepare('SELECT 1 FROM notifications WHERE symbol = ?').get(row.base_symbol);
  return found === undefined ? row.base_symbol : null;
}

/**
 * Every notification of one measure: the base with its revisions, addenda and corrigenda, and,
 * when the measure was notified by several members (a GCC or EAEU draft, a joint notification),
 * every member's base and its own follow-ups. Ordered by distribution date (undated last), then
 * symbol.
 */
export function readTimeline(db: Database, currentId: number, baseSymbol: string, familyId: number | null): TimelineEntry[] {
  const rows = db
    .prepare(
      `SELECT id, symbol, member_code, doc_type, distribution_date, comment_deadline, title FROM notifications
       WHERE base_symbol = @base
          OR (@family IS NOT NULL AND base_symbol IN (SELECT symbol FROM notifications WHERE family_id = @family))`,
    )
    .all({ base: baseSymbol, family: familyId }) as TimelineRow[];
  rows.sort((a, b) => {
    if (a.distribution_date !== b.distribution_date) {
      if (a.distribution_date === null) return 1;
      if (b.distribution_date === null) return -1;
      return a.distribution_date < b.distribution_date ? -1 : 1;
    }
    return symbolOrder.compare(a.symbol, b.symbol);
  });
  return rows.map((r) => ({
    id: r.id,
    symbol: r.symbol,
    memberCode: r.member_code,
    docType: r.doc_type,
    distributionDate: r.distribution_date,
    commentDeadline: r.comment_deadline,
    title: r.title,
    isCurrent: r.id === currentId,
  }));
}

/**
 * The members of a measure family. assignFamilies() opens a family for every GCC or EAEU base
 * so later members can join it; until a second member does, there is no family to show.
 */
export function readFamily(db: Database, familyId: number | null): MeasureFamily | null {
  if (familyId === null) return null;
  const family = db.prepare('SELECT id, kind, title FROM measure_families WHERE id = ?').get(familyId) as
    | { id: number; kind: MeasureFamily['kind']; title: string }
    | undefined;
  if (!family) return null;
  const members = (
    db.prepare('SELECT id, symbol, member_code FROM notifications WHERE family_id = ?').all(familyId) as Array<{
      id: number;
      symbol: string;
      member_code: string;
    }>
  )
    .map((m) => ({ id: m.id, symbol: m.symbol, memberCode: m.member_code }))
    .sort((a, b) => symbolOrder.compare(a.symbol, b.symbol));
  if (members.length < 2) return null;
  return { id: family.id, kind: family.kind, title: family.title, members };
}
