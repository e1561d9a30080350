import type { Migration } from '../migration';

/**
 * Full-text search over notifications and their Chinese translations. The indexed text is
 * prepared by pingyi_search_text() (registered on every connection): Han characters become
 * single characters plus overlapping pairs, so two-character words such as 标准 or 电池 are
 * whole tokens for the unicode61 tokenizer, while English and symbols index as words.
 */
// One index row of a notification `n`; `zh` is the SQL for its Chinese translation text.
const FTS_COLUMNS = 'rowid, symbol, title, description, products, keywords, zh';
const ftsValues = (n: string, zh: string): string => `
  ${n}.id, ${n}.symbol, pingyi_search_text(${n}.title), pingyi_search_text(${n}.description),
  pingyi_search_text(${n}.products || ' ' || ${n}.hs_codes || ' ' || ${n}.ics_codes),
  pingyi_search_text(${n}.keywords || ' ' || ${n}.objectives), ${zh}`;
const TRANSLATION_OF = (id: string): string =>
  `coalesce((SELECT pingyi_search_text(t.title_zh || ' ' || t.description_zh)
             FROM notification_translations t WHERE t.notification_id = ${id}), '')`;
const REINDEX_TRANSLATED = `
  DELETE FROM notifications_fts WHERE rowid = new.notification_id;
  INSERT INTO notifications_fts (${FTS_COLUMNS})
  SELECT ${ftsValues('n', "pingyi_search_text(new.title_zh || ' ' || new.description_zh)")}
  FROM notifications n WHERE n.id = new.notification_id;`;

export const migration0070: Migration = {
  version: 70,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE notifications_fts USING fts5(
        symbol, title, description, products, keywords, zh,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER notifications_fts_insert AFTER INSERT ON notifications BEGIN
        INSERT INTO notifications_fts (${FTS_COLUMNS}) VALUES (${ftsValues('new', "''")});
      END;
      CREATE TRIGGER notifications_fts_update
      AFTER UPDATE OF symbol, title, description, products, keywords, objectives, hs_codes, ics_codes ON notifications BEGIN
        DELETE FROM notifications_fts WHERE rowid = old.id;
        INSERT INTO notifications_fts (${FTS_COLUMNS}) SELECT ${ftsValues('new', TRANSLATION_OF('new.id'))};
      END;
      CREATE TRIGGER notifications_fts_delete AFTER DELETE ON notifications BEGIN
        DELETE FROM notifications_fts WHERE rowid = old.id;
      END;

      CREATE TRIGGER translations_fts_upsert AFTER INSERT ON notification_translations BEGIN
        ${REINDEX_TRANSLATED}
      END;
      CREATE TRIGGER translations_fts_update AFTER UPDATE ON notification_translations BEGIN
        ${REINDEX_TRANSLATED}
      END;

      -- Index what an earlier version stored.
      INSERT INTO notifications_fts (${FTS_COLUMNS}) SELECT ${ftsValues('n', TRANSLATION_OF('n.id'))} FROM notifications n;

      CREATE TABLE saved_searches (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        query       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
