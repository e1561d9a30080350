import type { Database } from 'better-sqlite3';
import type { Area, MeasureNature, MeasureStage, WarningRules } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/deadline';
import {
  classifyNature,
  findDeviation,
  isoDateOf,
  readStage,
  type MeasureText,
  type TextEvidence,
} from '../../../shared/domain/measure-nature';

/**
 * A measure as the engine scores it: a measure family (a GSO draft notified by every Gulf
 * member, an EAEU measure, a joint notification) or else one base notification, each with its
 * addenda, corrigenda, revisions and supplements.
 */
export interface Measure {
  /** 'family:<measure_families.key>' or 'base:<base symbol>'. */
  key: string;
  area: Area;
  /** Base documents first (in symbol order), then the later ones. */
  symbols: string[];
  /** The first base document (earliest distributed). */
  notificationId: number;
  /** Members covered, sorted: every notifier, and for a GCC or EAEU family's draft every member of the bloc (see BLOC_WORDS). */
  members: string[];
  /** HS codes of all its documents (digits), sorted. */
  hsCodes: string[];
  commentDeadline: string | null;
  adoption: string | null;
  entryIntoForce: string | null;
  stage: MeasureStage;
  stageEvidence: TextEvidence[];
  nature: { nature: MeasureNature; evidence: TextEvidence[] };
  deviation: TextEvidence[];
  /** Lower-cased text of every document (English and Chinese), for keyword matches. */
  text: string;
}

/** One notification's light row: enough to group measures and decide the window. */
interface LightRow {
  id: number;
  base_symbol: string;
  family_key: string | null;
  family_kind: string | null;
  distribution_date: string | null;
  proposed_entry_into_force: string | null;
}

interface FullRow {
  id: number;
  symbol: string;
  area: Area;
  member_code: string;
  base_symbol: string;
  doc_type: string;
  title: string;
  description: string;
  products: string;
  hs_codes: string;
  keywords: string;
  objectives: string;
  notification_type: string;
  distribution_date: string | null;
  comment_deadline: string | null;
  proposed_adoption: string | null;
  proposed_entry_into_force: string | null;
  title_zh: string | null;
  description_zh: string | null;
}

/** Documents that replace or restate the base: they open a measure rather than report on it. */
const BASE_TYPES = new Set(['regular', 'emergency', 'revision']);
/** Blocs whose every member a family of that kind reaches (a GCC family is a GSO draft). */
const FAMILY_BLOC: Record<string, string> = { GCC: 'GSO', EAEU: 'EAEU' };
/**
 * Every notification of a Gulf or EAEU member opens a family of that bloc (families.ts), a
 * purely national rule too. A family reaches the whole bloc when more than one member notified
 * it, or when its text names the bloc's draft: a Saudi rule alone reaches Saudi Arabia only,
 * a GSO draft notified by Saudi Arabia alone reaches every GSO member.
 */
const BLOC_WORDS: Record<string, RegExp> = {
  GSO: /\b(?:GSO|GCC|Gulf)\b|海湾/i,
  EAEU: /\b(?:EAEU|EAEC|Eurasian|Customs Union)\b|欧亚/i,
};
const CHUNK = 500;
/** Notifications in a scope above which the window is read from the whole table. */
const WHOLE_TABLE_ABOVE = 20_000;

/** Each base symbol's measure key: the family of any of its documents, else the base itself. */
function groupKeys(rows: readonly LightRow[]): Map<string, { key: string; familyKind: string | null }> {
  const byBase = new Map<string, { key: string; familyKind: string | null }>();
  for (const r of rows) {
    const had = byBase.get(r.base_symbol);
    if (r.family_key) byBase.set(r.base_symbol, { key: `family:${r.family_key}`, familyKind: r.family_kind });
    else if (!had) byBase.set(r.base_symbol, { key: `base:${r.base_symbol}`, familyKind: null });
  }
  return byBase;
}


const LIGHT_SELECT = `SELECT n.id, n.base_symbol, f.key AS family_key, f.kind AS family_kind, n.distribution_date, n.proposed_entry_into_force
  FROM notifications n LEFT JOIN measure_families f ON f.id = n.family_id`;

/**
 * The measure keys in scope and the notification ids of each: every measure (ids null) or the
 * measures of these notifications, then kept only when in the rules' window (latest document
 * distributed within lookbackDays of today, or entry into force still ahead).
 */
export function measuresInWindow(db: Database, notificationIds: readonly number[] | null, rules: WarningRules, today: string): Map<string, number[]> {
  if (notificationIds === null) {
    // Every measure: only those with a document in the window or an entry into force ahead can
    // be in it, and the distribution date is indexed. Free text in the entry-into-force column
    // ("To be determined") sorts after any date and is let through, to be judged below.
    const recent = db
      .prepare('SELECT id FROM notifications WHERE distribution_date >= ? OR proposed_entry_into_force > ?')
      .pluck()
      .all(addDays(today, -rules.lookbackDays), today) as number[];
    if (recent.length <= WHOLE_TABLE_ABOVE) return measuresInWindow(db, recent, rules, today);
  }
  let rows: LightRow[];
  // A bulk import touches most measures: one read of every row beats a look-up per notification.
  if (notificationIds === null || notificationIds.length > WHOLE_TABLE_ABOVE) {
    rows = db.prepare(LIGHT_SELECT).all() as LightRow[];
  } else {
    // The touched notifications' bases and families, then every document of those: a query for
    // each set, not one for each of the thousands of notifications a full pass starts from.
    const bases = new Set<string>();
    const families = new Set<string>();
    for (const r of db.prepare(`${LIGHT_SELECT} WHERE n.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(notificationIds)) as LightRow[]) {
      bases.add(r.base_symbol);
      if (r.family_key) families.add(r.family_key);
    }
    const byFamily = db.prepare(
      `SELECT DISTINCT n.base_symbol FROM notifications n JOIN measure_families f ON f.id = n.family_id WHERE f.key IN (SELECT value FROM json_each(?))`,
    );
    for (const b of byFamily.pluck().all(JSON.stringify([...families])) as string[]) bases.add(b);
    // Each base's documents in id order, the bases in symbol order.
    const byBase = new Map<string, LightRow[]>();
    for (const r of db.prepare(`${LIGHT_SELECT} WHERE n.base_symbol IN (SELECT value FROM json_each(?)) ORDER BY n.id`).all(JSON.stringify([...bases])) as LightRow[]) {
      const list = byBase.get(r.base_symbol);
      if (list) list.push(r);
      else byBase.set(r.base_symbol, [r]);
    }
    rows = [...bases].sort().flatMap((b) => byBase.get(b) ?? []);
  }
  const keys = groupKeys(rows);
  const ids = new Map<string, number[]>();
  // ISO dates compare as text: no date arithmetic for each of 100,000 rows.
  const latest = new Map<string, string>();
  const eifAhead = new Set<string>();
  const cutoff = addDays(today, -rules.lookbackDays);
  for (const r of rows) {
    const key = keys.get(r.base_symbol)!.key;
    const list = ids.get(key);
    if (list) list.push(r.id);
    else ids.set(key, [r.id]);
    const d = r.distribution_date?.slice(0, 10);
    if (d && d > (latest.get(key) ?? '')) latest.set(key, d);
    const eif = r.proposed_entry_into_force ? isoDateOf(r.proposed_entry_into_force) : null;
    if (eif && eif > today) eifAhead.add(key);
  }
  for (const key of [...ids.keys()]) {
    const last = latest.get(key);
    const recent = last !== undefined && last >= cutoff;
    if (!recent && !eifAhead.has(key)) ids.delete(key);
  }
  return new Map([...ids.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const FULL_SELECT = `SELECT n.id, n.symbol, n.area, n.member_code, n.base_symbol, n.doc_type, n.title, n.description, n.products, n.hs_codes, n.keywords,
    n.objectives, n.notification_type, n.distribution_date, n.comment_deadline, n.proposed_adoption, n.proposed_entry_into_force,
    t.title_zh, t.description_zh
  FROM notifications n LEFT JOIN notification_translations t ON t.notification_id = n.id AND t.deleted_at IS NULL`;

const jsonWords = (s: string): string => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map(String).join('; ') : '';
  } catch {
    return '';
  }
};

/**
 * A row's HS codes as digits, normalised as notification_codes holds them (8507.60 is 850760);
 * read from the row itself, which the measures' rows are already loaded for.
 */
export function hsCodesOf(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v.map((c) => String(c).trim().replace(/[.\s-]/g, '')).filter((c) => /^\d{2,10}$/.test(c));
  } catch {
    return [];
  }
}

const maxDate = (values: Array<string | null>): string | null => values.reduce<string | null>((a, v) => (v !== null && (a === null || v > a) ? v : a), null);

/** The texts of one document the classes are read from. */
function textsOf(r: FullRow, withLists: boolean): MeasureText[] {
  const t: MeasureText[] = [
    { symbol: r.symbol, field: 'title', text: r.title },
    { symbol: r.symbol, field: 'description', text: r.description },
    { symbol: r.symbol, field: 'titleZh', text: r.title_zh ?? '' },
    { symbol: r.symbol, field: 'descriptionZh', text: r.description_zh ?? '' },
  ];
  if (withLists) {
    t.push(
      { symbol: r.symbol, field: 'products', text: r.products },
      { symbol: r.symbol, field: 'keywords', text: jsonWords(r.keywords) },
      { symbol: r.symbol, field: 'objectives', text: jsonWords(r.objectives) },
      { symbol: r.symbol, field: 'notificationType', text: r.notification_type },
    );
  }
  return t.filter((x) => x.text !== '');
}

/** Build one measure from its documents (rows of FULL_SELECT) and HS codes. */
function buildMeasure(key: string, familyKind: string | null, docs: FullRow[], hsCodes: string[], blocs: Map<string, string[]>): Measure {
  const bases = docs.filter((d) => BASE_TYPES.has(d.doc_type));
  const later = docs.filter((d) => !BASE_TYPES.has(d.doc_type));
  const byDate = (a: FullRow, b: FullRow): number =>
    (a.distribution_date ?? '9999') < (b.distribution_date ?? '9999') ? -1 : (a.distribution_date ?? '9999') > (b.distribution_date ?? '9999') ? 1 : a.id - b.id;
  const opening = [...(bases.length > 0 ? bases : docs)].sort(byDate)[0]!;
  const bySymbol = (a: FullRow, b: FullRow): number => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
  const members = new Set(docs.map((d) => d.member_code));
  const bloc = familyKind ? FAMILY_BLOC[familyKind] : undefined;
  if (bloc && (members.size > 1 || docs.some((d) => BLOC_WORDS[bloc]!.test(`${d.title}\n${d.description}\n${d.title_zh ?? ''}`)))) {
    for (const m of blocs.get(bloc) ?? []) members.add(m);
  }
  const { stage, evidence: stageEvidence } = readStage(later.flatMap((d) => textsOf(d, false)));
  const texts = docs.flatMap((d) => textsOf(d, true));
  const emergencyDoc = docs.find((d) => d.doc_type === 'emergency' || /emergency/i.test(d.notification_type));
  const emergency = emergencyDoc
    ? { symbol: emergencyDoc.symbol, field: emergencyDoc.doc_type === 'emergency' ? 'docType' : 'notificationType', text: emergencyDoc.doc_type === 'emergency' ? 'emergency' : emergencyDoc.notification_type }
    : null;
  const adoption = maxDate(docs.map((d) => isoDateOf(d.proposed_adoption)));
  // Without an adoption date, the addendum that announced adoption dates it (TBT Art. 2.12 counts from publication).
  const adoptionNotice = stage === 'adopted' || stage === 'inForce' ? maxDate(later.filter((d) => stageEvidence.some((e) => e.symbol === d.symbol)).map((d) => isoDateOf(d.distribution_date))) : null;
  return {
    key,
    area: opening.area,
    symbols: [...[...bases].sort(bySymbol), ...[...later].sort(bySymbol)].map((d) => d.symbol),
    notificationId: opening.id,
    members: [...members].sort(),
    hsCodes,
    commentDeadline: maxDate(docs.map((d) => isoDateOf(d.comment_deadline))),
    adoption: adoption ?? adoptionNotice,
    entryIntoForce: maxDate(docs.map((d) => isoDateOf(d.proposed_entry_into_force))),
    stage,
    stageEvidence,
    nature: classifyNature(texts, emergency),
    deviation: findDeviation(texts),
    text: texts
      .filter((t) => t.field !== 'notificationType')
      .map((t) => t.text)
      .join('\n')
      .toLowerCase(),
  };
}

/** Members of each bloc, from the reference data (an analyst may have changed them). */
export function blocMembers(db: Database): Map<string, string[]> {
  const blocs = new Map<string, string[]>();
  for (const r of db.prepare('SELECT bloc, country_code FROM country_blocs ORDER BY bloc, country_code').all() as Array<{ bloc: string; country_code: string }>) {
    blocs.set(r.bloc, [...(blocs.get(r.bloc) ?? []), r.country_code]);
  }
  return blocs;
}

/** Load the measures of `window` (key → notification ids) with their texts, codes and dates. */
export function loadMeasures(db: Database, window: Map<string, number[]>, signal?: AbortSignal): Measure[] {
  const blocs = blocMembers(db);
  const familyKinds = new Map((db.prepare('SELECT key, kind FROM measure_families').all() as Array<{ key: string; kind: string }>).map((r) => [`family:${r.key}`, r.kind]));
  const measures: Measure[] = [];
  const entries = [...window.entries()];
  for (let i = 0; i < entries.length; i += CHUNK) {
    if (signal?.aborted) return measures;
    const chunk = entries.slice(i, i + CHUNK);
    const allIds = chunk.flatMap(([, ids]) => ids);
    const placeholders = allIds.map(() => '?').join(',');
    const docs = new Map<number, FullRow>();
    for (const r of db.prepare(`${FULL_SELECT} WHERE n.id IN (${placeholders})`).all(...allIds) as FullRow[]) docs.set(r.id, r);
    for (const [key, ids] of chunk) {
      const rows = ids.map((id) => docs.get(id)).filter((r): r is FullRow => r !== undefined);
      if (rows.length === 0) continue;
      const hs = [...new Set(rows.flatMap((r) => hsCodesOf(r.hs_codes)))].sort();
      measures.push(buildMeasure(key, familyKinds.get(key) ?? null, rows, hs, blocs));
    }
  }
  return measures;
}
