import type { Migration } from '../migration';

/**
 * Which side of a point's Chinese/English pair may be out of date after the other side was
 * rewritten (shared/domain/language-sync.ts). One row per point part; confirming or updating
 * the marked side deletes it. Marks go with their comment.
 */
export const migration0151: Migration = {
  version: 151,
  name: 'comment-language-marks',
  up(db) {
    db.exec(`
      CREATE TABLE comment_language_marks (
        comment_id  INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        point_key   TEXT NOT NULL,
        part        TEXT NOT NULL CHECK (part IN ('clause', 'concern', 'proposal', 'rationale')),
        stale       TEXT NOT NULL CHECK (stale IN ('zh', 'en')),
        marked_at   TEXT NOT NULL,
        marked_by   TEXT NOT NULL,
        PRIMARY KEY (comment_id, point_key, part)
      ) STRICT;
    `);
  },
};
