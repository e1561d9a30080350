import type { Database } from 'better-sqlite3';
import { CommentContent, type CommentStatus } from '../../../shared/contract';
import { isEditableStatus, statusLabel } from '../../../shared/domain/comment-workflow';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changeStamp, newRecordStamp } from '../db/record-identity';
import { AppError, notFound } from '../errors';
import type { TargetRef } from './comment-target';

/** A comments row as SQLite returns it. */
export interface CommentRow {
  id: number;
  uid: string;
  notification_id: number | null;
  family_id: number | null;
  status: CommentStatus;
  title_zh: string;
  title_en: string;
  current_version: number;
  next_point_no: number;
  submission_date: string | null;
  submission_channel: string | null;
  submission_reference: string | null;
  reply_date: string | null;
  reply_summary: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface VersionRow {
  comment_id: number;
  version: number;
  uid: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  autosave: number;
  note: string;
  snapshot: string;
}

/** Autosaves by one analyst within this window become one version. */
export const AUTOSAVE_COALESCE_MS = 2 * 60 * 1000;

/** A comment that has not been deleted (a deleted draft is kept as a tombstone, but is not found). */
export function requireComment(db: Database, id: number): CommentRow {
  const row = db.prepare('SELECT * FROM comments WHERE id = ? AND deleted_at IS NULL').get(id) as CommentRow | undefined;
  if (!row) throw notFound('comment', id);
  return row;
}

export const targetRefOf = (row: CommentRow): TargetRef => ({ notificationId: row.notification_id, familyId: row.family_id });

export function readVersionRow(db: Database, commentId: number, version: number): VersionRow {
  const row = db.prepare('SELECT * FROM comment_versions WHERE comment_id = ? AND version = ?').get(commentId, version) as VersionRow | undefined;
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `comment ${commentId} has no version ${version} (autosaves made within two minutes are kept as one version, so some numbers are skipped)`,
      { entity: 'comment version', id: commentId, version },
    );
  }
  return row;
}

export function parseSnapshot(row: VersionRow): CommentContent {
  return CommentContent.parse(JSON.parse(row.snapshot));
}

export function readContent(db: Database, commentId: number, version: number): CommentContent {
  return parseSnapshot(readVersionRow(db, commentId, version));
}

/** Text may change only in draft or in review: what was approved is what goes out. */
export function requireEditable(row: CommentRow, what: string): void {
  if (!isEditableStatus(row.status)) {
    throw new AppError(
      'CONFLICT',
      `comment ${row.id} is ${statusLabel(row.status)}; ${what} is only possible in draft or in review`,
      { status: row.status },
    );
  }
}

/** Optimistic concurrency: a write must start from the version that is current now. */
export function checkBaseVersion(row: CommentRow, baseVersion: number): void {
  if (baseVersion !== row.current_version) {
    throw new AppError(
      'CONFLICT',
      `comment ${row.id} was changed meanwhile: you started from version ${baseVersion} but version ${row.current_version} is current (updated ${row.updated_at}); reload it and redo your change`,
      { baseVersion, currentVersion: row.current_version, updatedAt: row.updated_at },
    );
  }
}

export interface CommitOptions {
  actor: Actor;
  autosave: boolean;
  note: string;
  clock: Clock;
  nextPointNo?: number;
  /** The uid of the version a restore brings back, for the audit trail. */
  restoredFrom?: string;
}

/** The next free version number of a comment: numbers are never reused, whatever their origin. */
export function nextVersionNumber(db: Database, commentId: number): number {
  return (db.prepare('SELECT max(version) FROM comment_versions WHERE comment_id = ?').pluck().get(commentId) as number | null ?? 0) + 1;
}

/**
 * Store new content as the next version. Every write gets a new number (so baseVersion checks
 * stay exact); an autosave by the same analyst within two minutes of the previous autosave run
 * folds into that autosave, unless a workflow step names it: the version keeps its uid (what the
 * audit trail names) and takes the new number and content. Identical content adds nothing (an
 * explicit save just keeps the latest autosave for good). Returns the current version afterwards.
 * Runs inside the caller's transaction.
 */
export function commitContent(db: Database, row: CommentRow, content: CommentContent, options: CommitOptions): number {
  const latest = readVersionRow(db, row.id, row.current_version);
  const nextPointNo = options.nextPointNo ?? row.next_point_no;
  const now = options.clock.now();
  const nowIso = now.toISOString();
  if (JSON.stringify(parseSnapshot(latest)) === JSON.stringify(content)) {
    if (!options.autosave && latest.autosave === 1) {
      db.prepare('UPDATE comment_versions SET autosave = 0, note = @note, updated_at = @updated_at, updated_by = @updated_by WHERE uid = @uid').run({
        note: options.note,
        uid: latest.uid,
        ...changeStamp(options.actor, options.clock),
      });
    }
    if (nextPointNo !== row.next_point_no) db.prepare('UPDATE comments SET next_point_no = ? WHERE id = ?').run(nextPointNo, row.id);
    return row.current_version;
  }
  const referenced = db.prepare('SELECT 1 FROM comment_events WHERE comment_id = ? AND version_uid = ?').get(row.id, latest.uid) !== undefined;
  const fold =
    options.autosave &&
    latest.autosave === 1 &&
    latest.created_by === options.actor.uid &&
    !referenced &&
    now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_COALESCE_MS;
  const version = nextVersionNumber(db, row.id);
  let versionUid: string;
  if (fold) {
    versionUid = latest.uid;
    db.prepare(
      'UPDATE comment_versions SET version = @version, snapshot = @snapshot, note = @note, updated_at = @updated_at, updated_by = @updated_by WHERE uid = @uid',
    ).run({ version, snapshot: JSON.stringify(content), note: options.note, uid: latest.uid, ...changeStamp(options.actor, options.clock) });
  } else {
    const stamp = newRecordStamp(options.actor, options.clock);
    versionUid = stamp.uid;
    db.prepare(
      `INSERT INTO comment_versions (comment_id, version, autosave, note, snapshot, uid, created_at, created_by, updated_at, updated_by)
       VALUES (@comment_id, @version, @autosave, @note, @snapshot, @uid, @created_at, @created_by, @updated_at, @updated_by)`,
    ).run({ comment_id: row.id, version, autosave: options.autosave ? 1 : 0, note: options.note, snapshot: JSON.stringify(content), ...stamp });
  }
  db.prepare(
    'UPDATE comments SET current_version = ?, title_zh = ?, title_en = ?, next_point_no = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  ).run(version, content.titleZh, content.titleEn, nextPointNo, nowIso, options.actor.uid, row.id);
  // A fold continues the version the last entry named (same uid), so it adds no entry of its own.
  if (!fold) {
    recordAudit(db, {
      at: now,
      actor: options.actor,
      action: options.autosave ? 'autosave' : 'save',
      entity: 'comment',
      entityId: row.id,
      entityUid: row.uid,
      after: {
        version,
        versionUid,
        points: content.points.length,
        note: options.note,
        ...(options.restoredFrom ? { restoredFrom: options.restoredFrom } : {}),
      },
    });
  }
  return version;
}

export interface EventRecord {
  commentId: number;
  from: CommentStatus | null;
  to: CommentStatus;
  note: string;
  /** The version current at the step: its local number and its uid. */
  version: number;
  versionUid: string;
}

/** Keep one workflow step; returns its uid. */
export function recordEvent(db: Database, actor: Actor, clock: Clock, e: EventRecord): string {
  const stamp = newRecordStamp(actor, clock);
  db.prepare(
    `INSERT INTO comment_events (comment_id, at, from_status, to_status, note, version, version_uid, uid, created_at, created_by, updated_at, updated_by)
     VALUES (@commentId, @created_at, @from, @to, @note, @version, @versionUid, @uid, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run({ ...e, ...stamp });
  return stamp.uid;
}
