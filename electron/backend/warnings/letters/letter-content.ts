import type { Database } from 'better-sqlite3';
import type { LetterContact } from '../../../../shared/contract/app';
import { MeasureNature, type ResponseKind, type Warning, type WarningLevel } from '../../../../shared/contract/warnings';
import { chineseDate } from '../../../../shared/domain/date-words';
import { otherWtoMember } from '../../../../shared/domain/wto-members';
import { AppError, notFound } from '../../errors';
import { getWarning } from '../warning-read';
import { FACTOR_ZH, LEVEL_ZH, NATURE_ZH, RESPONSE_ADVICE_ZH, RESPONSE_ZH } from './letter-words';

/** One measure of the letter, everything in Chinese words. */
export interface LetterMeasure {
  warningUid: string;
  symbols: string[];
  /** The analysts' Chinese title, else the original one (then `translated` is false). */
  title: string;
  translated: boolean;
  memberNames: string[];
  /** What the measure requires: one paragraph of the translation, else of the notification. */
  requirement: string;
  nature: string | null;
  /** Each product (HS code) the measure reaches, with the markets in Chinese. */
  products: Array<{ hsCode: string; markets: string[] }>;
  deadlines: Array<{ label: string; date: string }>;
  level: WarningLevel;
  levelWords: string;
  score: number;
  /** The factors that gave most points, as "措施性质 20 分". */
  mainFactors: string[];
  response: { kind: ResponseKind; words: string; advice: string };
}

export interface LetterContent {
  enterpriseUid: string;
  enterpriseName: string;
  creditCode: string;
  /** 预警〔2026〕第3号. */
  number: string;
  /** The letter's date (YYYY-MM-DD), from the backend's clock. */
  date: string;
  measures: LetterMeasure[];
  analystName: string;
  contact: LetterContact;
}

const LEVEL_RANK: Record<WarningLevel, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };
/** A paragraph of requirement longer than this is cut at a sentence end (the letter is a summary). */
const REQUIREMENT_CHARS = 400;

interface EnterpriseRow {
  uid: string;
  name: string;
  credit_code: string;
}

export function requireEnterprise(db: Database, uid: string): EnterpriseRow {
  const row = db.prepare('SELECT uid, name, credit_code FROM enterprises WHERE uid = ? AND deleted_at IS NULL').get(uid) as EnterpriseRow | undefined;
  if (!row) throw notFound('enterprise', uid);
  return row;
}

/** The uid of the enterprise registered under a credit code (the CLI names enterprises so), or null. */
export function enterpriseUidByCreditCode(db: Database, creditCode: string): string | null {
  const row = db.prepare('SELECT uid FROM enterprises WHERE credit_code = ? AND deleted_at IS NULL').get(creditCode.trim().toUpperCase()) as
    | { uid: string }
    | undefined;
  return row?.uid ?? null;
}

/** '2026-11-21' → 2026年11月21日; a date the notification gave as words stays as written. */
function dateWords(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? chineseDate(value) : value;
}

/** The first paragraph of a text, cut after a sentence once it is long enough. */
export function firstParagraph(text: string): string {
  const para = text.split(/\r?\n\s*\r?\n|\r?\n/).map((p) => p.trim()).find((p) => p !== '') ?? '';
  if (para.length <= REQUIREMENT_CHARS) return para;
  const head = para.slice(0, REQUIREMENT_CHARS);
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('. '), head.lastIndexOf('；'));
  return end > REQUIREMENT_CHARS / 2 ? head.slice(0, end + 1) : `${head}……`;
}

function marketNamer(db: Database): (code: string) => string {
  const find = db.prepare('SELECT name_zh FROM countries WHERE code = ?');
  return (code) => (find.get(code) as { name_zh: string } | undefined)?.name_zh ?? otherWtoMember(code)?.nameZh ?? code;
}

function natureOf(w: Warning): MeasureNature | null {
  const factor = w.factors.find((f) => f.key === 'nature');
  if (!factor) return null;
  // The class is the factor's value code; a params entry is read too, should the value carry a band instead.
  for (const candidate of [factor.value, factor.params.nature, factor.params.class]) {
    const parsed = MeasureNature.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/**
 * What to do when no analyst planned a response: comment while the period is open (a warning
 * worth a letter), get certified for conformity assessment, adapt the product for a ban, a limit
 * or a label, and otherwise watch the measure.
 */
export function defaultResponse(level: WarningLevel, nature: MeasureNature | null, commentDeadline: string | null, today: string): ResponseKind {
  if (level !== 'blue' && commentDeadline !== null && /^\d{4}-\d{2}-\d{2}$/.test(commentDeadline) && commentDeadline >= today) return 'comment';
  if (nature === 'conformity') return 'certify';
  if (nature === 'ban' || nature === 'emergency' || nature === 'residueLimit' || nature === 'labelling') return 'adapt';
  return 'monitor';
}

function requirementOf(db: Database, notificationId: number): string {
  const row = db
    .prepare(
      `SELECT n.description, NULLIF(t.description_zh, '') AS description_zh FROM notifications n
       LEFT JOIN notification_translations t ON t.notification_id = n.id AND t.deleted_at IS NULL WHERE n.id = ?`,
    )
    .get(notificationId) as { description: string; description_zh: string | null } | undefined;
  if (!row) return '';
  if (row.description_zh) return firstParagraph(row.description_zh);
  const original = firstParagraph(row.description);
  return original === '' ? '' : `${original}（通报原文，尚未翻译）`;
}

function measureOf(db: Database, w: Warning, today: string, market: (code: string) => string): LetterMeasure {
  const nature = natureOf(w);
  const byHs = new Map<string, string[]>();
  for (const m of w.matches) {
    const markets = byHs.get(m.hsCode) ?? [];
    const name = market(m.market);
    if (!markets.includes(name)) markets.push(name);
    byHs.set(m.hsCode, markets);
  }
  const deadlines: LetterMeasure['deadlines'] = [];
  if (w.measure.commentDeadline) deadlines.push({ label: '评议截止日期', date: dateWords(w.measure.commentDeadline) });
  if (w.measure.adoption) deadlines.push({ label: '拟批准日期', date: dateWords(w.measure.adoption) });
  if (w.measure.entryIntoForce) deadlines.push({ label: '拟生效日期', date: dateWords(w.measure.entryIntoForce) });
  const kind = w.response?.kind ?? defaultResponse(w.level, nature, w.measure.commentDeadline, today);
  const planned = w.response
    ? `我方已将本项应对安排为“${RESPONSE_ZH[w.response.kind]}”，由${w.response.ownerName}负责，请于${dateWords(w.response.dueDate)}前配合完成。${w.response.note.trim()}`
    : RESPONSE_ADVICE_ZH[kind];
  return {
    warningUid: w.uid,
    symbols: w.measure.symbols,
    title: w.measure.titleZh ?? w.measure.title,
    translated: w.measure.titleZh !== null,
    memberNames: [...new Set(w.measure.members.map(market))],
    requirement: requirementOf(db, w.measure.notificationId),
    nature: nature === null ? null : NATURE_ZH[nature],
    products: [...byHs].map(([hsCode, markets]) => ({ hsCode, markets })),
    deadlines,
    level: w.level,
    levelWords: LEVEL_ZH[w.level],
    score: w.score,
    mainFactors: [...w.factors]
      .filter((f) => f.points > 0)
      .sort((a, b) => b.points - a.points)
      .slice(0, 3)
      .map((f) => `${FACTOR_ZH[f.key]} ${f.points} 分`),
    response: { kind, words: RESPONSE_ZH[kind], advice: planned.trim() },
  };
}

/**
 * The warnings a letter covers: those asked for (each must be this enterprise's), or by default
 * its open red, orange and yellow warnings; highest level first, then highest score.
 */
export function letterWarnings(db: Database, enterprise: EnterpriseRow, warningUids: readonly string[] | undefined): Warning[] {
  let uids: string[];
  if (warningUids && warningUids.length > 0) {
    const own = db.prepare("SELECT 1 FROM warnings WHERE uid = ? AND target_kind = 'enterprise' AND target_key = ? AND deleted_at IS NULL");
    const foreign = [...new Set(warningUids)].filter((uid) => own.get(uid, enterprise.uid) === undefined);
    if (foreign.length > 0) {
      throw new AppError('VALIDATION', `warnings ${foreign.join(', ')} are not warnings of ${enterprise.name}`, { warningUids: foreign });
    }
    uids = [...new Set(warningUids)];
  } else {
    uids = (
      db
        .prepare(
          `SELECT uid FROM warnings WHERE target_kind = 'enterprise' AND target_key = ? AND deleted_at IS NULL
             AND state <> 'closed' AND level IN ('red', 'orange', 'yellow')`,
        )
        .all(enterprise.uid) as Array<{ uid: string }>
    ).map((r) => r.uid);
  }
  if (uids.length === 0) {
    throw new AppError('VALIDATION', `${enterprise.name} has no open red, orange or yellow warning to put in a letter`, { enterpriseUid: enterprise.uid });
  }
  return uids.map((uid) => getWarning(db, uid)).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.score - a.score);
}

/**
 * 预警〔2026〕第N号: N counts the letters made this year, this one included. The year is that of
 * the letter's date (the clock's today), which the file name carries (letter-make.ts); the
 * instant in created_at is UTC and would put a letter of 1 January morning in Beijing in the old year.
 */
export function nextLetterNumber(db: Database, today: string): string {
  const year = today.slice(0, 4);
  const { n } = db.prepare("SELECT count(*) AS n FROM warning_letters WHERE file_name LIKE 'warning-letter-' || ? || '-%'").get(year) as { n: number };
  return `预警〔${year}〕第${n + 1}号`;
}

/** Everything the letter says, read from the store in one go (before any await). */
export function letterContent(
  db: Database,
  input: { enterpriseUid: string; warningUids?: readonly string[]; today: string; analystName: string; contact: LetterContact },
): LetterContent {
  const enterprise = requireEnterprise(db, input.enterpriseUid);
  const warnings = letterWarnings(db, enterprise, input.warningUids);
  const market = marketNamer(db);
  return {
    enterpriseUid: enterprise.uid,
    enterpriseName: enterprise.name,
    creditCode: enterprise.credit_code,
    number: nextLetterNumber(db, input.today),
    date: input.today,
    measures: warnings.map((w) => measureOf(db, w, input.today, market)),
    analystName: input.analystName,
    contact: input.contact,
  };
}
