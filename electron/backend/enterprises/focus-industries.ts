import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput } from '../../../shared/contract';
import type { FocusIndustry } from '../../../shared/contract/enterprises';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { recordAudit } from '../audit/audit-log';
import { changeStamp, newRecordStamp, tombstoneStamp } from '../db/record-identity';
import { AppError } from '../errors';

interface FocusRow {
  id: number;
  uid: string;
  code: string;
  name_zh: string;
  name_en: string;
  hs_codes: string;
  keywords: string;
  justification: string;
  built_in: number;
  updated_at: string;
  updated_name: string | null;
}

const SELECT = 'SELECT f.*, a.name AS updated_name FROM focus_industries f LEFT JOIN analysts a ON a.uid = f.updated_by';

function toIndustry(r: FocusRow): FocusIndustry {
  return {
    uid: r.uid,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    hsCodes: JSON.parse(r.hs_codes) as string[],
    keywords: JSON.parse(r.keywords) as string[],
    justification: r.justification,
    builtIn: r.built_in === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_name ?? '',
  };
}

/** The live focus industries, the defaults first in the order they were seeded. */
export function listFocusIndustries(db: Database): FocusIndustry[] {
  return (db.prepare(`${SELECT} WHERE f.deleted_at IS NULL ORDER BY f.built_in DESC, f.id`).all() as FocusRow[]).map(toIndustry);
}

function auditView(r: Pick<FocusRow, 'code' | 'name_zh' | 'name_en' | 'hs_codes' | 'keywords' | 'justification'>): Record<string, unknown> {
  return { code: r.code, nameZh: r.name_zh, nameEn: r.name_en, hsCodes: JSON.parse(r.hs_codes) as unknown, keywords: JSON.parse(r.keywords) as unknown, justification: r.justification };
}

/**
 * Make or change a focus industry (its code unique among the live ones), audited. The caller
 * starts the recomputation. HS codes and keywords are kept once each, in the order given.
 */
export function saveFocusIndustry(db: Database, actor: Actor, input: ChannelParsedInput<'focusIndustriesSave'>, clock: Clock): FocusIndustry {
  return db.transaction(() => {
    const holder = db.prepare('SELECT uid, name_zh FROM focus_industries WHERE code = ? AND deleted_at IS NULL').get(input.code) as { uid: string; name_zh: string } | undefined;
    if (holder && holder.uid !== input.uid) {
      throw new AppError('CONFLICT', `The key "${input.code}" already names the focus industry ${holder.name_zh}`, { field: 'code', otherUid: holder.uid, otherName: holder.name_zh });
    }
    const fields = {
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      hs_codes: JSON.stringify([...new Set(input.hsCodes)]),
      keywords: JSON.stringify([...new Set(input.keywords)]),
      justification: input.justification,
    };
    let uid: string;
    if (input.uid === undefined) {
      const stamp = newRecordStamp(actor, clock);
      const info = db
        .prepare(
          `INSERT INTO focus_industries (uid, created_at, created_by, updated_at, updated_by, code, name_zh, name_en, hs_codes, keywords, justification)
           VALUES (@uid, @created_at, @created_by, @updated_at, @updated_by, @code, @name_zh, @name_en, @hs_codes, @keywords, @justification)`,
        )
        .run({ ...stamp, ...fields });
      uid = stamp.uid;
      recordAudit(db, { at: clock.now(), actor, action: 'create', entity: 'focus-industry', entityId: Number(info.lastInsertRowid), entityUid: uid, after: auditView(fields) });
    } else {
      const current = db.prepare('SELECT * FROM focus_industries WHERE uid = ? AND deleted_at IS NULL').get(input.uid) as FocusRow | undefined;
      if (!current) throw new AppError('NOT_FOUND', `No focus industry ${input.uid} (it may have been removed)`, { uid: input.uid });
      uid = current.uid;
      db.prepare(
        `UPDATE focus_industries SET code = @code, name_zh = @name_zh, name_en = @name_en, hs_codes = @hs_codes, keywords = @keywords,
           justification = @justification, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id`,
      ).run({ ...fields, ...changeStamp(actor, clock), id: current.id });
      recordAudit(db, { at: clock.now(), actor, action: 'update', entity: 'focus-industry', entityId: current.id, entityUid: uid, before: auditView(current), after: auditView(fields) });
    }
    return toIndustry(db.prepare(`${SELECT} WHERE f.uid = ?`).get(uid) as FocusRow);
  })();
}

/** Tombstone a focus industry, audited; false when it was removed already. */
export function deleteFocusIndustry(db: Database, actor: Actor, uid: string, clock: Clock): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT * FROM focus_industries WHERE uid = ?').get(uid) as FocusRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `No focus industry ${uid}`, { uid });
    if (db.prepare('SELECT deleted_at FROM focus_industries WHERE id = ?').pluck().get(row.id) !== null) return false;
    db.prepare('UPDATE focus_industries SET deleted_at = @deleted_at, deleted_by = @deleted_by, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id').run({
      ...tombstoneStamp(actor, clock),
      id: row.id,
    });
    recordAudit(db, { at: clock.now(), actor, action: 'delete', entity: 'focus-industry', entityId: row.id, entityUid: uid, before: auditView(row) });
    return true;
  })();
}
