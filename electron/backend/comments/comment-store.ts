import type { Database } from 'better-sqlite3';
import { CommentContent, type CommentStatus } from '../../../shared/contract';
import { isEditableStatus, statusLabel } from '../../../shared/domain/comment-workflow';
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../errors';
import type { TargetRef } from './comment-target';

/** A comments row as SQLite returns it. */
export interface CommentRow {
  id: number;
  notification_id: number | null;
  family_id: number | null;
  author: string;
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
  updated_at: string;
}

export interface VersionRow {
  comment_id: number;
  version: number;
  author: string;
  created_at: string;
  updated_at: string;
  autosave: number;
  note: string;
  snapshot: string;
}

/** Autosaves by one analyst within this window become one version. */
export const AUTOSAVE_COALESCE_MS = 2 * 60 * 1000;

export function requireComment(db: Database, id: number): CommentRow {
  const row = db.prepare('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
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
  actor: string;
  autosave: boolean;
  note: string;
  now: Date;
  nextPointNo?: number;
}

/**
 * Store new content as the next version. Every write gets a new number (so baseVersion checks
 * stay exact); an autosave by the same analyst within two minutes of the previous autosave run
 * replaces that autosave's snapshot instead of adding one, unless a workflow step names it.
 * Identical content adds nothing (an explicit save just keeps the latest autosave for good).
 * Returns the current version afterwards. Runs inside the caller's transaction.
 */
export function commitContent(db: Database, row: CommentRow, content: CommentContent, options: CommitOptions): number {
  const latest = readVersionRow(db, row.id, row.current_version);
  const nextPointNo = options.nextPointNo ?? row.next_point_no;
  const nowIso = options.now.toISOString();
  if (JSON.stringify(parseSnapshot(latest)) === JSON.stringify(content)) {
    if (!options.autosave && latest.autosave === 1) {
      db.prepare('UPDATE comment_versions SET autosave = 0, note = ? WHERE comment_id = ? AND version = ?').run(options.note, row.id, latest.version);
    }
    if (nextPointNo !== row.next_point_no) db.prepare('UPDATE comments SET next_point_no = ? WHERE id = ?').run(nextPointNo, row.id);
    return row.current_version;
  }
  const referenced = db.prepare('SELECT 1 FROM comment_events WHERE comment_id = ? AND version = ?').get(row.id, latest.version) !== undefined;
  const coalesce =
    options.autosave &&
    latest.autosave === 1 &&
    latest.author === options.actor &&
    !referenced &&
    options.now.getTime() - Date.parse(latest.created_at) < AUTOSAVE_COALESCE_MS;
  const version = row.current_version + 1;
  if (coalesce) db.prepare('DELETE FROM comment_versions WHERE comment_id = ? AND version = ?').run(row.id, latest.version);
  db.prepare(
    `INSERT INTO comment_versions (comment_id, version, author, created_at, updated_at, autosave, note, snapshot)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, version, options.actor, coalesce ? latest.created_at : nowIso, nowIso, options.autosave ? 1 : 0, options.note, JSON.stringify(content));
  db.prepare('UPDATE comments SET current_version = ?, title_zh = ?, title_en = ?, next_point_no = ?, updated_at = ? WHERE id = ?').run(
    version, content.titleZh, content.titleEn, nextPointNo, nowIso, row.id,
  );
  if (!coalesce) {
    recordAudit(db, {
      at: options.now,
      actor: options.actor,
      action: options.autosave ? 'autosave' : 'save',
      entity: 'comment',
      entityId: row.id,
      after: { version, points: content.points.length, note: options.note },
    });
  }
  return version;
}

export interface EventRecord {
  commentId: number;
  actor: string;
  from: CommentStatus | null;
  to: CommentStatus;
  note: string;
  version: number;
  at: Date;
}

export function recordEvent(db: Database, e: EventRecord): void {
  db.prepare(
    'INSERT INTO comment_events (comment_id, at, actor, from_status, to_status, note, version) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(e.commentId, e.at.toISOString(), e.actor, e.from, e.to, e.note, e.version);
}
