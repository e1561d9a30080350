import type { Locale } from '../../../shared/contract/app';
import { rejectFile } from '../imports/readers/limits';

/** The columns of an enterprise file, one row per enterprise × HS code × market. */
export const ENTERPRISE_COLUMNS = ['name', 'credit_code', 'region', 'industry', 'hs_code', 'market', 'annual_export_usd', 'contact', 'phone', 'email'] as const;
export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number];

/** The headers as the template writes them, in each language. */
export const ENTERPRISE_HEADERS: Record<Locale, Record<EnterpriseColumn, string>> = {
  'zh-CN': {
    name: '企业名称',
    credit_code: '统一社会信用代码',
    region: '所在地区',
    industry: '行业',
    hs_code: 'HS编码',
    market: '出口市场',
    annual_export_usd: '年出口额（美元）',
    contact: '联系人',
    phone: '电话',
    email: '邮箱',
  },
  en: {
    name: 'name',
    credit_code: 'credit_code',
    region: 'region',
    industry: 'industry',
    hs_code: 'hs_code',
    market: 'market',
    annual_export_usd: 'annual_export_usd',
    contact: 'contact',
    phone: 'phone',
    email: 'email',
  },
};

const REQUIRED: readonly EnterpriseColumn[] = ['name', 'credit_code', 'hs_code', 'market'];

/**
 * A header as typed: case, blanks, underscores and hyphens do not count, and full-width brackets
 * equal ASCII ones, so "年出口额(美元)", "Credit Code" and "HS 编码" are recognised.
 */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000_-]+/g, '');
}

/** Where each column is in a header row; a file missing a required column is refused as a whole. */
export function columnIndex<C extends string>(header: readonly string[], headers: ReadonlyArray<Record<C, string>>, required: readonly C[], what: string): Record<C, number> {
  const byKey = new Map<string, C>();
  for (const set of headers) for (const [column, label] of Object.entries(set) as Array<[C, string]>) byKey.set(headerKey(label), column);
  const index = {} as Record<C, number>;
  for (const column of Object.keys(headers[0] ?? {}) as C[]) index[column] = -1;
  header.forEach((cell, i) => {
    const column = byKey.get(headerKey(cell));
    if (column !== undefined && index[column] === -1) index[column] = i;
  });
  const missing = required.filter((c) => index[c] === -1);
  if (missing.length > 0) {
    const names = missing.map((c) => headers.map((h) => h[c]).join(' / ')).join(', ');
    throw rejectFile(`This is not ${what}: the header row lacks ${names}. Download the template to see the columns.`, {
      reason: 'MISSING_COLUMNS',
      missing: missing.join(','),
    });
  }
  return index;
}

/** The enterprise file's column positions (Chinese or English headers, mixed if need be). */
export function enterpriseColumnIndex(header: readonly string[]): Record<EnterpriseColumn, number> {
  return columnIndex(header, [ENTERPRISE_HEADERS['zh-CN'], ENTERPRISE_HEADERS.en], REQUIRED, 'an enterprise file');
}

/**
 * A value in USD as written: blanks and thousands separators allowed ("1,200,000", "1 200 000"),
 * a "$" or "USD" tolerated. Null for an empty cell; NaN for anything that is not a number.
 */
export function parseUsd(text: string): number | null {
  const t = text.replace(/[\s,，$]|usd|美元/gi, '');
  if (t === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

/**
 * Split a region into province and city: "浙江省杭州市" → 浙江省 / 杭州市, "浙江 杭州" or
 * "Zhejiang, Hangzhou" at the separator; a single name is the province.
 */
export function splitRegion(text: string): { province: string; city: string } {
  const t = text.trim();
  if (!t) return { province: '', city: '' };
  const parts = t.split(/\s*[,，/、|]\s*|\s+/).filter(Boolean);
  if (parts.length >= 2) return { province: parts[0]!, city: parts.slice(1).join(' ') };
  const m = /^(.+?(?:省|自治区|特别行政区))(.+)$/.exec(t) ?? /^(北京市|上海市|天津市|重庆市)(.+)$/.exec(t);
  if (m) return { province: m[1]!, city: m[2]! };
  return { province: t, city: '' };
}
