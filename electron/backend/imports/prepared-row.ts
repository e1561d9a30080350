import crypto from 'node:crypto';
import { toSearchText } from '../../../shared/domain/search-text';
import type { FamilyFields } from '../notifications/families';
import type { ImportEvent, ParsedNotification } from '../notifications/import/types';

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

/**
 * One parsed notification as the writer stores it: column values, content hash and the rows
 * for the code table, all derived from the record alone.
 */
export interface PreparedRow {
  row: number;
  symbol: string;
  /** Column values in IMPORTED_FIELDS order. */
  values: Array<string | null>;
  /** The values as one text (see joinValues): what `hash` is computed over. */
  joined: string;
  /** SHA-1 of `joined`. */
  hash: string;
  /** The row's code-table keys (kind and code), by their number in the import's CodeBook. */
  codes: number[];
  /** Kind, code, kind, code ... of the keys this row was the first to have, in number order. */
  newCodes: string[];
  /** The symbols of a joint notification (its family); empty otherwise. */
  jointSymbols: string[];
}

/** What the writer takes: records as a reader gives them, or rows a parse worker prepared. */
export type WriterEvent = ImportEvent | { kind: 'prepared'; prepared: PreparedRow };

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

/** Follows each value in the text of a row's values. */
const VALUE_END = '\u0001';
/** Stands for a null value in that text. */
const NULL_VALUE = '\u0000';

/** The values as one text, each followed by U+0001, null as U+0000: what the content hash is computed over. */
export function joinValues(values: ReadonlyArray<string | null>): string {
  let text = '';
  for (const v of values) text += (v ?? NULL_VALUE) + VALUE_END;
  return text;
}

function occurrences(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * Whether joinValues' text of these values splits back into exactly them: no value holds
 * U+0001 or U+0000 (XML cannot carry either; a CSV cell can).
 */
export function splitsBack(text: string, values: ReadonlyArray<string | null>): boolean {
  let nulls = 0;
  for (const v of values) if (v === null) nulls++;
  return occurrences(text, VALUE_END) === values.length && occurrences(text, NULL_VALUE) === nulls;
}

/** The values of a text joinValues made and splitsBack accepted. */
export function splitValues(text: string): Array<string | null> {
  const values: Array<string | null> = text.split(VALUE_END);
  values.pop();
  for (let i = 0; i < values.length; i++) if (values[i] === NULL_VALUE) values[i] = null;
  return values;
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

/**
 * The code-table keys (kind and code) of one import, numbered in the order they are first met.
 * The bulk file's 116,000 notifications have some 790,000 code rows but 31,000 distinct keys:
 * rows carry numbers, and each key's text is handed to the writer once, by the row that met it
 * first. Rows must then reach the writer in the order they were prepared.
 */
export class CodeBook {
  private readonly byKind = new Map<string, Map<string, number>>();
  private size = 0;

  /** The key's number; a key not met before gets the next one and is added to `fresh`. */
  number(kind: string, code: string, fresh: string[]): number {
    let ofKind = this.byKind.get(kind);
    if (!ofKind) this.byKind.set(kind, (ofKind = new Map()));
    let n = ofKind.get(code);
    if (n === undefined) {
      n = this.size++;
      ofKind.set(code, n);
      fresh.push(kind, code);
    }
    return n;
  }
}

/** The rows migration 0090's notification_codes triggers derive from a record, computed the same way. */
function codesOf(r: ParsedNotification, book: CodeBook): { codes: number[]; newCodes: string[] } {
  const codes: number[] = [];
  const newCodes: string[] = [];
  const add = (kind: string, code: string): void => {
    if (code.length > 0) codes.push(book.number(kind, code, newCodes));
  };
  for (const v of r.hsCodes) add('hs', trimSpaces(v).replace(/[. -]/g, ''));
  for (const v of r.icsCodes) add('ics', trimSpaces(v));
  for (const v of r.keywords) add('keyword', asciiLower(trimSpaces(v)));
  for (const v of r.objectives) add('objective', asciiLower(trimSpaces(v)));
  return { codes, newCodes };
}

/** The content hash of a row: SHA-1 of its joined values, in one shot (no Hash object per row). */
export function contentHash(joined: string): string {
  return crypto.hash('sha1', joined, 'hex');
}

/** A prepared row but for its content hash (see event-wire.ts for who computes that where). */
export type UnhashedRow = Omit<PreparedRow, 'hash'>;

export function prepareUnhashed(record: ParsedNotification, book: CodeBook): UnhashedRow {
  const row = toImportedRow(record);
  const values = IMPORTED_FIELDS.map((f) => row[f]);
  const { codes, newCodes } = codesOf(record, book);
  return { row: record.row, symbol: record.symbol, values, joined: joinValues(values), codes, newCodes, jointSymbols: record.jointSymbols };
}

/** A record as the writer stores it; `book` numbers the codes of every row of one import. */
export function prepareRow(record: ParsedNotification, book: CodeBook): PreparedRow {
  const p = prepareUnhashed(record, book);
  return { ...p, hash: contentHash(p.joined) };
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
