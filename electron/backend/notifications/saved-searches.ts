import type { Database } from 'better-sqlite3';
import { SavedSearchQuery, type Industry, type SavedSearch } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError } from '../errors';

interface SavedSearchRow {
  id: number;
  uid: string;
  name: string;
  query: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
}

const SELECT_SEARCH = `SELECT s.id, s.uid, s.name, s.query, s.created_at, s.created_by, a.name AS created_by_name
  FROM saved_searches s LEFT JOIN analysts a ON a.uid = s.created_by`;

/**
 * A stored query is read back through today's schema: a field a later version added, or one
 * since dropped, is left out rather than making the whole search unreadable.
 */
function readQuery(text: string): SavedSearch['query'] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = {};
  }
  const lenient = SavedSearchQuery.strip().safeParse(raw);
  if (lenient.success) return lenient.data;
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const one = SavedSearchQuery.strip().safeParse({ [key]: value });
    if (one.success) kept[key] = value;
  }
  return SavedSearchQuery.strip().parse(kept);
}

const toSavedSearch = (r: SavedSearchRow): SavedSearch => ({
  id: r.id,
  name: r.name,
  query: readQuery(r.query),
  createdAt: r.created_at,
  createdBy: r.created_by_name,
  createdById: r.created_by,
});

const zhCollator = new Intl.Collator('zh');

/** Saved searches by name, in the order Chinese readers expect (pinyin); deleted ones left out. */
export function listSavedSearches(db: Database): SavedSearch[] {
  const rows = db.prepare(`${SELECT_SEARCH} WHERE s.deleted_at IS NULL`).all() as SavedSearchRow[];
  return rows.map(toSavedSearch).sort((a, b) => zhCollator.compare(a.name, b.name));
}

function liveSearch(db: Database, where: 'id' | 'name', value: number | string): SavedSearchRow | undefined {
  return db.prepare(`${SELECT_SEARCH} WHERE s.${where} = ? AND s.deleted_at IS NULL`).get(value) as SavedSearchRow | undefined;
}

/**
 * Save a search; a live search of the same name is replaced and keeps its id and uid. A deleted
 * one of that name stays deleted: the new search is a record of its own.
 */
export function saveSearch(db: Database, actor: Actor, input: { name: string; query: SavedSearch['query'] }, clock: Clock): SavedSearch {
  return db.transaction(() => {
    const before = liveSearch(db, 'name', input.name);
    const query = JSON.stringify(input.query);
    if (before) {
      db.prepare('UPDATE saved_searches SET query = @query, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({
        id: before.id,
        query,
        ...changeStamp(actor, clock),
      });
    } else {
      db.prepare(
        `INSERT INTO saved_searches (name, query, uid, created_at, created_by, updated_at, updated_by)
         VALUES (@name, @query, @uid, @created_at, @created_by, @updated_at, @updated_by)`,
      ).run({ name: input.name, query, ...newRecordStamp(actor, clock) });
    }
    const row = liveSearch(db, 'name', input.name)!;
    const after = toSavedSearch(row);
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: before ? 'update' : 'create',
      entity: 'saved-search',
      entityId: row.id,
      entityUid: row.uid,
      before: before ? toSavedSearch(before) : undefined,
      after,
    });
    return after;
  })();
}

export function renameSavedSearch(db: Database, actor: Actor, id: number, name: string, clock: Clock): SavedSearch {
  return db.transaction(() => {
    const before = liveSearch(db, 'id', id);
    if (!before) throw new AppError('NOT_FOUND', `Saved search ${id} does not exist; it may have been deleted`);
    const clash = liveSearch(db, 'name', name);
    if (clash && clash.id !== id) throw new AppError('CONFLICT', `A saved search named "${name}" already exists`, { field: 'name' });
    db.prepare('UPDATE saved_searches SET name = @name, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({
      id,
      name,
      ...changeStamp(actor, clock),
    });
    const after = toSavedSearch({ ...before, name });
    recordAudit(db, { at: clock.now(), actor, action: 'update', entity: 'saved-search', entityId: id, entityUid: before.uid, before: toSavedSearch(before), after });
    return after;
  })();
}

/** Delete a saved search: it leaves a tombstone, hidden from the list. */
export function deleteSavedSearch(db: Database, actor: Actor, id: number, clock: Clock): { deleted: boolean } {
  return db.transaction(() => {
    const before = liveSearch(db, 'id', id);
    if (!before) return { deleted: false };
    db.prepare(
      'UPDATE saved_searches SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id',
    ).run({ id, ...tombstoneStamp(actor, clock) });
    recordAudit(db, { at: clock.now(), actor, action: 'delete', entity: 'saved-search', entityId: id, entityUid: before.uid, before: toSavedSearch(before) });
    return { deleted: true };
  })();
}

/** The industry tags analysts put on notifications, in their reference order. */
export function listIndustries(db: Database): Industry[] {
  return (db.prepare('SELECT code, name_zh, name_en FROM industries ORDER BY rowid').all() as Array<{
    code: string;
    name_zh: string;
    name_en: string;
  }>).map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en }));
}
