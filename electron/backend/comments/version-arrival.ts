import type { Database } from 'better-sqlite3';
import { CommentContent } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { isUid } from '../../../shared/domain/uid';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';
import { nextVersionNumber } from './comment-store';

/** A comment version made on another workstation, as an exchange of records carries it. */
export interface ArrivingVersion {
  /** The version's identity, the same on every workstation. */
  uid: string;
  /** The comment it belongs to, by uid. */
  commentUid: string;
  /** Its number where it was made: a label of that workstation, not kept as this one's. */
  number: number;
  createdAt: string;
  /** Analyst uids. */
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  autosave: boolean;
  note: string;
  content: unknown;
}

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
}

/**
 * Take in a version made elsewhere. The uid is the version's identity: a version already here
 * is left as it is (taking it in twice adds nothing). The number is a label local to each
 * workstation: an arriving version gets the next free number of its comment here, whatever it
 * was numbered where it was made, so numbers stay unique per comment and no version is lost.
 * It joins the history without becoming the current text: an analyst makes it current by
 * restoring it. Its point keys are reserved, so a point added here later never reuses one.
 */
export function acceptVersion(db: Database, actor: Actor, incoming: ArrivingVersion, clock: Clock): { version: number; added: boolean } {
  return db.transaction(() => {
    if (!isUid(incoming.uid)) throw fieldError('uid', `${incoming.uid} is not a version uid`);
    const comment = db.prepare('SELECT id, uid, next_point_no FROM comments WHERE uid = ?').get(incoming.commentUid) as
      | { id: number; uid: string; next_point_no: number }
      | undefined;
    if (!comment) throw new AppError('NOT_FOUND', `No comment ${incoming.commentUid} on this workstation`, { entity: 'comment', uid: incoming.commentUid });
    const known = db.prepare('SELECT comment_id, version FROM comment_versions WHERE uid = ?').get(incoming.uid) as
      | { comment_id: number; version: number }
      | undefined;
    if (known) {
      if (known.comment_id !== comment.id) {
        throw new AppError('CONFLICT', `version ${incoming.uid} belongs to another comment here`, { uid: incoming.uid });
      }
      return { version: known.version, added: false };
    }
    const analyst = db.prepare('SELECT 1 FROM analysts WHERE uid = ?').pluck();
    for (const field of ['createdBy', 'updatedBy'] as const) {
      if (!analyst.get(incoming[field])) throw fieldError(field, `${incoming[field]} is not on the analyst list here`);
    }
    const parsed = CommentContent.safeParse(incoming.content);
    if (!parsed.success) throw fieldError('content', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const content = parsed.data;

    const version = nextVersionNumber(db, comment.id);
    db.prepare(
      `INSERT INTO comment_versions (comment_id, version, autosave, note, snapshot, uid, created_at, created_by, updated_at, updated_by)
       VALUES (@comment, @version, @autosave, @note, @snapshot, @uid, @createdAt, @createdBy, @updatedAt, @updatedBy)`,
    ).run({
      comment: comment.id,
      version,
      autosave: incoming.autosave ? 1 : 0,
      note: incoming.note,
      snapshot: JSON.stringify(content),
      uid: incoming.uid,
      createdAt: incoming.createdAt,
      createdBy: incoming.createdBy,
      updatedAt: incoming.updatedAt,
      updatedBy: incoming.updatedBy,
    });
    const highestKey = Math.max(0, ...content.points.map((p) => Number(p.key.slice(1))));
    if (highestKey >= comment.next_point_no) db.prepare('UPDATE comments SET next_point_no = ? WHERE id = ?').run(highestKey + 1, comment.id);
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: 'version-arrived',
      entity: 'comment',
      entityId: comment.id,
      entityUid: comment.uid,
      after: { version, versionUid: incoming.uid, numberElsewhere: incoming.number, by: incoming.createdBy },
    });
    return { version, added: true };
  })();
}
