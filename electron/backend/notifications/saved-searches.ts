import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';
import { SavedSearchQuery, type Industry, type SavedSearch } from '../../../shared/contract';
import { recordAudit } from '../audit/audit-log';
import { currentActor } from '../settings/settings';

interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  created_at: string;
  created_by: string;
}

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
  createdBy: r.created_by,
});

const zhCollator = new Intl.Collator('zh');

/** Saved searches by name, in the order Chinese readers expect (pinyin). */
export function listSavedSearches(db: Database): SavedSearch[] {
  const rows = db.prepare('SELECT * FROM saved_searches').all() as SavedSearchRow[];
  return rows.map(toSavedSearch).sort((a, b) => zhCollator.compare(a.name, b.name));
}

/** Save a search; an existing search of the same name is replaced and keeps its id. */
export function saveSearch(db: Database, input: { name: string; query: SavedSearch['query'] }, now: Date): SavedSearch {
  return db.transaction(() => {
    const actor = currentActor(db);
    const before = db.prepare('SELECT * FROM saved_searches WHERE name = ?').get(input.name) as SavedSearchRow | undefined;
    db.prepare(
      `INSERT INTO saved_searches (name, query, created_at, created_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET query = excluded.query, created_at = excluded.created_at, created_by = excluded.created_by`,
    ).run(input.name, JSON.stringify(input.query), now.toISOString(), actor);
    const row = db.prepare('SELECT * FROM saved_searches WHERE name = ?').get(input.name) as SavedSearchRow;
    const after = toSavedSearch(row);
    recordAudit(db, {
      at: now,
      actor,
      action: before ? 'update' : 'create',
      entity: 'saved-search',
      entityId: row.id,
      before: before ? toSavedSearch(before) : undefined,
      after,
    });
    return after;
  })();
}

export function renameSavedSearch(db: Database, id: number, name: string, now: Date): SavedSearch {
  return db.transaction(() => {
    const before = db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedSearchRow | undefined;
    if (!before) throw new AppError('NOT_FOUND', `Saved search ${id} does not exist; it may have been deleted`);
    const clash = db.prepare('SELECT id FROM saved_searches WHERE name = ? AND id <> ?').get(name, id);
    if (clash) throw new AppError('CONFLICT', `A saved search named "${name}" already exists`, { field: 'name' });
    db.prepare('UPDATE saved_searches SET name = ? WHERE id = ?').run(name, id);
    const after = toSavedSearch({ ...before, name });
    recordAudit(db, { at: now, actor: currentActor(db), action: 'update', entity: 'saved-search', entityId: id, before: toSavedSearch(before), after });
    return after;
  })();
}

export function deleteSavedSearch(db: Database, id: number, now: Date): { deleted: boolean } {
  return db.transaction(() => {
    const before = db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedSearchRow | undefined;
    if (!before) return { deleted: false };
    db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
    recordAudit(db, { at: now, actor: currentActor(db), action: 'delete', entity: 'saved-search', entityId: id, before: toSavedSearch(before) });
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
