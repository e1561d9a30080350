import { UNRECORDED_ANALYST_UID } from '../../../../shared/domain/uid';
import type { Migration } from '../migration';
import { addRecordIdentity, RECORD_IDENTITY_COLUMNS } from '../record-identity';

const UNRECORDED = `'${UNRECORDED_ANALYST_UID}'`;

/** The first or last audit entry of `action` on the notification of row `t` (column `column`). */
const auditOf = (action: string, column: 'at' | 'actor', order: 'ASC' | 'DESC'): string =>
  `(SELECT l.${column} FROM audit_log l WHERE l.entity = 'notification' AND l.entity_id = CAST(t.notification_id AS TEXT)
     AND l.action = '${action}' ORDER BY l.id ${order} LIMIT 1)`;

/** The uid of the analyst named by `name` (an SQL expression), NULL for no name. */
const analystUid = (name: string): string => `(SELECT a.uid FROM analysts a WHERE a.name = ${name})`;

/**
 * Stable identity, stamps and tombstones for the analysts' own layer over notifications:
 * triage, the industries assigned, translations, attachments, saved searches, settings and
 * trade-concern suggestions. Stamps name analysts by uid (see record-identity.ts).
 *
 * Decisions written down here:
 * - Assignee and translator are assignments of an analyst: `assignee_uid` / `translator_uid`
 *   replace the name columns, which are dropped so that nothing reads a stale copy of a name.
 *   Attachments likewise keep their creation in created_at / created_by (added_at / added_by go).
 * - notification_industries is written only by triage (imports never tag industries), so each
 *   row is an analyst's assignment: it gets the identity columns; unassigning leaves a tombstone
 *   and assigning the same industry again revives that row (one uid per notification and industry).
 * - A deleted saved search stays as its tombstone; a new search of the same name is a new record,
 *   so names are unique among live searches only.
 * - A removed attachment stays as its tombstone; attaching the same file again revives it.
 * - trade_concern_notifications are part of their suggestion (rewritten with it on every save,
 *   exchanged as the list of WTO symbols), not records of their own: no identity columns.
 * - Settings rows (one per key) get identity; the analyst name setting is superseded by the
 *   workstation's acting analyst (migration 0180) and becomes a tombstone. The time of the last
 *   full store check is a fact of this workstation and moves to `workstation`.
 */
export const migration0190: Migration = {
  version: 190,
  name: 'notification-side-identity',
  up(db, clock) {
    const now = clock.now().toISOString();

    addRecordIdentity(db, 'notification_triage', {
      createdAt: `coalesce(${auditOf('triage', 'at', 'ASC')}, t.updated_at)`,
      updatedAt: 't.updated_at',
      createdByName: `coalesce(${auditOf('triage', 'actor', 'ASC')}, t.updated_by)`,
      updatedByName: 't.updated_by',
      hasStampColumns: ['updated_at', 'updated_by'],
    });
    db.exec(`
      ALTER TABLE notification_triage ADD COLUMN assignee_uid TEXT REFERENCES analysts(uid);
      UPDATE notification_triage SET assignee_uid = ${analystUid('notification_triage.assignee')} WHERE assignee IS NOT NULL;
      DROP INDEX triage_assignee;
      ALTER TABLE notification_triage DROP COLUMN assignee;
      CREATE INDEX triage_assignee ON notification_triage (assignee_uid);
    `);

    addRecordIdentity(db, 'notification_translations', {
      createdAt: `coalesce(${auditOf('translate', 'at', 'ASC')}, t.updated_at)`,
      updatedAt: 't.updated_at',
      createdByName: auditOf('translate', 'actor', 'ASC'),
      updatedByName: auditOf('translate', 'actor', 'DESC'),
      hasStampColumns: ['updated_at'],
    });
    db.exec(`
      ALTER TABLE notification_translations ADD COLUMN translator_uid TEXT REFERENCES analysts(uid);
      UPDATE notification_translations SET translator_uid = ${analystUid('notification_translations.translator')} WHERE translator IS NOT NULL;
      ALTER TABLE notification_translations DROP COLUMN translator;
    `);

    // Industries were set with the triage: the triage's last change is the best date there is.
    db.exec(`
      CREATE TABLE notification_industries_0190 (
        notification_id  INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        industry         TEXT NOT NULL REFERENCES industries(code),
        ${RECORD_IDENTITY_COLUMNS},
        PRIMARY KEY (notification_id, industry)
      ) STRICT;
    `);
    db.prepare(
      `INSERT INTO notification_industries_0190 (notification_id, industry, uid, created_at, created_by, updated_at, updated_by)
       SELECT ni.notification_id, ni.industry, pingyi_uid_at(at), at, by, at, by FROM (
         SELECT i.notification_id, i.industry, coalesce(tr.updated_at, @now) AS at, coalesce(tr.updated_by, ${UNRECORDED}) AS by
         FROM notification_industries i LEFT JOIN notification_triage tr ON tr.notification_id = i.notification_id
       ) AS ni`,
    ).run({ now });
    db.exec(`
      DROP TABLE notification_industries;
      ALTER TABLE notification_industries_0190 RENAME TO notification_industries;
      CREATE INDEX notification_industries_industry ON notification_industries (industry, notification_id) WHERE deleted_at IS NULL;
    `);

    // Names that attached files but were never seen as actors come in as inactive analysts.
    db.prepare(
      `INSERT INTO analysts (uid, name, active, created_at, created_by, updated_at, updated_by)
       SELECT pingyi_uid_at(at), added_by, 0, at, ${UNRECORDED}, at, ${UNRECORDED}
       FROM (SELECT added_by, min(added_at) AS at FROM attachments WHERE trim(added_by) <> '' GROUP BY added_by)
       WHERE added_by NOT IN (SELECT name FROM analysts)`,
    ).run();
    addRecordIdentity(db, 'attachments', { createdAt: 't.added_at', createdByName: 't.added_by' });
    db.exec('ALTER TABLE attachments DROP COLUMN added_at; ALTER TABLE attachments DROP COLUMN added_by;');

    db.exec(`
      CREATE TABLE saved_searches_0190 (
        id     INTEGER PRIMARY KEY,
        name   TEXT NOT NULL,
        query  TEXT NOT NULL,
        ${RECORD_IDENTITY_COLUMNS}
      ) STRICT;
      INSERT INTO saved_searches_0190 (id, name, query, uid, created_at, created_by, updated_at, updated_by)
        SELECT s.id, s.name, s.query, pingyi_uid_at(s.created_at), s.created_at, by, s.created_at, by
        FROM (SELECT *, coalesce(${analystUid('saved_searches.created_by')}, ${UNRECORDED}) AS by FROM saved_searches) AS s;
      DROP TABLE saved_searches;
      ALTER TABLE saved_searches_0190 RENAME TO saved_searches;
      CREATE UNIQUE INDEX saved_searches_live_name ON saved_searches (name) WHERE deleted_at IS NULL;
    `);

    addRecordIdentity(db, 'trade_concerns', {
      createdAt: 't.created_at',
      updatedAt: 't.updated_at',
      createdByName: 't.created_by',
      updatedByName: 't.updated_by',
      hasStampColumns: ['created_at', 'created_by', 'updated_at', 'updated_by'],
    });

    db.exec(`
      INSERT INTO workstation (key, value)
        SELECT 'lastFullIntegrityCheck', value FROM settings WHERE key = 'lastFullIntegrityCheck';
      DELETE FROM settings WHERE key = 'lastFullIntegrityCheck';
    `);
    addRecordIdentity(db, 'settings', {
      createdAt: `coalesce((SELECT min(l.at) FROM audit_log l WHERE l.entity = 'settings'), '${now}')`,
    });
    db.prepare(
      `UPDATE settings SET deleted_at = @now, deleted_by = ${UNRECORDED}, updated_at = @now, updated_by = ${UNRECORDED}
       WHERE key = 'analystName'`,
    ).run({ now });
  },
};
