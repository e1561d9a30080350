import type { Database } from 'better-sqlite3';
import { uidAt } from '../../../../shared/domain/uid';
import type { Migration } from '../migration';
import { addRecordIdentity } from '../record-identity';

/** The analyst who last touched a comment: the latest of its workflow steps and saved versions. */
const LAST_COMMENT_ACTOR = `(SELECT name FROM (
    SELECT e.at AS at, e.actor AS name FROM comment_events e WHERE e.comment_id = t.id
    UNION ALL SELECT v.updated_at, v.author FROM comment_versions v WHERE v.comment_id = t.id
  ) ORDER BY at DESC LIMIT 1)`;

/**
 * Give every point of every kept version a stable uid: one per point key of a comment (keys are
 * never reused within a comment), dated by the first version that holds the point.
 */
function addPointUids(db: Database): void {
  const versions = db.prepare('SELECT rowid AS r, comment_id, created_at, snapshot FROM comment_versions ORDER BY comment_id, version').all() as Array<{
    r: number;
    comment_id: number;
    created_at: string;
    snapshot: string;
  }>;
  const write = db.prepare('UPDATE comment_versions SET snapshot = ? WHERE rowid = ?');
  const uids = new Map<string, string>();
  for (const v of versions) {
    const content = JSON.parse(v.snapshot) as { points: Array<Record<string, unknown> & { key: string }> };
    content.points = content.points.map(({ key, ...rest }) => {
      const id = `${v.comment_id}|${key}`;
      const uid = uids.get(id) ?? uidAt(v.created_at);
      uids.set(id, uid);
      // The uid sits after the key, where the contract's schema puts it.
      return { key, uid, ...rest };
    });
    write.run(JSON.stringify(content), v.r);
  }
}

/**
 * Stable identity for comments and everything analysts write about them (record-identity.ts):
 * comments, their points (a uid inside each snapshot), versions, workflow events, outcomes,
 * follow-up acknowledgements, language marks and templates.
 *
 * - Names become analyst uids. The author of a comment or version and the actor of a workflow
 *   step are their record's created_by (the name columns go); the other *_by columns
 *   (recorded_by, acknowledged_by, marked_by, templates' updated_by) keep their place and now
 *   hold the analyst's uid, as every *_by column does.
 * - A submission is recorded on the comment; its identity is the uid of the workflow event that
 *   moved the comment to submitted.
 * - Workflow events name the version they saw by uid (version_uid): the version number is a local
 *   label, allocated on this workstation, while the uid stays the same everywhere.
 * - Built-in templates were seeded as by 'Pingyi', nobody on the team: unrecorded.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'comment-identity',
  up(db) {
    addPointUids(db);
    addRecordIdentity(db, 'comments', {
      createdAt: 't.created_at',
      updatedAt: 't.updated_at',
      createdByName: 't.author',
      updatedByName: `coalesce(${LAST_COMMENT_ACTOR}, t.author)`,
      hasStampColumns: ['created_at', 'updated_at'],
    });
    addRecordIdentity(db, 'comment_versions', {
      createdAt: 't.created_at',
      updatedAt: 't.updated_at',
      createdByName: 't.author',
      hasStampColumns: ['created_at', 'updated_at'],
    });
    addRecordIdentity(db, 'comment_events', { createdAt: 't.at', createdByName: 't.actor' });
    addRecordIdentity(db, 'comment_outcomes', { createdAt: 't.recorded_at', createdByName: 't.recorded_by' });
    addRecordIdentity(db, 'comment_followups', {
      createdAt: 't.detected_at',
      updatedAt: 'coalesce(t.acknowledged_at, t.detected_at)',
      updatedByName: 't.acknowledged_by',
    });
    addRecordIdentity(db, 'comment_language_marks', { createdAt: 't.marked_at', createdByName: 't.marked_by' });
    addRecordIdentity(db, 'comment_templates', {
      createdAt: 't.updated_at',
      createdByName: "CASE WHEN t.built_in = 1 THEN NULL ELSE t.updated_by END",
      updatedByName: "CASE WHEN t.built_in = 1 AND t.updated_by = 'Pingyi' THEN NULL ELSE t.updated_by END",
      hasStampColumns: ['updated_at', 'updated_by'],
    });
    db.exec(`
      UPDATE comment_outcomes SET recorded_by = updated_by;
      UPDATE comment_followups SET acknowledged_by = updated_by WHERE acknowledged_by IS NOT NULL;
      UPDATE comment_language_marks SET marked_by = created_by;

      ALTER TABLE comments DROP COLUMN author;
      ALTER TABLE comment_versions DROP COLUMN author;
      ALTER TABLE comment_events DROP COLUMN actor;

      ALTER TABLE comment_events ADD COLUMN version_uid TEXT;
      UPDATE comment_events SET version_uid =
        (SELECT v.uid FROM comment_versions v WHERE v.comment_id = comment_events.comment_id AND v.version = comment_events.version);
    `);
  },
};
