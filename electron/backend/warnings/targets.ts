import type { Database } from 'better-sqlite3';

/** One product × market line of an enterprise's exports. */
export interface TargetLine {
  hsCode: string;
  market: string;
  /** The enterprise's own figure (USD a year); null when it gave none. */
  annualUsd: number | null;
}

export interface EnterpriseTarget {
  uid: string;
  lines: TargetLine[];
}

export interface IndustryTarget {
  code: string;
  /** HS prefixes (chapter, heading or line). */
  hsCodes: string[];
  keywords: string[];
}

const parseList = (s: string): string[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map((x) => String(x).replace(/[.\s-]/g, '')).filter((x) => x !== '') : [];
  } catch {
    return [];
  }
};

/** Live enterprises with their live lines, by uid (all, or only `uids`), in uid order. */
export function loadEnterprises(db: Database, uids: readonly string[] | null): EnterpriseTarget[] {
  const byUid = new Map<string, EnterpriseTarget>();
  const wanted = uids === null ? null : new Set(uids);
  for (const uid of db.prepare('SELECT uid FROM enterprises WHERE deleted_at IS NULL ORDER BY uid').pluck().all() as string[]) {
    if (!wanted || wanted.has(uid)) byUid.set(uid, { uid, lines: [] });
  }
  const rows = db
    .prepare(
      `SELECT enterprise_uid AS uid, hs_code, market, annual_export_usd FROM enterprise_exposure
       WHERE deleted_at IS NULL ORDER BY enterprise_uid, hs_code, market`,
    )
    .all() as Array<{ uid: string; hs_code: string; market: string; annual_export_usd: number | null }>;
  for (const r of rows) byUid.get(r.uid)?.lines.push({ hsCode: r.hs_code, market: r.market, annualUsd: r.annual_export_usd });
  return [...byUid.values()];
}

/** Live focus industries in code order. */
export function loadIndustries(db: Database): IndustryTarget[] {
  const rows = db.prepare('SELECT code, hs_codes, keywords FROM focus_industries WHERE deleted_at IS NULL ORDER BY code').all() as Array<{
    code: string;
    hs_codes: string;
    keywords: string;
  }>;
  return rows.map((r) => ({
    code: r.code,
    hsCodes: parseList(r.hs_codes),
    keywords: (() => {
      try {
        const v = JSON.parse(r.keywords) as unknown;
        return Array.isArray(v) ? v.map((k) => String(k).trim()).filter((k) => k !== '') : [];
      } catch {
        return [];
      }
    })(),
  }));
}

/**
 * China's exports from the customs figures (trade_exposure), latest year of each code and
 * destination, read on demand and kept for the pass.
 */
export class CustomsValues {
  private readonly lineCache = new Map<string, number | null>();
  private readonly prefixCache = new Map<string, number | null>();
  private readonly exact;
  private readonly range;
  private readonly empty: boolean;

  constructor(db: Database) {
    this.empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM trade_exposure)').pluck().get() === 1;
    this.exact = db.prepare('SELECT value_usd FROM trade_exposure WHERE hs_code = ? AND destination = ? ORDER BY year DESC LIMIT 1').pluck();
    // Latest year of every code under a prefix (codes sort as text, so the prefix is a range).
    this.range = db.prepare(
      `SELECT SUM(value_usd) FROM trade_exposure t WHERE destination = ? AND hs_code >= ? AND hs_code < ?
         AND year = (SELECT MAX(year) FROM trade_exposure u WHERE u.hs_code = t.hs_code AND u.destination = t.destination)`,
    ).pluck();
  }

  /** The customs value of an enterprise line: its code, else its 6-digit line; null when none is known. */
  line(hsCode: string, market: string): number | null {
    if (this.empty) return null;
    const key = `${hsCode}|${market}`;
    if (this.lineCache.has(key)) return this.lineCache.get(key)!;
    let v = this.exact.get(hsCode, market) as number | undefined;
    if (v === undefined && hsCode.length > 6) v = this.exact.get(hsCode.slice(0, 6), market) as number | undefined;
    const value = v ?? null;
    this.lineCache.set(key, value);
    return value;
  }

  /** China's exports of every code under `prefix` to `market`; null when none is known. */
  prefix(prefix: string, market: string): number | null {
    if (this.empty) return null;
    const key = `${prefix}|${market}`;
    if (this.prefixCache.has(key)) return this.prefixCache.get(key)!;
    const v = this.range.get(market, prefix, `${prefix}\u{10FFFF}`) as number | null;
    const value = v ?? null;
    this.prefixCache.set(key, value);
    return value;
  }
}
