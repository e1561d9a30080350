import type { Database } from 'better-sqlite3';
import { AppError } from '../../errors';
import { BLOC_ZH, plainTitle } from './report-words';

/** Chinese names sort by pinyin, as the base's lists do. */
export const pinyinOrder = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** The members and partners as the countries table names them (editable reference data). */
export interface CountryNames {
  /** The Chinese name of a member code; the code's ePing name or the code itself when not on file. */
  zh(code: string): string;
  /** True for an SCO member or partner (countries.sco_status). */
  isSco(code: string): boolean;
  /** Every SCO member and partner's code. */
  scoCodes(): string[];
}

export function countryNames(db: Database): CountryNames {
  const rows = db.prepare('SELECT code, name_zh, sco_status FROM countries').all() as Array<{ code: string; name_zh: string; sco_status: string | null }>;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return {
    zh: (code) => byCode.get(code)?.name_zh ?? code,
    isSco: (code) => (byCode.get(code)?.sco_status ?? null) !== null,
    scoCodes: () => rows.filter((r) => r.sco_status !== null).map((r) => r.code),
  };
}

/** What a report's `member` stands for: one member, or every member of a bloc. */
export interface MemberScope {
  /** As given: ISO3 or GCC / GSO / EAEU. */
  code: string;
  /** 沙特阿拉伯, or 海湾阿拉伯国家合作委员会 for a bloc. */
  nameZh: string;
  members: string[];
  bloc: boolean;
}

/**
 * The member or bloc a report is about. A bloc stands for its members as country_blocs lists
 * them now (memberships change). A code neither on file as a country, nor a bloc, nor the
 * notifying member of any notification is refused, naming the field.
 */
export function resolveMemberScope(db: Database, code: string, names: CountryNames): MemberScope {
  const blocMembers = db.prepare('SELECT country_code FROM country_blocs WHERE bloc = ? ORDER BY country_code').pluck().all(code) as string[];
  if (blocMembers.length > 0) {
    const sorted = [...blocMembers].sort((a, b) => pinyinOrder.compare(names.zh(a), names.zh(b)));
    return { code, nameZh: BLOC_ZH[code] ?? code, members: sorted, bloc: true };
  }
  const known =
    db.prepare('SELECT 1 FROM countries WHERE code = ?').get(code) !== undefined ||
    db.prepare('SELECT 1 FROM notifications WHERE member_code = ? LIMIT 1').get(code) !== undefined;
  if (!known) {
    const message = `${code} is neither a member on file nor a bloc (GCC, GSO, EAEU)`;
    throw new AppError('VALIDATION', `member: ${message}`, { fields: [{ path: 'member', message }] });
  }
  return { code, nameZh: names.zh(code), members: [code], bloc: false };
}

/** One notification of the period, as the reports list it. */
export interface PeriodNotification {
  id: number;
  symbol: string;
  area: 'TBT' | 'SPS';
  memberCode: string;
  memberZh: string;
  docType: string;
  title: string;
  /** The analysts' Chinese title (notification_translations), null when there is none. */
  titleZh: string | null;
  distributionDate: string;
  finalDate: string | null;
  hsCodes: string[];
  /** Industry codes from triage, in the industries table's order. */
  industries: string[];
  baseSymbol: string;
  familyId: number | null;
}

interface NotificationRowRead {
  id: number;
  symbol: string;
  area: 'TBT' | 'SPS';
  member_code: string;
  member_name: string;
  doc_type: string;
  title: string;
  title_zh: string | null;
  distribution_date: string;
  comment_deadline: string | null;
  hs_codes: string;
  base_symbol: string;
  family_id: number | null;
}

const NOTIFICATION_COLUMNS = `n.id, n.symbol, n.area, n.member_code, n.member_name, n.doc_type, n.title, t.title_zh,
  n.distribution_date, n.comment_deadline, n.hs_codes, n.base_symbol, n.family_id`;
const TRANSLATION_JOIN = `LEFT JOIN notification_translations t
  ON t.notification_id = n.id AND t.deleted_at IS NULL AND trim(t.title_zh) <> ''`;

function parseCodes(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map((c) => String(c).replace(/[\s.-]/g, '')).filter((c) => c.length > 0) : [];
  } catch {
    return [];
  }
}

/** Industry codes per notification, for the notifications a WHERE over `n` picks. */
function industriesOf(db: Database, where: string, params: unknown[]): Map<number, string[]> {
  const order = new Map((db.prepare('SELECT code FROM industries ORDER BY rowid').pluck().all() as string[]).map((c, i) => [c, i]));
  const rows = db
    .prepare(
      `SELECT ni.notification_id AS id, ni.industry FROM notification_industries ni
       JOIN notifications n ON n.id = ni.notification_id WHERE ni.deleted_at IS NULL AND ${where}`,
    )
    .all(...params) as Array<{ id: number; industry: string }>;
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.industry]);
  for (const list of out.values()) list.sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
  return out;
}

function toPeriodNotification(r: NotificationRowRead, names: CountryNames, industries: Map<number, string[]>): PeriodNotification {
  return {
    id: r.id,
    symbol: r.symbol,
    area: r.area,
    memberCode: r.member_code,
    memberZh: names.zh(r.member_code) === r.member_code && r.member_name ? r.member_name : names.zh(r.member_code),
    docType: r.doc_type,
    title: plainTitle(r.title),
    titleZh: r.title_zh === null ? null : r.title_zh.trim(),
    distributionDate: r.distribution_date,
    finalDate: r.comment_deadline,
    hsCodes: parseCodes(r.hs_codes),
    industries: industries.get(r.id) ?? [],
    baseSymbol: r.base_symbol,
    familyId: r.family_id,
  };
}

function memberClause(members: readonly string[] | null): { sql: string; params: string[] } {
  if (members === null) return { sql: '', params: [] };
  return { sql: ` AND n.member_code IN (${members.map(() => '?').join(', ') || "''"})`, params: [...members] };
}

/**
 * The notifications distributed in [from, to], of the given members (null: every member), in
 * distribution order then symbol.
 */
export function periodNotifications(db: Database, from: string, to: string, members: readonly string[] | null, names: CountryNames): PeriodNotification[] {
  const m = memberClause(members);
  const where = `n.distribution_date >= ? AND n.distribution_date <= ?${m.sql}`;
  const params = [from, to, ...m.params];
  const rows = db
    .prepare(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications n ${TRANSLATION_JOIN} WHERE ${where} ORDER BY n.distribution_date, n.symbol`)
    .all(...params) as NotificationRowRead[];
  const industries = industriesOf(db, where, params);
  return rows.map((r) => toPeriodNotification(r, names, industries));
}

/**
 * Notifications whose final date for comments falls in [from, to] (whenever they were
 * distributed), of the given members, soonest first.
 */
export function closingNotifications(db: Database, from: string, to: string, members: readonly string[] | null, names: CountryNames): PeriodNotification[] {
  const m = memberClause(members);
  const where = `n.comment_deadline >= ? AND n.comment_deadline <= ?${m.sql}`;
  const params = [from, to, ...m.params];
  const rows = db
    .prepare(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications n ${TRANSLATION_JOIN} WHERE ${where} ORDER BY n.comment_deadline, n.symbol`)
    .all(...params) as NotificationRowRead[];
  const industries = industriesOf(db, where, params);
  return rows.map((r) => toPeriodNotification(r, names, industries));
}

/** The industries table: code → Chinese name, in its own order. */
export function industryNames(db: Database): Map<string, string> {
  return new Map((db.prepare('SELECT code, name_zh FROM industries ORDER BY rowid').all() as Array<{ code: string; name_zh: string }>).map((r) => [r.code, r.name_zh]));
}

/** The line a notification is listed by: the analysts' Chinese title, else the English one. */
export function summaryLine(n: PeriodNotification): string {
  return n.titleZh ?? n.title;
}

/** Count by a key, kept in first-seen order. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
}
