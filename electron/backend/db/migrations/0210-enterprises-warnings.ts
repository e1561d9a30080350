import { DEFAULT_FOCUS_INDUSTRIES } from '../../../../shared/domain/focus-industries';
import { UNRECORDED_ANALYST_UID } from '../../../../shared/domain/uid';
import type { Migration } from '../migration';
import { RECORD_IDENTITY_COLUMNS } from '../record-identity';

/** When the default focus industries are dated: the same on every workstation. */
const DEFAULTS_AT = '2026-12-01T00:00:00.000Z';

/**
 * Enterprises and their exports, focus industries, customs trade figures, and the risk warnings
 * scored from them, with the letters sent. Records are keyed for exchange by uid; a warning is
 * also unique by what it is about (measure key, target), so two workstations that score the
 * same measure against the same enterprise hold one warning after a merge.
 */
export const migration0210: Migration = {
  version: 210,
  name: 'enterprises-warnings',
  up(db) {
    db.exec(`
      CREATE TABLE enterprises (
        id           INTEGER PRIMARY KEY,
        ${RECORD_IDENTITY_COLUMNS},
        name         TEXT NOT NULL,
        credit_code  TEXT NOT NULL CHECK (length(credit_code) = 18),
        province     TEXT NOT NULL DEFAULT '',
        city         TEXT NOT NULL DEFAULT '',
        industry     TEXT NOT NULL DEFAULT '',
        contacts     TEXT NOT NULL DEFAULT '[]',
        notes        TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE UNIQUE INDEX enterprises_credit_code ON enterprises (credit_code) WHERE deleted_at IS NULL;
      CREATE INDEX enterprises_name ON enterprises (name);

      -- One product x market line of an enterprise's exports.
      CREATE TABLE enterprise_exposure (
        id                 INTEGER PRIMARY KEY,
        ${RECORD_IDENTITY_COLUMNS},
        enterprise_uid     TEXT NOT NULL REFERENCES enterprises (uid),
        hs_code            TEXT NOT NULL CHECK (length(hs_code) BETWEEN 6 AND 10),
        market             TEXT NOT NULL,
        annual_export_usd  REAL CHECK (annual_export_usd IS NULL OR annual_export_usd >= 0)
      ) STRICT;
      CREATE UNIQUE INDEX enterprise_exposure_line ON enterprise_exposure (enterprise_uid, hs_code, market) WHERE deleted_at IS NULL;
      CREATE INDEX enterprise_exposure_hs ON enterprise_exposure (hs_code) WHERE deleted_at IS NULL;

      -- Enterprise files imported, like the notification imports.
      CREATE TABLE enterprise_imports (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('enterprises', 'tradeExposure')),
        file_name    TEXT NOT NULL,
        file_sha256  TEXT NOT NULL,
        format       TEXT NOT NULL,
        at           TEXT NOT NULL,
        actor_id     TEXT NOT NULL,
        report       TEXT NOT NULL
      ) STRICT;

      -- Values an import or an edit replaced: the history of each enterprise.
      CREATE TABLE enterprise_changes (
        id              INTEGER PRIMARY KEY,
        enterprise_uid  TEXT NOT NULL,
        at              TEXT NOT NULL,
        actor_id        TEXT NOT NULL,
        import_id       INTEGER REFERENCES enterprise_imports (id),
        field           TEXT NOT NULL,
        line            TEXT,
        old_value       TEXT,
        new_value       TEXT
      ) STRICT;
      CREATE INDEX enterprise_changes_enterprise ON enterprise_changes (enterprise_uid, id);

      CREATE TABLE focus_industries (
        id             INTEGER PRIMARY KEY,
        ${RECORD_IDENTITY_COLUMNS},
        code           TEXT NOT NULL,
        name_zh        TEXT NOT NULL,
        name_en        TEXT NOT NULL DEFAULT '',
        hs_codes       TEXT NOT NULL DEFAULT '[]',
        keywords       TEXT NOT NULL DEFAULT '[]',
        justification  TEXT NOT NULL DEFAULT '',
        built_in       INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX focus_industries_code ON focus_industries (code) WHERE deleted_at IS NULL;

      -- China's exports by HS code, destination and year (customs statistics): reference data.
      CREATE TABLE trade_exposure (
        hs_code      TEXT NOT NULL,
        destination  TEXT NOT NULL,
        year         INTEGER NOT NULL,
        value_usd    REAL NOT NULL CHECK (value_usd >= 0),
        import_id    INTEGER REFERENCES enterprise_imports (id),
        PRIMARY KEY (hs_code, destination, year)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX trade_exposure_destination ON trade_exposure (destination, hs_code);

      CREATE TABLE warnings (
        id                INTEGER PRIMARY KEY,
        ${RECORD_IDENTITY_COLUMNS},
        -- 'base:<base symbol>' or 'family:<measure family key>'.
        measure_key       TEXT NOT NULL,
        target_kind       TEXT NOT NULL CHECK (target_kind IN ('enterprise', 'industry')),
        -- The enterprise's uid or the focus industry's code.
        target_key        TEXT NOT NULL,
        -- The measure's first base notification (local id) and every symbol of the measure.
        notification_id   INTEGER NOT NULL,
        symbols           TEXT NOT NULL DEFAULT '[]',
        area              TEXT NOT NULL CHECK (area IN ('TBT', 'SPS')),
        -- Members covered, as ',SAU,ARE,' so that a filter is one LIKE.
        members           TEXT NOT NULL DEFAULT '',
        -- Focus industries reached and the enterprise's industry, as ',ev,lithium-battery,'.
        industries        TEXT NOT NULL DEFAULT '',
        stage             TEXT NOT NULL,
        score             INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        computed_level    TEXT NOT NULL CHECK (computed_level IN ('red', 'orange', 'yellow', 'blue')),
        -- The override's level where there is one, else the computed level.
        level             TEXT NOT NULL CHECK (level IN ('red', 'orange', 'yellow', 'blue')),
        override_level    TEXT CHECK (override_level IN ('red', 'orange', 'yellow', 'blue')),
        override_reason   TEXT,
        override_by       TEXT,
        override_at       TEXT,
        match             TEXT NOT NULL CHECK (match IN ('direct', 'broad', 'text')),
        value_usd         REAL,
        factors           TEXT NOT NULL DEFAULT '[]',
        matches           TEXT NOT NULL DEFAULT '[]',
        -- Digest of score, factors and matches: a recomputation that changes nothing writes nothing.
        digest            TEXT NOT NULL,
        comment_deadline  TEXT,
        adoption          TEXT,
        entry_into_force  TEXT,
        next_deadline     TEXT,
        state             TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acknowledged', 'planned', 'closed')),
        close_reason      TEXT,
        state_note        TEXT NOT NULL DEFAULT '',
        state_at          TEXT,
        state_by          TEXT,
        response_kind     TEXT CHECK (response_kind IN ('comment', 'adapt', 'certify', 'monitor')),
        response_owner    TEXT,
        response_due      TEXT,
        response_note     TEXT NOT NULL DEFAULT '',
        computed_at       TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX warnings_subject ON warnings (measure_key, target_kind, target_key);
      CREATE INDEX warnings_inbox ON warnings (score DESC, id) WHERE deleted_at IS NULL;
      CREATE INDEX warnings_target ON warnings (target_kind, target_key);
      CREATE INDEX warnings_notification ON warnings (notification_id);
      CREATE INDEX warnings_deadline ON warnings (next_deadline) WHERE deleted_at IS NULL AND next_deadline IS NOT NULL;
      -- The inbox's filters and sorts in one covering index: the counts by level, and a filtered
      -- first page, read it alone instead of visiting every warning row (workflow).
      CREATE INDEX warnings_facets ON warnings (level, state, match, target_kind, score, next_deadline, created_at, target_key, members, industries, deleted_at);

      -- Every level, state, response and letter a warning had, append-only.
      CREATE TABLE warning_history (
        id           INTEGER PRIMARY KEY,
        warning_uid  TEXT NOT NULL,
        at           TEXT NOT NULL,
        actor_id     TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('computed', 'override', 'state', 'response', 'letter')),
        score        INTEGER,
        level        TEXT,
        state        TEXT,
        note         TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX warning_history_warning ON warning_history (warning_uid, id);
      -- The levels computed in a period: the alerts' raised warnings (workflow).
      CREATE INDEX warning_history_computed ON warning_history (kind, at);

      CREATE TABLE warning_letters (
        id               INTEGER PRIMARY KEY,
        ${RECORD_IDENTITY_COLUMNS},
        enterprise_uid   TEXT NOT NULL,
        warning_uids     TEXT NOT NULL DEFAULT '[]',
        symbols          TEXT NOT NULL DEFAULT '[]',
        format           TEXT NOT NULL CHECK (format IN ('docx', 'pdf')),
        file_name        TEXT NOT NULL,
        file_sha256      TEXT NOT NULL,
        delivered_on     TEXT,
        delivery_channel TEXT,
        delivery_note    TEXT NOT NULL DEFAULT '',
        delivered_by     TEXT,
        acknowledged_on  TEXT,
        ack_note         TEXT NOT NULL DEFAULT '',
        acknowledged_by  TEXT
      ) STRICT;
      CREATE INDEX warning_letters_enterprise ON warning_letters (enterprise_uid, id);
    `);
    const insert = db.prepare(
      `INSERT INTO focus_industries (uid, created_at, created_by, updated_at, updated_by, code, name_zh, name_en, hs_codes, keywords, justification, built_in)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    for (const f of DEFAULT_FOCUS_INDUSTRIES) {
      insert.run(f.uid, DEFAULTS_AT, UNRECORDED_ANALYST_UID, DEFAULTS_AT, UNRECORDED_ANALYST_UID, f.code, f.nameZh, f.nameEn, JSON.stringify(f.hsCodes), JSON.stringify(f.keywords), f.justification);
    }
  },
};
