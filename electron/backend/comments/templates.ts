import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput, CommentPoint, CommentTemplate } from '../../../shared/contract';
import { fillTemplate, placeholderValues, type TemplateParticulars } from '../../../shared/domain/template-fill';
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../errors';
import { requireActiveAnalyst } from '../analysts/analysts';

interface TemplateRow {
  id: number;
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
}

function toTemplate(r: TemplateRow): CommentTemplate {
  return {
    id: r.id,
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
    updatedBy: r.updated_by,
  };
}

const collator = new Intl.Collator('zh');

/** Built-in kinds first, in the order they were seeded, then the team's own by Chinese name (pinyin). */
export function listTemplates(db: Database): CommentTemplate[] {
  const rows = db.prepare('SELECT * FROM comment_templates ORDER BY id').all() as TemplateRow[];
  const builtIn = rows.filter((r) => r.built_in === 1);
  const own = rows.filter((r) => r.built_in !== 1).sort((a, b) => collator.compare(a.name_zh, b.name_zh));
  return [...builtIn, ...own].map(toTemplate);
}

export function requireTemplate(db: Database, id: number): CommentTemplate {
  const row = db.prepare('SELECT * FROM comment_templates WHERE id = ?').get(id) as TemplateRow | undefined;
  if (!row) throw notFound('comment template', id);
  return toTemplate(row);
}

type SaveInput = ChannelParsedInput<'commentTemplatesSave'>;

/** Create a template or edit one; the code is what points and statistics refer to, so it stays. */
export function saveTemplate(db: Database, input: SaveInput, now: Date): CommentTemplate {
  return db.transaction(() => {
    requireActiveAnalyst(db, input.actor);
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
      now: now.toISOString(),
      actor: input.actor,
    };
    const clash = db.prepare('SELECT id FROM comment_templates WHERE code = ?').get(input.code) as { id: number } | undefined;
    let id: number;
    let before: CommentTemplate | undefined;
    if (input.id === undefined) {
      if (clash) throw new AppError('CONFLICT', `code: a template with the code ${input.code} already exists (id ${clash.id})`, { field: 'code', id: clash.id });
      id = Number(
        db
          .prepare(
            `INSERT INTO comment_templates (code, name_zh, name_en, clause_zh, clause_en, concern_zh, concern_en, proposal_zh,
               proposal_en, rationale_zh, rationale_en, built_in, updated_at, updated_by)
             VALUES (@code, @nameZh, @nameEn, @clauseZh, @clauseEn, @concernZh, @concernEn, @proposalZh, @proposalEn,
               @rationaleZh, @rationaleEn, 0, @now, @actor)`,
          )
          .run(fields).lastInsertRowid,
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
           rationale_zh = @rationaleZh, rationale_en = @rationaleEn, updated_at = @now, updated_by = @actor
         WHERE id = @id`,
      ).run({ ...fields, id });
    }
    const after = requireTemplate(db, id);
    recordAudit(db, { at: now, actor: input.actor, action: before ? 'update' : 'create', entity: 'comment-template', entityId: id, before, after });
    return after;
  })();
}

export function deleteTemplate(db: Database, id: number, actor: string, now: Date): { deleted: boolean } {
  return db.transaction(() => {
    requireActiveAnalyst(db, actor);
    const before = requireTemplate(db, id);
    if (before.builtIn) {
      throw new AppError('CONFLICT', `template ${before.code} is one of the built-in kinds; edit its text instead of deleting it`, { code: before.code });
    }
    db.prepare('DELETE FROM comment_templates WHERE id = ?').run(id);
    recordAudit(db, { at: now, actor, action: 'delete', entity: 'comment-template', entityId: id, before });
    return { deleted: true };
  })();
}

/** A point made from a template, every text filled with the measure's particulars in its own language. */
export function pointFromTemplate(template: CommentTemplate, particulars: TemplateParticulars, key: string): CommentPoint {
  const zh = placeholderValues(particulars, 'zh');
  const en = placeholderValues(particulars, 'en');
  const fillZh = (text: string): string => fillTemplate(text, zh, 'zh').text;
  const fillEn = (text: string): string => fillTemplate(text, en, 'en').text;
  return {
    key,
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
