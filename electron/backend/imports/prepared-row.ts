import crypto from 'node:crypto';
import { toSearchText } from '../../../shared/domain/search-text';
import type { FamilyFields } from '../notifications/families';
import type { ImportEvent, ParsedNotification } from './readers/types';

/** Columns an import owns, in the order they are hashed, compared and bound. */
export const IMPORTED_FIELDS = [
  'area', 'member_code', 'member_name', 'base_symbol', 'parent_symbol', 'doc_type', 'title', 'description',
  'products', 'hs_codes', 'ics_codes', 'keywords', 'objectives', 'notification_type', 'distribution_date',
  'comment_deadline', 'document_links', 'link_en', 'link_fr', 'link_es', 'proposed_adoption',
  'proposed_entry_into_force', 'countries_affected', 'joint_symbols',
] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];
export type ImportedRow = Record<ImportedField, string | null>;

/** Position of each imported column in PreparedRow.values. */
const FIELD_INDEX = Object.fromEntries(IMPORTED_FIELDS.map((f, i) => [f, i])) as Record<ImportedField, number>;

/** One parsed notification as the writer stores it: its column values. */
export interface PreparedRow {
  row: number;
  symbol: string;
  /** Column values in IMPORTED_FIELDS order. */
  values: Array<string | null>;
  /** The symbols of a joint notification (its family); empty otherwise. */
  jointSymbols: string[];
}

/**
 * What the writer takes: records as a reader gives them, rows a parse worker prepared, and word
 * from a parse worker's reader that it has no rows right now (a moment for deferred work).
 */
export type WriterEvent = ImportEvent | { kind: 'prepared'; prepared: PreparedRow } | { kind: 'idle' };

export function toImportedRow(r: ParsedNotification): ImportedRow {
  return {
    area: r.area,
    member_code: r.memberCode,
    member_name: r.memberName,
    base_symbol: r.baseSymbol,
    parent_symbol: r.parentSymbol,
    doc_type: r.docType,
    title: r.title,
    description: r.description,
    products: r.products,
    hs_codes: JSON.stringify(r.hsCodes),
    ics_codes: JSON.stringify(r.icsCodes),
    keywords: JSON.stringify(r.keywords),
    objectives: JSON.stringify(r.objectives),
    notification_type: r.notificationType,
    distribution_date: r.distributionDate,
    comment_deadline: r.commentDeadline,
    document_links: JSON.stringify(r.documentLinks),
    link_en: r.links.en,
    link_fr: r.links.fr,
    link_es: r.links.es,
    proposed_adoption: r.proposedAdoption,
    proposed_entry_into_force: r.proposedEntryIntoForce,
    countries_affected: JSON.stringify(r.countriesAffected),
    joint_symbols: JSON.stringify(r.jointSymbols),
  };
}

/**
 * The content hash stored with a notification: SHA-1 of the fields, each followed by U+0001
 * (U+0000 stands for null), hashed as one text. Computed by the writer, off the parse worker's
 * thread.
 */
export function hashValues(values: ReadonlyArray<string | null>): string {
  let text = '';
  for (const v of values) text += (v ?? '\u0000') + '\u0001';
  // One-shot: no Hash object per row.
  return crypto.hash('sha1', text, 'hex');
}

/** The stored text each full-text column is made from, given the row's values. */
function searchSources(values: ReadonlyArray<string | null>): [string, string, string, string] {
  const v = (f: ImportedField): string => values[FIELD_INDEX[f]] ?? '';
  return [
    v('title'),
    v('description'),
    `${v('products')} ${v('hs_codes')} ${v('ics_codes')}`,
    `${v('keywords')} ${v('objectives')}`,
  ];
}

/** SQLite's trim(): spaces only. */
const trimSpaces = (s: string): string => (s.startsWith(' ') || s.endsWith(' ') ? s.replace(/^ +| +$/g, '') : s);
/** SQLite's lower() without ICU: ASCII letters only. */
const asciiLower = (s: string): string => (/[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s);

/** The code kinds of migration 0090 and the list column each comes from. */
export const CODE_LISTS = [
  ['hs', 'hs_codes'],
  ['ics', 'ics_codes'],
  ['keyword', 'keywords'],
  ['objective', 'objectives'],
] as const satisfies ReadonlyArray<readonly [string, ImportedField]>;
export type CodeKind = (typeof CODE_LISTS)[number][0];

/** A list column's stored text (a JSON array of strings). */
export const listText = (values: ReadonlyArray<string | null>, field: ImportedField): string => values[FIELD_INDEX[field]] ?? '[]';

/** One column's value in a row's values. */
export const fieldValue = (values: ReadonlyArray<string | null>, field: ImportedField): string | null => values[FIELD_INDEX[field]] ?? null;

/**
 * The codes of one kind that migration 0090's notification_codes triggers derive from a list
 * column's text. The writer derives them for the rows a bulk load inserts (see bulk-mode.ts).
 */
export function listCodes(kind: CodeKind, text: string): string[] {
  const normalise =
    kind === 'hs' ? (v: string) => trimSpaces(v).replace(/[. -]/g, '') : kind === 'ics' ? trimSpaces : (v: string) => asciiLower(trimSpaces(v));
  return (JSON.parse(text) as string[]).map(normalise).filter((code) => code.length > 0);
}

export function prepareRow(record: ParsedNotification): PreparedRow {
  const row = toImportedRow(record);
  const values = IMPORTED_FIELDS.map((f) => row[f]);
  return {
    row: record.row,
    symbol: record.symbol,
    values,
    jointSymbols: record.jointSymbols,
  };
}

/** The columns that decide a notification's family. */
export function familyFields(p: PreparedRow): FamilyFields {
  const v = p.values;
  return {
    area: v[FIELD_INDEX.area]!,
    member_code: v[FIELD_INDEX.member_code]!,
    doc_type: v[FIELD_INDEX.doc_type]!,
    title: v[FIELD_INDEX.title]!,
    distribution_date: v[FIELD_INDEX.distribution_date] ?? null,
    jointSymbols: p.jointSymbols,
  };
}

/**
 * The full-text index columns of a row, as migration 0070's trigger computes them: title,
 * description, products with codes, keywords with objectives.
 */
export function searchTexts(values: ReadonlyArray<string | null>): [string, string, string, string] {
  return searchSources(values).map(toSearchText) as [string, string, string, string];
}
