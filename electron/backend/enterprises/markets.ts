import type { Database } from 'better-sqlite3';
import { OTHER_WTO_MEMBERS } from '../../../shared/domain/wto-members';
import { AppError } from '../errors';

/** The blocs a market may name, with the words analysts and their files use for them. */
const BLOC_NAMES: Readonly<Record<'GCC' | 'EAEU', readonly string[]>> = {
  GCC: ['GCC', '海合会', '海湾合作委员会', 'Gulf Cooperation Council', 'Cooperation Council for the Arab States of the Gulf'],
  EAEU: ['EAEU', 'EAEC', '欧亚经济联盟', 'Eurasian Economic Union'],
};

/** What a market named in a form or a file stands for. */
export interface ResolvedMarket {
  /** Country or member codes (ISO3, or EU): one for a country, every member for a bloc. */
  codes: string[];
  /** The bloc named, when it was one. */
  bloc: 'GCC' | 'EAEU' | null;
}

export interface MarketNames {
  nameZh: string;
  nameEn: string;
}

/** Case, blanks and punctuation do not tell markets apart ("Saudi Arabia", "saudi  arabia", "沙特 阿拉伯"). */
function key(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000.,'’()（）_-]+/g, '');
}

/**
 * A resolver built once from the countries table, its blocs and the other WTO members, for
 * imports that resolve thousands of rows; `resolveMarket` is the one-off form.
 */
export function marketResolver(db: Database): {
  resolve(text: string): ResolvedMarket | null;
  names(code: string): MarketNames | null;
  /** Country codes only (no bloc): what trade statistics name as a destination. */
  country(text: string): string | null;
} {
  const byKey = new Map<string, string>();
  const names = new Map<string, MarketNames>();
  const countries = db.prepare('SELECT code, name_zh, name_en, eping_name FROM countries').all() as Array<{
    code: string;
    name_zh: string;
    name_en: string;
    eping_name: string | null;
  }>;
  for (const [code, n] of Object.entries(OTHER_WTO_MEMBERS)) {
    names.set(code, n);
    for (const word of [code, n.nameZh, n.nameEn]) byKey.set(key(word), code);
  }
  // The reference list wins over the fallback names where both know a country.
  for (const c of countries) {
    names.set(c.code, { nameZh: c.name_zh, nameEn: c.name_en });
    for (const word of [c.code, c.name_zh, c.name_en, c.eping_name ?? '']) if (word) byKey.set(key(word), c.code);
  }
  const blocByKey = new Map<string, 'GCC' | 'EAEU'>();
  for (const [bloc, words] of Object.entries(BLOC_NAMES) as Array<['GCC' | 'EAEU', readonly string[]]>) {
    for (const w of words) blocByKey.set(key(w), bloc);
  }
  const members = new Map<'GCC' | 'EAEU', string[]>();
  for (const bloc of ['GCC', 'EAEU'] as const) {
    const codes = db.prepare('SELECT country_code FROM country_blocs WHERE bloc = ? ORDER BY country_code').pluck().all(bloc) as string[];
    members.set(bloc, codes);
  }
  return {
    resolve(text) {
      const k = key(text);
      if (!k) return null;
      const bloc = blocByKey.get(k);
      if (bloc) return { codes: [...(members.get(bloc) ?? [])], bloc };
      const code = byKey.get(k);
      return code ? { codes: [code], bloc: null } : null;
    },
    names: (code) => names.get(code) ?? null,
    country: (text) => byKey.get(key(text)) ?? null,
  };
}

/** Why a market was not understood, in words an analyst can act on. */
export function unknownMarketMessage(text: string): string {
  return `unknown market "${text}": give an ISO3 code (SAU), a Chinese or English country name (沙特阿拉伯, Saudi Arabia), or a bloc (GCC, EAEU)`;
}

/**
 * Resolve a market as an analyst writes it: an ISO3 code, a Chinese, English or ePing name of
 * the countries table (case and blanks ignored), a WTO member outside it (EU, USA ...), or the
 * bloc GCC or EAEU (by code or name, in either language), which stands for all its members.
 * An unknown market is a VALIDATION error naming the text.
 */
export function resolveMarket(db: Database, text: string): ResolvedMarket {
  const resolved = marketResolver(db).resolve(text);
  if (!resolved || resolved.codes.length === 0) {
    throw new AppError('VALIDATION', unknownMarketMessage(text), { field: 'market', value: text, code: 'market.unknown' });
  }
  return resolved;
}
