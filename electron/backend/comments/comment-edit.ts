import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, CommentContent, CommentPoint } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { statusLabel } from '../../../shared/domain/comment-workflow';
import { newUid } from '../../../shared/domain/uid';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError } from '../errors';
import { updateLanguageMarks } from './language-marks';
import {
  checkBaseVersion,
  commitContent,
  parseSnapshot,
  readContent,
  readVersionRow,
  recordEvent,
  requireComment,
  requireEditable,
  targetRefOf,
} from './comment-store';
import { resolveTarget, type TargetRef } from './comment-target';
import { pointFromTemplate, requireTemplate } from './templates';

type CreateInput = ChannelParsedInput<'commentsCreate'>;
type SaveInput = ChannelParsedInput<'commentsSave'>;

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
}

/**
 * Start a comment (version 1, status draft) on a notification or a measure family. A second
 * open comment on the same target is refused: the team works on one text per measure at a time.
 */
export function createComment(db: Database, actor: Actor, input: CreateInput, clock: Clock): number {
  return db.transaction(() => {
    const ref: TargetRef =
      input.target.kind === 'notification'
        ? { notificationId: input.target.notificationId, familyId: null }
        : { notificationId: null, familyId: input.target.familyId };
    const resolved = resolveTarget(db, ref);
    const open = db
      .prepare(
        `SELECT id, status FROM comments WHERE (notification_id = @n OR family_id = @f)
           AND status IN ('draft', 'in_review', 'approved') AND deleted_at IS NULL LIMIT 1`,
      )
      .get({ n: ref.notificationId, f: ref.familyId }) as { id: number; status: string } | undefined;
    if (open) {
      throw new AppError(
        'CONFLICT',
        `comment ${open.id} on ${resolved.target.symbols.join(', ')} is still open (${open.status}); continue that one instead of starting another`,
        { commentId: open.id },
      );
    }
    const points: CommentPoint[] = input.templateIds.map((templateId, i) =>
      pointFromTemplate(requireTemplate(db, templateId), resolved.particulars, `p${i + 1}`, newUid(clock)),
    );
    const { target } = resolved;
    const content: CommentContent = {
      titleZh: input.titleZh ?? `关于《${target.titleZh ?? target.title}》（${target.symbols.join('、')}）的评议意见`,
      titleEn: input.titleEn ?? `Comments on ${target.symbols.join(', ')}`,
      points,
    };
    const comment = newRecordStamp(actor, clock);
    const id = Number(
      db
        .prepare(
          `INSERT INTO comments (notification_id, family_id, status, title_zh, title_en, current_version, next_point_no,
             uid, created_at, created_by, updated_at, updated_by)
           VALUES (@n, @f, 'draft', @titleZh, @titleEn, 1, @next, @uid, @created_at, @created_by, @updated_at, @updated_by)`,
        )
        .run({ n: ref.notificationId, f: ref.familyId, titleZh: content.titleZh, titleEn: content.titleEn, next: points.length + 1, ...comment })
        .lastInsertRowid,
    );
    const version = newRecordStamp(actor, clock);
    db.prepare(
      `INSERT INTO comment_versions (comment_id, version, autosave, note, snapshot, uid, created_at, created_by, updated_at, updated_by)
       VALUES (@id, 1, 0, @note, @snapshot, @uid, @created_at, @created_by, @updated_at, @updated_by)`,
    ).run({
      id,
      note: points.length > 0 ? `created with templates ${points.map((p) => p.templateCode).join(', ')}` : 'created',
      snapshot: JSON.stringify(content),
      ...version,
    });
    recordEvent(db, actor, clock, { commentId: id, from: null, to: 'draft', note: '', version: 1, versionUid: version.uid });
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: 'create',
      entity: 'comment',
      entityId: id,
      entityUid: comment.uid,
      after: { target: ref, versionUid: version.uid, ...content },
    });
    return id;
  })();
}

/** The saved points: existing keys keep their identity (and outcomes), new points get fresh keys. */
function mergePoints(current: CommentContent, input: SaveInput, nextPointNo: number, clock: Clock): { points: CommentPoint[]; nextPointNo: number } {
  const existing = new Map(current.points.map((p) => [p.key, p]));
  const seen = new Set<string>();
  let next = nextPointNo;
  const points = input.points.map((p, i): CommentPoint => {
    let key: string;
    let uid: string;
    let templateCode: string | null;
    if (p.key !== undefined) {
      const old = existing.get(p.key);
      if (!old) throw fieldError(`points.${i}.key`, `${p.key} is not a point of this comment; leave the key out for a new point`);
      if (seen.has(p.key)) throw fieldError(`points.${i}.key`, `${p.key} appears twice`);
      if (p.uid !== undefined && p.uid !== old.uid) throw fieldError(`points.${i}.uid`, `${p.uid} is not the uid of point ${p.key}`);
      key = p.key;
      uid = old.uid;
      templateCode = p.templateCode === undefined ? old.templateCode : p.templateCode;
    } else {
      if (p.uid !== undefined) throw fieldError(`points.${i}.uid`, 'a new point gets its uid when saved; give the key of an existing point with its uid');
      key = `p${next++}`;
      uid = newUid(clock);
      templateCode = p.templateCode ?? null;
    }
    seen.add(key);
    return {
      key,
      uid,
      templateCode,
      clauseZh: p.clauseZh,
      clauseEn: p.clauseEn,
      concernZh: p.concernZh,
      concernEn: p.concernEn,
      proposalZh: p.proposalZh,
      proposalEn: p.proposalEn,
      rationaleZh: p.rationaleZh,
      rationaleEn: p.rationaleEn,
    };
  });
  return { points, nextPointNo: next };
}

/** Save the whole text as the editor holds it (an explicit save or an autosave). */
export function saveComment(db: Database, actor: Actor, input: SaveInput, clock: Clock): void {
  db.transaction(() => {
    const row = requireComment(db, input.id);
    requireEditable(row, 'editing');
    checkBaseVersion(row, input.baseVersion);
    const current = readContent(db, row.id, row.current_version);
    const { points, nextPointNo } = mergePoints(current, input, row.next_point_no, clock);
    commitContent(db, row, { titleZh: input.titleZh, titleEn: input.titleEn, points }, {
      actor,
      autosave: input.autosave,
      note: '',
      clock,
      nextPointNo,
    });
    updateLanguageMarks(db, row.id, current.points, points, actor, clock);
  })();
}

/** Append a point made from a template, filled with the particulars of the comment's measure. */
export function insertTemplatePoint(db: Database, actor: Actor, input: ChannelParsedInput<'commentsInsertTemplate'>, clock: Clock): void {
  db.transaction(() => {
    const row = requireComment(db, input.commentId);
    requireEditable(row, 'inserting a template');
    checkBaseVersion(row, input.baseVersion);
    const template = requireTemplate(db, input.templateId);
    const { particulars } = resolveTarget(db, targetRefOf(row));
    const current = readContent(db, row.id, row.current_version);
    const point = pointFromTemplate(template, particulars, `p${row.next_point_no}`, newUid(clock));
    commitContent(db, row, { ...current, points: [...current.points, point] }, {
      actor,
      autosave: false,
      note: `inserted template ${template.code}`,
      clock,
      nextPointNo: row.next_point_no + 1,
    });
  })();
}

/** Make an old version current again as a new version; nothing in the history is rewritten. */
export function restoreVersion(db: Database, actor: Actor, input: ChannelParsedInput<'commentsRestore'>, clock: Clock): void {
  db.transaction(() => {
    const row = requireComment(db, input.id);
    requireEditable(row, 'restoring a version');
    checkBaseVersion(row, input.baseVersion);
    const old = readVersionRow(db, row.id, input.version);
    commitContent(db, row, parseSnapshot(old), { actor, autosave: false, note: `restored from version ${input.version}`, clock, restoredFrom: old.uid });
  })();
}

/**
 * Drafts may be thrown away; anything that reached review stays on record. A deleted draft is
 * kept as a tombstone with its versions and history: lists, statistics and lookups leave it out.
 */
export function deleteComment(db: Database, actor: Actor, id: number, clock: Clock): { deleted: boolean } {
  return db.transaction(() => {
    const row = requireComment(db, id);
    const reviewed = db.prepare("SELECT 1 FROM comment_events WHERE comment_id = ? AND to_status = 'in_review'").get(id) !== undefined;
    if (row.status !== 'draft' || reviewed) {
      throw new AppError(
        'CONFLICT',
        `comment ${id} ${reviewed && row.status === 'draft' ? 'has been in review' : `is ${statusLabel(row.status)}`}; only drafts never sent for review can be deleted`,
        { status: row.status },
      );
    }
    const before = readContent(db, id, row.current_version);
    db.prepare('UPDATE comments SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({
      id,
      ...tombstoneStamp(actor, clock),
    });
    recordAudit(db, { at: clock.now(), actor, action: 'delete', entity: 'comment', entityId: id, entityUid: row.uid, before: { target: targetRefOf(row), ...before } });
    return { deleted: true };
  })();
}
