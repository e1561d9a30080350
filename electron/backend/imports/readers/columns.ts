import { rejectFile } from './limits';

/** The columns of an ePing export this import reads; others are ignored. */
export const COLUMN_KEYS = [
  'symbol',
  'memberName',
  'title',
  'description',
  'products',
  'hsCodes',
  'icsCodes',
  'keywords',
  'objectives',
  'distributionDate',
  'commentDeadline',
  'notificationType',
  'notifiedDocument',
  'linkEn',
  'linkFr',
  'linkEs',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The header each column carries in the ePing export, used in messages and rejections. */
export const COLUMN_HEADERS: Record<ColumnKey, string> = {
  symbol: 'Document symbol',
  memberName: 'Notifying Member',
  title: 'Title',
  description: 'Description',
  products: 'Products covered',
  hsCodes: 'HS code(s)',
  icsCodes: 'ICS code(s)',
  keywords: 'Keywords',
  objectives: 'Objectives',
  distributionDate: 'Distribution date',
  commentDeadline: 'Final date for comments',
  notificationType: 'Notification type',
  notifiedDocument: 'Notified document',
  linkEn: 'Link to notification(EN)',
  linkFr: '(FR)',
  linkEs: '(ES)',
};

const REQUIRED: readonly ColumnKey[] = ['symbol', 'title'];

/** Spellings seen besides the export's own (search-page export, files retyped by hand). */
const ALIASES: Partial<Record<ColumnKey, string[]>> = {
  symbol: ['Symbol', 'Document symbol(s)'],
  memberName: ['Member', 'Notifying member(s)'],
  products: ['Products'],
  hsCodes: ['HS code', 'HS codes'],
  icsCodes: ['ICS code', 'ICS codes'],
  commentDeadline: ['Final date for comment', 'Comment deadline'],
  linkEn: ['Link to notification', 'Link to notification (English)'],
  linkFr: ['Link to notification(FR)', 'Link to notification (French)'],
  linkEs: ['Link to notification(ES)', 'Link to notification (Spanish)'],
};

/** Case and whitespace do not matter: 'Link to notification (EN)' is 'link to notification(en)'. */
export function normaliseHeader(header: string): string {
  return header.replace(/[\s\u00a0\ufeff]+/g, '').toLowerCase();
}

const LOOKUP = new Map<string, ColumnKey>();
for (const key of COLUMN_KEYS) {
  for (const name of [COLUMN_HEADERS[key], ...(ALIASES[key] ?? [])]) LOOKUP.set(normaliseHeader(name), key);
}

/** Where each known column sits in a row (0-based); -1 when the file lacks it. */
export type ColumnIndex = Record<ColumnKey, number>;

export interface HeaderMatch {
  index: ColumnIndex;
  /** How many known columns the row holds; a header row holds several. */
  known: number;
}

export function matchHeaderRow(cells: readonly string[]): HeaderMatch {
  const index = Object.fromEntries(COLUMN_KEYS.map((k) => [k, -1])) as ColumnIndex;
  let known = 0;
  cells.forEach((cell, i) => {
    const key = LOOKUP.get(normaliseHeader(cell));
    if (key !== undefined && index[key] === -1) {
      index[key] = i;
      known++;
    }
  });
  return { index, known };
}

export function missingRequired(index: ColumnIndex): string[] {
  return REQUIRED.filter((k) => index[k] === -1).map((k) => COLUMN_HEADERS[k]);
}

/** A header row can only be one that names the symbol column plus at least one other. */
export function isHeaderRow(match: HeaderMatch): boolean {
  return match.index.symbol !== -1 && match.known >= 2;
}

/** How many leading non-empty rows may precede the header (titles, export notes). */
export const HEADER_SEARCH_ROWS = 10;

/** The whole file is refused because its header row lacks required columns. */
export function missingHeadersError(headerCandidate: readonly string[] | null, match: HeaderMatch | null): Error {
  const found = (headerCandidate ?? []).map((h) => h.trim()).filter((h) => h !== '');
  const missing = match ? missingRequired(match.index) : REQUIRED.map((k) => COLUMN_HEADERS[k]);
  const foundText = found.length > 0 ? found.map((h) => `'${h}'`).join(', ') : 'no headers at all';
  return rejectFile(
    `The file is not an ePing export: the header row lacks ${missing.map((h) => `'${h}'`).join(' and ')}. ` +
      `Found ${foundText}.`,
    { reason: 'NOT_EPING', missing: missing.join(', '), found: found.join(', ') },
  );
}

export type HeaderSearch =
  | { status: 'found'; index: ColumnIndex }
  | { status: 'looking' }
  | { status: 'gave-up'; error: Error };

/**
 * Looks for the header among the first rows of a sheet or CSV file. offer() each non-empty row
 * until it answers 'found' or 'gave-up'. A header that names the symbol column but lacks another
 * required one is final: offer() throws IMPORT_REJECTED listing what is missing and what was found.
 */
export class HeaderFinder {
  private seen = 0;
  private best: { cells: readonly string[]; match: HeaderMatch } | null = null;

  offer(cells: readonly string[]): HeaderSearch {
    const match = matchHeaderRow(cells);
    if (isHeaderRow(match)) {
      if (missingRequired(match.index).length > 0) throw missingHeadersError(cells, match);
      return { status: 'found', index: match.index };
    }
    if (this.best === null || match.known > this.best.match.known) this.best = { cells, match };
    this.seen++;
    return this.seen >= HEADER_SEARCH_ROWS ? { status: 'gave-up', error: this.giveUp() } : { status: 'looking' };
  }

  /** The error to throw when the rows ran out before a header was found. */
  giveUp(): Error {
    return missingHeadersError(this.best?.cells ?? null, this.best?.match ?? null);
  }
}
