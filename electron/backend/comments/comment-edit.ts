import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, CommentContent, CommentPoint } from '../../../shared/contract';
import { statusLabel } from '../../../shared/domain/comment-workflow';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors';
import { requireActiveAnalyst } from '../analysts/analysts';
import { updateLanguageMarks } from './language-marks';
import {
  checkBaseVersion,
  commitContent,
  readContent,
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
export function createComment(db: Database, input: CreateInput, now: Date): number {
  return db.transaction(() => {
    requireActiveAnalyst(db, input.actor);
    const ref: TargetRef =
      input.target.kind === 'notification'
        ? { notificationId: input.target.notificationId, familyId: null }
        : { notificationId: null, familyId: input.target.familyId };
    const resolved = resolveTarget(db, ref);
    const open = db
      .prepare(
        `SELECT id, status FROM comments WHERE (notification_id = @n OR family_id = @f)
           AND status IN ('draft', 'in_review', 'approved') LIMIT 1`,
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
      pointFromTemplate(requireTemplate(db, templateId), resolved.particulars, `p${i + 1}`),
    );
    const { target } = resolved;
    const content: CommentContent = {
      titleZh: input.titleZh ?? `关于《${target.titleZh ?? target.title}》（${target.symbols.join('、')}）的评议意见`,
      titleEn: input.titleEn ?? `Comments on ${target.symbols.join(', ')}`,
      points,
    };
    const nowIso = now.toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO comments (notification_id, family_id, author, status, title_zh, title_en, current_version, next_point_no,
             created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, 1, ?, ?, ?)`,
        )
        .run(ref.notificationId, ref.familyId, input.actor, content.titleZh, content.titleEn, points.length + 1, nowIso, nowIso).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO comment_versions (comment_id, version, author, created_at, updated_at, autosave, note, snapshot)
       VALUES (?, 1, ?, ?, ?, 0, ?, ?)`,
    ).run(id, input.actor, nowIso, nowIso, points.length > 0 ? `created with templates ${points.map((p) => p.templateCode).join(', ')}` : 'created', JSON.stringify(content));
    recordEvent(db, { commentId: id, actor: input.actor, from: null, to: 'draft', note: '', version: 1, at: now });
    recordAudit(db, { at: now, actor: input.actor, action: 'create', entity: 'comment', entityId: id, after: { target: ref, ...content } });
    return id;
  })();
}

/** The saved points: existing keys keep their identity (and outcomes), new points get fresh keys. */
function mergePoints(current: CommentContent, input: SaveInput, nextPointNo: number): { points: CommentPoint[]; nextPointNo: number } {
  const existing = new Map(current.points.map((p) => [p.key, p]));
  const seen = new Set<string>();
  let next = nextPointNo;
  const points = input.points.map((p, i): CommentPoint => {
    let key: string;
    let templateCode: string | null;
    if (p.key !== undefined) {
      const old = existing.get(p.key);
      if (!old) throw fieldError(`points.${i}.key`, `${p.key} is not a point of this comment; leave the key out for a new point`);
      if (seen.has(p.key)) throw fieldError(`points.${i}.key`, `${p.key} appears twice`);
      key = p.key;
      templateCode = p.templateCode === undefined ? old.templateCode : p.templateCode;
    } else {
      key = `p${next++}`;
      templateCode = p.templateCode ?? null;
    }
    seen.add(key);
    return {
      key,
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
export function saveComment(db: Database, input: SaveInput, now: Date): void {
  db.transaction(() => {
    requireActiveAnalyst(db, input.actor);
    const row = requireComment(db, input.id);
    requireEditable(row, 'editing');
    checkBaseVersion(row, input.baseVersion);
    const current = readContent(db, row.id, row.current_version);
    const { points, nextPointNo } = mergePoints(current, input, row.next_point_no);
    commitContent(db, row, { titleZh: input.titleZh, titleEn: input.titleEn, points }, {
      actor: input.actor,
      autosave: input.autosave,
      note: '',
      now,
      nextPointNo,
    });
    updateLanguageMarks(db, row.id, current.points, points, input.actor, now);
  })();
}

/** Append a point made from a template, filled with the particulars of the comment's measure. */
export function insertTemplatePoint(db: Database, input: ChannelParsedInput<'commentsInsertTemplate'>, now: Date): void {
  db.transaction(() => {
    requireActiveAnalyst(db, input.actor);
    const row = requireComment(db, input.commentId);
    requireEditable(row, 'inserting a template');
    checkBaseVersion(row, input.baseVersion);
    const template = requireTemplate(db, input.templateId);
    const { particulars } = resolveTarget(db, targetRefOf(row));
    const current = readContent(db, row.id, row.current_version);
    const point = pointFromTemplate(template, particulars, `p${row.next_point_no}`);
    commitContent(db, row, { ...current, points: [...current.points, point] }, {
      actor: input.actor,
      autosave: false,
      note: `inserted template ${template.code}`,
      now,
      nextPointNo: row.next_point_no + 1,
    });
  })();
}

/** Make an old version current again as a new version; nothing in the history is rewritten. */
export function restoreVersion(db: Database, input: ChannelParsedInput<'commentsRestore'>, now: Date): void {
  db.transaction(() => {
    requireActiveAnalyst(db, input.actor);
    const row = requireComment(db, input.id);
    requireEditable(row, 'restoring a version');
    checkBaseVersion(row, input.baseVersion);
    const old = readContent(db, row.id, input.version);
    commitContent(db, row, old, { actor: input.actor, autosave: false, note: `restored from version ${input.version}`, now });
  })();
}

/** Drafts may be thrown away; anything that reached review stays on record. */
export function deleteComment(db: Database, id: number, actor: string, now: Date): { deleted: boolean } {
  return db.transaction(() => {
    requireActiveAnalyst(db, actor);
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
    db.prepare('DELETE FROM comments WHERE id = ?').run(id);
    recordAudit(db, { at: now, actor, action: 'delete', entity: 'comment', entityId: id, before: { target: targetRefOf(row), ...before } });
    return { deleted: true };
  })();
}
