import type { Migration } from '../migration';
import { nowIso } from '../../../../shared/domain/clock';

/**
 * Comments on notifications or measure families: the team of analysts who act on them, every
 * saved version in full, the workflow steps, per-point outcomes, and later addenda or revisions
 * flagged for a check of the outcome.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'comments',
  up(db, clock) {
    db.exec(`
      CREATE TABLE analysts (
        name        TEXT PRIMARY KEY,
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE comments (
        id                    INTEGER PRIMARY KEY,
        notification_id       INTEGER REFERENCES notifications(id),
        family_id             INTEGER REFERENCES measure_families(id),
        author                TEXT NOT NULL,
        status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                                ('draft', 'in_review', 'approved', 'submitted', 'reply_received', 'closed')),
        title_zh              TEXT NOT NULL DEFAULT '',
        title_en              TEXT NOT NULL DEFAULT '',
        current_version       INTEGER NOT NULL,
        -- Keys of new points (p1, p2, …) are never reused, so an outcome always names one point.
        next_point_no         INTEGER NOT NULL DEFAULT 1,
        submission_date       TEXT,
        submission_channel    TEXT,
        submission_reference  TEXT,
        reply_date            TEXT,
        reply_summary         TEXT,
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        CHECK ((notification_id IS NULL) <> (family_id IS NULL))
      ) STRICT;
      CREATE INDEX comments_status ON comments (status, updated_at DESC);
      CREATE INDEX comments_notification ON comments (notification_id);
      CREATE INDEX comments_family ON comments (family_id);
      CREATE INDEX comments_submission ON comments (submission_date);

      -- A full snapshot (title and points in both languages) per version, as JSON.
      CREATE TABLE comment_versions (
        comment_id  INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        author      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        autosave    INTEGER NOT NULL CHECK (autosave IN (0, 1)),
        note        TEXT NOT NULL DEFAULT '',
        snapshot    TEXT NOT NULL,
        PRIMARY KEY (comment_id, version)
      ) STRICT;

      CREATE TABLE comment_events (
        id           INTEGER PRIMARY KEY,
        comment_id   INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        from_status  TEXT,
        to_status    TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        version      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX comment_events_comment ON comment_events (comment_id, id);

      CREATE TABLE comment_outcomes (
        comment_id                INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        point_key                 TEXT NOT NULL,
        outcome                   TEXT NOT NULL CHECK (outcome IN
                                    ('adopted', 'partly_adopted', 'not_adopted', 'no_reply', 'withdrawn')),
        outcome_date              TEXT,
        evidence_kind             TEXT CHECK (evidence_kind IN ('notification', 'regulation')),
        evidence_notification_id  INTEGER REFERENCES notifications(id),
        evidence_reference        TEXT,
        evidence_date             TEXT,
        cost_spared_cny           INTEGER CHECK (cost_spared_cny >= 0),
        cost_method               TEXT,
        note                      TEXT NOT NULL DEFAULT '',
        recorded_at               TEXT NOT NULL,
        recorded_by               TEXT NOT NULL,
        PRIMARY KEY (comment_id, point_key),
        CHECK (outcome NOT IN ('adopted', 'partly_adopted') OR evidence_kind IS NOT NULL)
      ) STRICT;

      CREATE TABLE comment_followups (
        comment_id       INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        notification_id  INTEGER NOT NULL REFERENCES notifications(id),
        detected_at      TEXT NOT NULL,
        acknowledged_by  TEXT,
        acknowledged_at  TEXT,
        PRIMARY KEY (comment_id, notification_id)
      ) STRICT;
      CREATE INDEX comment_followups_open ON comment_followups (comment_id) WHERE acknowledged_at IS NULL;
    `);
    // The analyst already named in Settings becomes the first member of the team list.
    const row = db.prepare("SELECT value FROM settings WHERE key = 'analystName'").get() as { value: string } | undefined;
    const name = row ? (JSON.parse(row.value) as unknown) : null;
    if (typeof name === 'string' && name.trim() !== '') {
      db.prepare('INSERT INTO analysts (name, active, created_at) VALUES (?, 1, ?)').run(name.trim().slice(0, 80), nowIso(clock));
    }
  },
};
