import type { Database } from 'better-sqlite3';

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/**
 * Large imports insert tens of thousands of rows; keeping a dozen secondary indexes and the
 * search triggers current row by row costs more than parsing the file. Inside the import's own
 * transaction, bulk mode drops them (the UNIQUE symbol index stays, the writer needs it), and
 * `finish` recreates them exactly as stored in the schema and replays the UPDATE triggers over
 * the touched rows, so the full-text index and code table end as the row-by-row path leaves them.
 * DDL is transactional in SQLite: a rollback brings every dropped object back.
 */
export function suspendNotificationIndexes(db: Database): { finish(touchedIds: readonly number[]): void } {
  const objects = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE tbl_name = 'notifications' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
    )
    .all() as SchemaObject[];
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  for (const o of objects) db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} ${quote(o.name)}`);

  return {
    finish(touchedIds) {
      for (const o of objects) if (o.type === 'trigger') db.exec(o.sql);
      db.exec('CREATE TEMP TABLE IF NOT EXISTS import_touched (id INTEGER PRIMARY KEY)');
      db.exec('DELETE FROM temp.import_touched');
      const add = db.prepare('INSERT OR IGNORE INTO temp.import_touched (id) VALUES (?)');
      for (const id of touchedIds) add.run(id);
      // Naming every column some UPDATE OF trigger watches fires each of them once per row,
      // before the indexes exist, so no index is written twice.
      const watched = updateTriggerColumns(objects);
      if (watched.length > 0) {
        db.exec(
          `UPDATE notifications SET ${watched.map((c) => `${c} = ${c}`).join(', ')}
           WHERE id IN (SELECT id FROM temp.import_touched)`,
        );
      }
      for (const o of objects) if (o.type === 'index') db.exec(o.sql);
      db.exec('DROP TABLE temp.import_touched');
    },
  };
}

/** The columns named by `AFTER UPDATE OF a, b ON notifications` clauses. */
function updateTriggerColumns(objects: readonly SchemaObject[]): string[] {
  const columns = new Set<string>();
  for (const o of objects) {
    const m = /UPDATE\s+OF\s+([\w\s,]+?)\s+ON\s+notifications/i.exec(o.sql);
    if (m) for (const c of m[1]!.split(',')) columns.add(c.trim());
  }
  return [...columns].filter((c) => /^[a-z_]+$/.test(c));
}

/** Rows a file will likely bring, from its size: about 330 bytes a row in XLSX, 1.4 KB in text. */
export function estimateRows(fileSize: number, fileName: string): number {
  return Math.round(fileSize / (/\.xlsx$/i.test(fileName) ? 330 : 1400));
}

/** Worth it when the file brings at least twice the rows the table holds (a first bulk load). */
export function shouldUseBulkMode(estimatedRows: number, existingRows: number): boolean {
  return estimatedRows >= 5_000 && estimatedRows >= 2 * existingRows;
}
