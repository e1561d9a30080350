import type { Database } from 'better-sqlite3';
import type { SearchReindexResult } from '../../../shared/contract/jobs';
import { SEARCH_TEXT_VERSION } from '../../../shared/domain/search-text';
import { AppError } from '../errors';

const VERSION_KEY = 'searchTextVersion';

/** What a store indexed before versions were recorded was indexed by: the function as it stood then. */
const UNRECORDED_VERSION = 1;

/** The search-text version the index was built with, and whether the store recorded it. */
export function searchIndexVersion(db: Database): { version: number; recorded: boolean } {
  const value = db.prepare('SELECT value FROM workstation WHERE key = ?').pluck().get(VERSION_KEY) as string | undefined;
  return value === undefined ? { version: UNRECORDED_VERSION, recorded: false } : { version: Number(value), recorded: true };
}

export function recordSearchIndexVersion(db: Database, version: number = SEARCH_TEXT_VERSION): void {
  db.prepare('INSERT INTO workstation (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(VERSION_KEY, String(version));
}

/**
 * Notifications indexed per statement. Between batches the job hears a cancel and reports
 * progress; a batch of the bulk file's notifications takes some tens of milliseconds.
 */
const BATCH = 2000;

// The index row of notification `n` with its translation, as migration 0070's triggers write it.
const INDEX_BATCH = `
  INSERT INTO notifications_fts (rowid, symbol, title, description, products, keywords, zh)
  SELECT n.id, n.symbol, pingyi_search_text(n.title), pingyi_search_text(n.description),
         pingyi_search_text(n.products || ' ' || n.hs_codes || ' ' || n.ics_codes),
         pingyi_search_text(n.keywords || ' ' || n.objectives),
         coalesce((SELECT pingyi_search_text(t.title_zh || ' ' || t.description_zh)
                   FROM notification_translations t WHERE t.notification_id = n.id), '')
  FROM notifications n WHERE n.id > @after AND n.id <= @upto`;

export interface RebuildOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Build the full-text index again from the notifications with this version's toSearchText, in
 * one transaction: a cancelled or failed rebuild leaves the old index as it was, still usable.
 * Records the version it built with.
 */
export async function rebuildSearchIndex(db: Database, options: RebuildOptions = {}): Promise<SearchReindexResult> {
  const total = db.prepare('SELECT count(*) FROM notifications').pluck().get() as number;
  const lastOfBatch = db.prepare('SELECT max(id) FROM (SELECT id FROM notifications WHERE id > ? ORDER BY id LIMIT ?)').pluck();
  const index = db.prepare(INDEX_BATCH);
  const cancelled = (): void => {
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The search index rebuild was cancelled; the index is as it was');
  };
  options.onProgress?.(0, total);
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec("INSERT INTO notifications_fts (notifications_fts) VALUES ('delete-all')");
    let done = 0;
    let after = 0;
    for (;;) {
      const upto = lastOfBatch.get(after, BATCH) as number | null;
      if (upto === null) break;
      done += index.run({ after, upto }).changes;
      after = upto;
      options.onProgress?.(done, total);
      // Let a cancel (a message to the worker, or a call inline) arrive between batches.
      await new Promise((resolve) => setImmediate(resolve));
      cancelled();
    }
    recordSearchIndexVersion(db);
    db.exec('COMMIT');
    return { indexed: done, version: SEARCH_TEXT_VERSION };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
