import type { Database } from 'better-sqlite3';
import type { ListExportQuery } from '../../../shared/contract/exports';
import { commentStats } from '../comments/comment-stats';
import { listCommentItems } from '../comments/comment-read';
import { listEnterprises } from '../enterprises/enterprises';
import type { SheetCell, SheetData } from '../files/xlsx-writer';
import { loadListItems } from '../notifications/list-items';
import { listMatchingIds } from '../notifications/search';
import { listWarnings } from '../warnings/warning-list';
import { exportWords, word, type ExportWords } from './export-words';
import { statsTables } from './stats-tables';

/** Rows are read from the lists this many at a time, as the writer asks for them. */
export const PAGE_SIZE = 500;

/** What an export writes: its tables (rows read lazily, in the list's order) and how many rows to expect. */
export interface ExportSource {
  tables: SheetData[];
  /** Rows the tables will hold, for the progress bar. */
  total: number;
}

type Query<L extends ListExportQuery['list']> = Extract<ListExportQuery, { list: L }>;

const joined = (values: readonly string[]): string => values.join('; ');
const day = (isoDateTime: string | null): string | null => (isoDateTime ? isoDateTime.slice(0, 10) : null);

function namesOf(db: Database, sql: string, english: boolean): Map<string, string> {
  const rows = db.prepare(sql).all() as Array<{ code: string; name_zh: string; name_en: string }>;
  return new Map(rows.map((r) => [r.code, english ? r.name_en || r.code : r.name_zh || r.code]));
}

function* notificationRows(db: Database, ids: readonly number[], words: ExportWords, english: boolean): Generator<SheetCell[]> {
  const industries = namesOf(db, 'SELECT code, name_zh, name_en FROM industries', english);
  const hsOf = db.prepare('SELECT n.id, n.hs_codes FROM json_each(?) AS page CROSS JOIN notifications n ON n.id = page.value');
  for (let at = 0; at < ids.length; at += PAGE_SIZE) {
    const page = ids.slice(at, at + PAGE_SIZE);
    const items = loadListItems(db, page, null);
    const hs = new Map((hsOf.all(JSON.stringify(page)) as Array<{ id: number; hs_codes: string | null }>).map((r) => [r.id, r.hs_codes]));
    for (const n of items) {
      yield [
        n.symbol,
        n.area,
        n.memberCode,
        english ? n.memberNameEn : n.memberName,
        word(words.docTypes, n.docType),
        n.title,
        n.titleZh,
        n.distributionDate,
        n.commentDeadline,
        word(words.triageStatuses, n.status),
        word(words.relevances, n.relevance),
        n.assignee,
        joined(n.industries.map((c) => industries.get(c) ?? c)),
        hsCodesText(hs.get(n.id) ?? null),
      ];
    }
  }
}

/** The notification's HS codes as stored (a JSON array), as one cell. */
function hsCodesText(stored: string | null): string {
  if (!stored) return '';
  try {
    const codes = JSON.parse(stored) as unknown;
    return Array.isArray(codes) ? joined(codes.map(String)) : stored;
  } catch {
    return stored;
  }
}

function notificationsSource(db: Database, query: Query<'notifications'>, today: string): ExportSource {
  const words = exportWords(query.language);
  const h = words.headers.notifications;
  // Every id the list shows, in its order, at once: the list's own query with no page limit.
  const { ids } = listMatchingIds(db, query.filter, Number.MAX_SAFE_INTEGER, today);
  const english = query.language === 'en';
  return {
    total: ids.length,
    tables: [
      {
        name: words.fileNames.notifications,
        columns: [
          { header: h.symbol, kind: 'text', width: 24 },
          { header: h.area, kind: 'text', width: 8 },
          { header: h.memberCode, kind: 'text', width: 10 },
          { header: h.member, kind: 'text', width: 16 },
          { header: h.docType, kind: 'text', width: 12 },
          { header: h.title, kind: 'text', width: 60 },
          { header: h.titleZh, kind: 'text', width: 40 },
          { header: h.distributed, kind: 'date', width: 12 },
          { header: h.deadline, kind: 'date', width: 14 },
          { header: h.status, kind: 'text', width: 12 },
          { header: h.relevance, kind: 'text', width: 10 },
          { header: h.assignee, kind: 'text', width: 10 },
          { header: h.industries, kind: 'text', width: 24 },
          { header: h.hsCodes, kind: 'text', width: 24 },
        ],
        rows: notificationRows(db, ids, words, english),
      },
    ],
  };
}

function commentsSource(db: Database, query: Query<'comments'>, today: string): ExportSource {
  const words = exportWords(query.language);
  const h = words.headers.comments;
  const english = query.language === 'en';
  // The comment list is read whole by its own function (a few hundred comments at most).
  const items = listCommentItems(db, query.filter, query.filter.today ?? today);
  return {
    total: items.length,
    tables: [
      {
        name: words.fileNames.comments,
        columns: [
          { header: h.symbols, kind: 'text', width: 24 },
          { header: h.members, kind: 'text', width: 16 },
          { header: h.title, kind: 'text', width: 50 },
          { header: h.status, kind: 'text', width: 12 },
          { header: h.author, kind: 'text', width: 10 },
          { header: h.version, kind: 'number', width: 8 },
          { header: h.points, kind: 'number', width: 10 },
          { header: h.finalDate, kind: 'date', width: 14 },
          { header: h.internalDeadline, kind: 'date', width: 14 },
          { header: h.risk, kind: 'text', width: 14 },
          { header: h.submitted, kind: 'date', width: 12 },
          { header: h.outcome, kind: 'text', width: 12 },
          { header: h.adopted, kind: 'number', width: 10 },
          { header: h.partlyAdopted, kind: 'number', width: 12 },
          { header: h.notAdopted, kind: 'number', width: 12 },
          { header: h.updated, kind: 'date', width: 12 },
        ],
        rows: items.map((c) => [
          joined(c.target.symbols),
          joined(english ? c.target.memberNamesEn : c.target.memberNamesZh),
          english ? c.titleEn || c.titleZh : c.titleZh || c.titleEn,
          word(words.commentStatuses, c.status),
          c.author,
          c.version,
          c.pointCount,
          c.deadlines.finalDate,
          c.deadlines.internalDeadline,
          word(words.commentRisks, c.deadlines.risk),
          c.submission?.date ?? null,
          word(words.commentOutcomes, c.outcome),
          c.outcomes.adopted,
          c.outcomes.partlyAdopted,
          c.outcomes.notAdopted,
          day(c.updatedAt),
        ]),
      },
    ],
  };
}

function* warningRows(db: Database, query: Query<'warnings'>, today: string, words: ExportWords): Generator<SheetCell[]> {
  const english = query.language === 'en';
  const members = namesOf(db, 'SELECT code, name_zh, name_en FROM countries', english);
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const { items } = listWarnings(db, { ...query.filter, offset, limit: PAGE_SIZE }, today);
    for (const w of items) {
      const target = w.target.kind === 'enterprise' ? w.target.name : english ? w.target.nameEn : w.target.nameZh;
      yield [
        word(words.warningLevels, w.level),
        w.score,
        joined(w.measure.symbols),
        english ? w.measure.title : (w.measure.titleZh ?? w.measure.title),
        joined(w.measure.members.map((m) => members.get(m) ?? m)),
        target,
        word(words.targetKinds, w.target.kind),
        word(words.matches, w.match),
        w.valueUsd,
        word(words.warningStates, w.state),
        w.nextDeadline,
        w.measure.commentDeadline,
        w.measure.entryIntoForce,
        w.overridden ? words.yes : words.no,
        day(w.createdAt),
      ];
    }
    if (items.length < PAGE_SIZE) return;
  }
}

function warningsSource(db: Database, query: Query<'warnings'>, today: string): ExportSource {
  const words = exportWords(query.language);
  const h = words.headers.warnings;
  const { total } = listWarnings(db, { ...query.filter, offset: 0, limit: 1 }, today);
  return {
    total,
    tables: [
      {
        name: words.fileNames.warnings,
        columns: [
          { header: h.level, kind: 'text', width: 10 },
          { header: h.score, kind: 'number', width: 8 },
          { header: h.symbols, kind: 'text', width: 24 },
          { header: h.measure, kind: 'text', width: 50 },
          { header: h.members, kind: 'text', width: 16 },
          { header: h.target, kind: 'text', width: 30 },
          { header: h.targetKind, kind: 'text', width: 10 },
          { header: h.match, kind: 'text', width: 10 },
          { header: h.valueUsd, kind: 'money', width: 18 },
          { header: h.state, kind: 'text', width: 12 },
          { header: h.nextDeadline, kind: 'date', width: 12 },
          { header: h.commentDeadline, kind: 'date', width: 14 },
          { header: h.entryIntoForce, kind: 'date', width: 12 },
          { header: h.overridden, kind: 'text', width: 12 },
          { header: h.created, kind: 'date', width: 12 },
        ],
        rows: warningRows(db, query, today, words),
      },
    ],
  };
}

function* enterpriseRows(db: Database, query: Query<'enterprises'>): Generator<SheetCell[]> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const { items } = listEnterprises(db, { ...query.filter, offset, limit: PAGE_SIZE });
    for (const e of items) {
      yield [
        e.name,
        e.creditCode,
        e.province,
        e.city,
        e.industry,
        joined(e.hsCodes),
        joined(e.markets),
        e.totalExportUsd,
        e.openWarnings.red,
        e.openWarnings.orange,
        e.openWarnings.yellow,
        e.openWarnings.blue,
        day(e.updatedAt),
      ];
    }
    if (items.length < PAGE_SIZE) return;
  }
}

function enterprisesSource(db: Database, query: Query<'enterprises'>): ExportSource {
  const words = exportWords(query.language);
  const h = words.headers.enterprises;
  const { total } = listEnterprises(db, { ...query.filter, offset: 0, limit: 1 });
  return {
    total,
    tables: [
      {
        name: words.fileNames.enterprises,
        columns: [
          { header: h.name, kind: 'text', width: 36 },
          { header: h.creditCode, kind: 'text', width: 22 },
          { header: h.province, kind: 'text', width: 10 },
          { header: h.city, kind: 'text', width: 10 },
          { header: h.industry, kind: 'text', width: 20 },
          { header: h.hsCodes, kind: 'text', width: 30 },
          { header: h.markets, kind: 'text', width: 20 },
          { header: h.exportUsd, kind: 'money', width: 18 },
          { header: h.red, kind: 'number', width: 10 },
          { header: h.orange, kind: 'number', width: 10 },
          { header: h.yellow, kind: 'number', width: 10 },
          { header: h.blue, kind: 'number', width: 10 },
          { header: h.updated, kind: 'date', width: 12 },
        ],
        rows: enterpriseRows(db, query),
      },
    ],
  };
}

/**
 * The tables of one export, read through the list's own functions with the list's own filters
 * and order (no second copy of any filter): the notification list's id query, the comment list,
 * the warnings inbox and the enterprise registry a page at a time, the comment statistics whole.
 */
export function exportSource(db: Database, query: ListExportQuery, today: string): ExportSource {
  switch (query.list) {
    case 'notifications':
      return notificationsSource(db, query, today);
    case 'comments':
      return commentsSource(db, query, today);
    case 'warnings':
      return warningsSource(db, query, today);
    case 'enterprises':
      return enterprisesSource(db, query);
    case 'commentStats': {
      const tables = statsTables(commentStats(db, query.filter), exportWords(query.language), query.language === 'en');
      return { tables, total: tables.reduce((sum, t) => sum + (t.rows as readonly unknown[]).length, 0) };
    }
  }
}
