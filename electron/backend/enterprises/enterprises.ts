import type { Database } from 'better-sqlite3';
import type { ChannelParsedInput } from '../../../shared/contract';
import type { Enterprise, EnterpriseChange, EnterpriseContact, EnterpriseListItem } from '../../../shared/contract/enterprises';
import type { Clock } from '../../../shared/domain/clock';
import type { Actor } from '../analysts/analysts';
import { AppError } from '../errors';
import { runWarningPass } from '../warnings/engine';
import { roundUsd, tombstoneEnterprise, writeEnterprise, type DesiredLine } from './enterprise-write';
import { marketResolver, unknownMarketMessage } from './markets';

interface EnterpriseRow {
  id: number;
  uid: string;
  name: string;
  credit_code: string;
  province: string;
  city: string;
  industry: string;
  contacts: string;
  notes: string;
  created_at: string;
  created_by: string;
  created_name: string | null;
  updated_at: string;
  updated_by: string;
  updated_name: string | null;
}

/**
 * Lines as a form gives them, with blocs expanded: a bloc's value is for the bloc as a whole,
 * so each member's line carries an equal share (rounded to cents).
 */
export function expandLines(db: Database, lines: ReadonlyArray<{ hsCode: string; market: string; annualExportUsd: number | null }>): DesiredLine[] {
  const markets = marketResolver(db);
  const out: DesiredLine[] = [];
  lines.forEach((l, index) => {
    const resolved = markets.resolve(l.market);
    if (!resolved || resolved.codes.length === 0) {
      throw new AppError('VALIDATION', `Line ${index + 1}: ${unknownMarketMessage(l.market)}`, { field: `exposure.${index}.market`, value: l.market, code: 'market.unknown' });
    }
    const share = l.annualExportUsd === null ? null : roundUsd(l.annualExportUsd / resolved.codes.length);
    for (const code of resolved.codes) out.push({ hsCode: l.hsCode, market: code, annualExportUsd: share });
  });
  return out;
}

/** Save an enterprise from the form (one transaction), its warnings scored again in the same one. */
export function saveEnterprise(db: Database, actor: Actor, input: ChannelParsedInput<'enterprisesSave'>, clock: Clock): Enterprise {
  const uid = db.transaction(() => {
    const outcome = writeEnterprise(
      db,
      {
        name: input.name,
        creditCode: input.creditCode,
        province: input.province,
        city: input.city,
        industry: input.industry,
        contacts: input.contacts,
        notes: input.notes,
        lines: expandLines(db, input.exposure),
      },
      { actor, clock, replaceLines: true },
      input.uid,
    );
    runWarningPass(db, { kind: 'enterprises', uids: [outcome.uid] }, { actor, clock });
    return outcome.uid;
  })();
  return getEnterprise(db, uid);
}

/**
 * Remove an enterprise: a tombstone on it and its lines, then the warning pass, which closes
 * its open warnings ('enterpriseRemoved') because it finds the enterprise gone.
 */
export function deleteEnterprise(db: Database, actor: Actor, uid: string, clock: Clock): { deleted: boolean } {
  return db.transaction(() => {
    const deleted = tombstoneEnterprise(db, uid, actor, clock);
    if (!deleted) {
      const known = db.prepare('SELECT 1 FROM enterprises WHERE uid = ?').get(uid);
      if (!known) throw new AppError('NOT_FOUND', `No enterprise ${uid} in the registry`, { uid });
      return { deleted: false };
    }
    runWarningPass(db, { kind: 'enterprises', uids: [uid] }, { actor, clock });
    return { deleted: true };
  })();
}

const ENTERPRISE_SELECT = `SELECT e.*, cb.name AS created_name, ub.name AS updated_name FROM enterprises e
  LEFT JOIN analysts cb ON cb.uid = e.created_by LEFT JOIN analysts ub ON ub.uid = e.updated_by`;

/** One live enterprise with its lines and its history (NOT_FOUND once removed). */
export function getEnterprise(db: Database, uid: string): Enterprise & { history: EnterpriseChange[] } {
  const row = db.prepare(`${ENTERPRISE_SELECT} WHERE e.uid = ? AND e.deleted_at IS NULL`).get(uid) as EnterpriseRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No enterprise ${uid} in the registry`, { uid });
  const markets = marketResolver(db);
  const lines = db
    .prepare('SELECT uid, hs_code, market, annual_export_usd FROM enterprise_exposure WHERE enterprise_uid = ? AND deleted_at IS NULL ORDER BY hs_code, market')
    .all(uid) as Array<{ uid: string; hs_code: string; market: string; annual_export_usd: number | null }>;
  const history = db
    .prepare(
      `SELECT c.at, COALESCE(a.name, '') AS by, c.field, c.line, c.old_value, c.new_value, c.import_id
       FROM enterprise_changes c LEFT JOIN analysts a ON a.uid = c.actor_id WHERE c.enterprise_uid = ? ORDER BY c.id DESC`,
    )
    .all(uid) as Array<{ at: string; by: string; field: string; line: string | null; old_value: string | null; new_value: string | null; import_id: number | null }>;
  return {
    uid: row.uid,
    name: row.name,
    creditCode: row.credit_code,
    province: row.province,
    city: row.city,
    industry: row.industry,
    contacts: JSON.parse(row.contacts) as EnterpriseContact[],
    notes: row.notes,
    exposure: lines.map((l) => {
      const names = markets.names(l.market);
      return {
        uid: l.uid,
        hsCode: l.hs_code,
        market: l.market,
        marketNameZh: names?.nameZh ?? l.market,
        marketNameEn: names?.nameEn ?? l.market,
        annualExportUsd: l.annual_export_usd,
      };
    }),
    createdAt: row.created_at,
    createdBy: row.created_name ?? '',
    createdById: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_name ?? '',
    updatedById: row.updated_by,
    history: history.map((h) => ({
      at: h.at,
      by: h.by,
      field: h.field,
      line: h.line,
      oldValue: h.old_value,
      newValue: h.new_value,
      importId: h.import_id,
    })),
  };
}

const SORTS: Record<ChannelParsedInput<'enterprisesList'>['sort'], string> = {
  name: 'e.name COLLATE NOCASE, e.id',
  updated: 'e.updated_at DESC, e.id DESC',
  exposure: 'total_usd IS NULL, total_usd DESC, e.name COLLATE NOCASE, e.id',
  // The most serious first: red outranks any number of orange, and so on.
  warnings: 'w_red DESC, w_orange DESC, w_yellow DESC, w_blue DESC, e.name COLLATE NOCASE, e.id',
};

/** Escape LIKE's wildcards so a query is matched as typed. */
function likeText(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The registry's live enterprises: a query over name, credit code, region, industry and HS code
 * (an HS query matches codes that begin with it), a market filter, a sort, and each one's open
 * warnings by level.
 */
export function listEnterprises(db: Database, input: ChannelParsedInput<'enterprisesList'>): { items: EnterpriseListItem[]; total: number } {
  const where = ['e.deleted_at IS NULL'];
  const params: Record<string, string | number> = {};
  if (input.query) {
    params.q = `%${likeText(input.query)}%`;
    params.hs = `${likeText(input.query.replace(/[\s.]/g, ''))}%`;
    params.code = input.query.replace(/\s+/g, '').toUpperCase();
    where.push(`(e.name LIKE @q ESCAPE '\\' OR e.credit_code = @code OR e.credit_code LIKE @q ESCAPE '\\' OR e.province LIKE @q ESCAPE '\\'
      OR e.city LIKE @q ESCAPE '\\' OR (e.province || e.city) LIKE @q ESCAPE '\\' OR e.industry LIKE @q ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM enterprise_exposure x WHERE x.enterprise_uid = e.uid AND x.deleted_at IS NULL AND x.hs_code LIKE @hs ESCAPE '\\'))`);
  }
  if (input.market) {
    params.market = input.market;
    where.push('EXISTS (SELECT 1 FROM enterprise_exposure x WHERE x.enterprise_uid = e.uid AND x.deleted_at IS NULL AND x.market = @market)');
  }
  const whereSql = where.join(' AND ');
  const total = db.prepare(`SELECT count(*) FROM enterprises e WHERE ${whereSql}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `WITH open_w AS (
         SELECT target_key,
           sum(level = 'red') AS red, sum(level = 'orange') AS orange, sum(level = 'yellow') AS yellow, sum(level = 'blue') AS blue
         FROM warnings WHERE target_kind = 'enterprise' AND state <> 'closed' AND deleted_at IS NULL GROUP BY target_key)
       SELECT e.uid, e.name, e.credit_code, e.province, e.city, e.industry, e.updated_at,
         (SELECT group_concat(DISTINCT hs_code) FROM (SELECT hs_code FROM enterprise_exposure WHERE enterprise_uid = e.uid AND deleted_at IS NULL ORDER BY hs_code)) AS hs_codes,
         (SELECT group_concat(DISTINCT market) FROM (SELECT market FROM enterprise_exposure WHERE enterprise_uid = e.uid AND deleted_at IS NULL ORDER BY market)) AS markets,
         (SELECT sum(annual_export_usd) FROM enterprise_exposure WHERE enterprise_uid = e.uid AND deleted_at IS NULL) AS total_usd,
         COALESCE(w.red, 0) AS w_red, COALESCE(w.orange, 0) AS w_orange, COALESCE(w.yellow, 0) AS w_yellow, COALESCE(w.blue, 0) AS w_blue
       FROM enterprises e LEFT JOIN open_w w ON w.target_key = e.uid
       WHERE ${whereSql} ORDER BY ${SORTS[input.sort]} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as Array<{
    uid: string;
    name: string;
    credit_code: string;
    province: string;
    city: string;
    industry: string;
    updated_at: string;
    hs_codes: string | null;
    markets: string | null;
    total_usd: number | null;
    w_red: number;
    w_orange: number;
    w_yellow: number;
    w_blue: number;
  }>;
  return {
    total,
    items: rows.map((r) => ({
      uid: r.uid,
      name: r.name,
      creditCode: r.credit_code,
      province: r.province,
      city: r.city,
      industry: r.industry,
      hsCodes: r.hs_codes ? r.hs_codes.split(',') : [],
      markets: r.markets ? r.markets.split(',') : [],
      totalExportUsd: r.total_usd,
      openWarnings: { red: r.w_red, orange: r.w_orange, yellow: r.w_yellow, blue: r.w_blue },
      updatedAt: r.updated_at,
    })),
  };
}
