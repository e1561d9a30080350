import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, CommentPoint, CommentTemplate } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import { fillTemplate, placeholderValues, type TemplateParticulars } from '../../../shared/domain/template-fill';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError, notFound } from '../errors';

interface TemplateRow {
  id: number;
  uid: string;
  code: string;
  name_zh: string;
  name_en: string;
  clause_zh: string;
  clause_en: string;
  concern_zh: string;
  concern_en: string;
  proposal_zh: string;
  proposal_en: string;
  rationale_zh: string;
  rationale_en: string;
  built_in: number;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
}

/** Templates not deleted (a deleted one stays as a tombstone: statistics still name its code). */
const TEMPLATES_SQL = `SELECT t.*, a.name AS updated_by_name FROM comment_templates t JOIN analysts a ON a.uid = t.updated_by
  WHERE t.deleted_at IS NULL`;

function toTemplate(r: TemplateRow): CommentTemplate {
  return {
    id: r.id,
    uid: r.uid,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    clauseZh: r.clause_zh,
    clauseEn: r.clause_en,
    concernZh: r.concern_zh,
    concernEn: r.concern_en,
    proposalZh: r.proposal_zh,
    proposalEn: r.proposal_en,
    rationaleZh: r.rationale_zh,
    rationaleEn: r.rationale_en,
    builtIn: r.built_in === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name,
    updatedByUid: r.updated_by,
  };
}

const collator = new Intl.Collator('zh');

/** Built-in kinds first, in the order they were seeded, then the team's own by Chinese name (pinyin). */
export function listTemplates(db: Database): CommentTemplate[] {
  const rows = db.prepare(`${TEMPLATES_SQL} ORDER BY t.id`).all() as TemplateRow[];
  const builtIn = rows.filter((r) => r.built_in === 1);
  const own = rows.filter((r) => r.built_in !== 1).sort((a, b) => collator.compare(a.name_zh, b.name_zh));
  return [...builtIn, ...own].map(toTemplate);
}

export function requireTemplate(db: Database, id: number): CommentTemplate {
  const row = db.prepare(`${TEMPLATES_SQL} AND t.id = ?`).get(id) as TemplateRow | undefined;
  if (!row) throw notFound('comment template', id);
  return toTemplate(row);
}

type SaveInput = ChannelParsedInput<'commentTemplatesSave'>;

/** Create a template or edit one; the code is what points and statistics refer to, so it stays. */
export function saveTemplate(db: Database, actor: Actor, input: SaveInput, clock: Clock): CommentTemplate {
  return db.transaction(() => {
    const fields = {
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      clauseZh: input.clauseZh,
      clauseEn: input.clauseEn,
      concernZh: input.concernZh,
      concernEn: input.concernEn,
      proposalZh: input.proposalZh,
      proposalEn: input.proposalEn,
      rationaleZh: input.rationaleZh,
      rationaleEn: input.rationaleEn,
    };
    const clash = db.prepare('SELECT id, deleted_at FROM comment_templates WHERE code = ?').get(input.code) as { id: number; deleted_at: string | null } | undefined;
    let id: number;
    let before: CommentTemplate | undefined;
    if (input.id === undefined) {
      if (clash) {
        // Points and statistics refer to templates by code, so a deleted template's code stays taken.
        const what = clash.deleted_at === null ? 'already exists' : 'was used by a deleted template';
        throw new AppError('CONFLICT', `code: a template with the code ${input.code} ${what} (id ${clash.id}); choose another code`, {
          field: 'code',
          id: clash.id,
        });
      }
      id = Number(
        db
          .prepare(
            `INSERT INTO comment_templates (code, name_zh, name_en, clause_zh, clause_en, concern_zh, concern_en, proposal_zh,
               proposal_en, rationale_zh, rationale_en, built_in, uid, created_at, created_by, updated_at, updated_by)
             VALUES (@code, @nameZh, @nameEn, @clauseZh, @clauseEn, @concernZh, @concernEn, @proposalZh, @proposalEn,
               @rationaleZh, @rationaleEn, 0, @uid, @created_at, @created_by, @updated_at, @updated_by)`,
          )
          .run({ ...fields, ...newRecordStamp(actor, clock) }).lastInsertRowid,
      );
    } else {
      before = requireTemplate(db, input.id);
      if (before.code !== input.code) {
        const message = `the code of template ${before.code} cannot change: points and statistics refer to it`;
        throw new AppError('VALIDATION', `code: ${message}`, { fields: [{ path: 'code', message }] });
      }
      id = input.id;
      db.prepare(
        `UPDATE comment_templates SET name_zh = @nameZh, name_en = @nameEn, clause_zh = @clauseZh, clause_en = @clauseEn,
           concern_zh = @concernZh, concern_en = @concernEn, proposal_zh = @proposalZh, proposal_en = @proposalEn,
           rationale_zh = @rationaleZh, rationale_en = @rationaleEn, updated_at = @updated_at, updated_by = @updated_by
         WHERE id = @id`,
      ).run({ ...fields, ...changeStamp(actor, clock), id });
    }
    const after = requireTemplate(db, id);
    recordAudit(db, {
      at: clock.now(),
      actor,
      action: before ? 'update' : 'create',
      entity: 'comment-template',
      entityId: id,
      entityUid: after.uid,
      before,
      after,
    });
    return after;
  })();
}

/** The team's own templates may be deleted: kept as a tombstone, left out of lists and pickers. */
export function deleteTemplate(db: Database, actor: Actor, id: number, clock: Clock): { deleted: boolean } {
  return db.transaction(() => {
    const before = requireTemplate(db, id);
    if (before.builtIn) {
      throw new AppError('CONFLICT', `template ${before.code} is one of the built-in kinds; edit its text instead of deleting it`, { code: before.code });
    }
    db.prepare(
      'UPDATE comment_templates SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id',
    ).run({ id, ...tombstoneStamp(actor, clock) });
    recordAudit(db, { at: clock.now(), actor, action: 'delete', entity: 'comment-template', entityId: id, entityUid: before.uid, before });
    return { deleted: true };
  })();
}

/** A point made from a template, every text filled with the measure's particulars in its own language. */
export function pointFromTemplate(template: CommentTemplate, particulars: TemplateParticulars, key: string, uid: string): CommentPoint {
  const zh = placeholderValues(particulars, 'zh');
  const en = placeholderValues(particulars, 'en');
  const fillZh = (text: string): string => fillTemplate(text, zh, 'zh').text;
  const fillEn = (text: string): string => fillTemplate(text, en, 'en').text;
  return {
    key,
    uid,
    templateCode: template.code,
    clauseZh: fillZh(template.clauseZh),
    clauseEn: fillEn(template.clauseEn),
    concernZh: fillZh(template.concernZh),
    concernEn: fillEn(template.concernEn),
    proposalZh: fillZh(template.proposalZh),
    proposalEn: fillEn(template.proposalEn),
    rationaleZh: fillZh(template.rationaleZh),
    rationaleEn: fillEn(template.rationaleEn),
  };
}
