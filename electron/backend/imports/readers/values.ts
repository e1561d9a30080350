import he from 'he';
import { readDateText } from '../../../../shared/domain/date-text';

/** A cell as the readers hand it over: XLSX gives numbers (dates as serials) and strings, CSV and JSON strings. */
export type CellInput = string | number | Date | null | undefined;

/** Why a row was refused, as the interface words it: a stable code and its figures. */
export interface ReasonCode {
  code: string;
  params?: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | ({ ok: false; reason: string } & ReasonCode);

const MAX_SHOWN = 200;

/** Cut a value for a rejection message, so one pasted novel does not flood the report. */
export function truncateValue(value: string, max = MAX_SHOWN): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The text of a cell; numbers as written, Dates as their calendar day. */
export function cellText(value: CellInput): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
/** Excel's serial 1 is 1900-01-01 but it counts a 29 February 1900 that never was (serial 60). */
const EXCEL_EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

const SERIAL_TEXT = /^\d{5,7}(?:\.\d+)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoFromUtcMs(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Excel serial day number (time fraction ignored) to YYYY-MM-DD, or null when impossible. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_EXCEL_SERIAL || day === 60) return null;
  const epoch = day < 60 ? EXCEL_EPOCH_BEFORE_LEAP_BUG : EXCEL_EPOCH_AFTER_LEAP_BUG;
  return isoFromUtcMs(epoch + day * DAY_MS);
}

function parseDateText(raw: string): Parsed<string | null> {
  const text = raw.trim();
  const shown = `'${truncateValue(text, 60)}'`;
  // A CSV saved from Excel keeps date cells as serial numbers when they lost their format.
  if (SERIAL_TEXT.test(text)) {
    const iso = excelSerialToIso(Number(text));
    return iso === null ? { ok: false, reason: `${shown} is not a valid date`, code: 'DATE_NOT_VALID', params: { value: text } } : { ok: true, value: iso };
  }
  const read = readDateText(text);
  if (read.kind === 'date') return { ok: true, value: read.iso };
  if (read.kind === 'empty') return { ok: true, value: null };
  const params = { value: truncateValue(text, 60) };
  if (read.problem === 'month') {
    return { ok: false, reason: `${shown} is not a date: '${read.monthName}' is not a month`, code: 'DATE_UNKNOWN_MONTH', params: { ...params, month: read.monthName ?? '' } };
  }
  if (read.problem === 'calendar') return { ok: false, reason: `${shown} is not a valid date`, code: 'DATE_NOT_VALID', params };
  return { ok: false, reason: `${shown} is not a date; expected dd/mm/yyyy or yyyy-mm-dd`, code: 'DATE_FORMAT', params };
}

/**
 * A date cell to YYYY-MM-DD: Date objects (read as UTC, as Excel libraries build them), serial
 * numbers such as 45231, and text in dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd or ISO date-time form.
 * Empty cells and placeholders ('N/A', 'Not stated') give null; impossible dates fail.
 */
export function parseDate(value: CellInput): Parsed<string | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { ok: false, reason: 'the cell holds an invalid date', code: 'DATE_NOT_VALID', params: { value: '' } };
    // Libraries turn serials into UTC instants that can land a few ms before midnight.
    return { ok: true, value: isoFromUtcMs(Math.round(ms / 1000) * 1000) };
  }
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso === null
      ? { ok: false, reason: `'${value}' is not a valid Excel date serial number`, code: 'DATE_NOT_VALID', params: { value: String(value) } }
      : { ok: true, value: iso };
  }
  return parseDateText(value);
}

// ---------------------------------------------------------------------------------------------
// Text

const HTML_HINT = /[<&]/;
const NEEDS_SPACING = /[\t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]| {2}|\n\s*\n\s*\n|^\s|\s$/;
const DROPPED_BLOCKS = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
const LINE_BREAK_TAGS = new Set([
  'br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
]);
const CELL_TAGS = new Set(['td', 'th']);
const INLINE_SPACE = /[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

function normaliseSpacing(text: string): string {
  if (!NEEDS_SPACING.test(text)) return text;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const clean = line.replace(INLINE_SPACE, ' ').trim();
    // Paragraphs survive as one blank line; runs of blank lines left by markup do not.
    if (clean === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(clean);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/**
 * Simple HTML (as ePing titles and descriptions carry) to plain text in its own language:
 * tags dropped, line-breaking tags to newlines, entities decoded, whitespace collapsed.
 * A bare '<' that opens no tag ("pH < 7") is kept.
 */
export function htmlToText(value: string): string {
  if (!HTML_HINT.test(value)) return normaliseSpacing(value);
  const stripped = value.replace(DROPPED_BLOCKS, '').replace(TAG, (_tag: string, name: string) => {
    const lower = name.toLowerCase();
    if (LINE_BREAK_TAGS.has(lower)) return '\n';
    return CELL_TAGS.has(lower) ? ' ' : '';
  });
  return normaliseSpacing(he.decode(stripped));
}

/** A one-line text field (member name, notification type). */
export function plainLine(value: CellInput): string {
  return htmlToText(cellText(value)).replace(/\s*\n\s*/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Lists

const CODE_TOKEN = /^\d+(?:\.\d+)*$/;
const CODE_SEPARATORS = /[,;\s]+/;
const EDGE_NON_DIGITS = /^\D+|\D+$/g;

function dedupe(items: Iterable<string>, key: (s: string) => string = (s) => s): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** A code a spreadsheet stored as a number lost its trailing zeros: 8703.8 was 8703.80. */
function codeFromNumber(value: number, kind: 'hs' | 'ics'): string {
  const text = String(value);
  const dot = text.indexOf('.');
  if (dot < 0) return text;
  const decimals = text.length - dot - 1;
  const want = kind === 'hs' ? 2 : 3;
  return decimals < want ? text + '0'.repeat(want - decimals) : text;
}

/**
 * HS or ICS codes from a cell: split on commas, semicolons, newlines and spaces, keep the tokens
 * made of digits and dots as written ('8703.80', '870380', '43.120'), drop words such as 'ex'
 * or product names, dedupe in order.
 */
export function parseCodeList(value: CellInput | readonly unknown[], kind: 'hs' | 'ics'): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [codeFromNumber(value, kind)] : [];
  if (Array.isArray(value)) {
    return dedupe(value.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? parseCodeList(v, kind) : [])));
  }
  const text = cellText(value as CellInput);
  const codes: string[] = [];
  for (const raw of text.split(CODE_SEPARATORS)) {
    const token = raw.replace(EDGE_NON_DIGITS, '');
    if (token.length >= 2 && CODE_TOKEN.test(token)) codes.push(token);
  }
  return dedupe(codes);
}

/** ePing vocabulary whose names contain a comma; they must survive a comma split whole. */
const PHRASES_WITH_COMMAS = ['Consumer information, labelling'];
const LIST_SEPARATORS = /[,;\n\r]+/;
const PROTECTED_COMMA = '\u0000';

/** Keywords or objectives: split on commas, semicolons and newlines, trimmed, deduped. */
export function splitList(value: CellInput): string[] {
  let text = htmlToText(cellText(value));
  if (text === '') return [];
  for (const phrase of PHRASES_WITH_COMMAS) {
    if (text.toLowerCase().includes(phrase.toLowerCase())) {
      const pattern = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
      text = text.replace(pattern, (m) => m.replace(',', PROTECTED_COMMA));
    }
  }
  const items = text
    .split(LIST_SEPARATORS)
    .map((s) => s.replaceAll(PROTECTED_COMMA, ',').trim())
    .filter((s) => s.length > 0);
  return dedupe(items, (s) => s.toLowerCase());
}

const URL_CANDIDATE = /https?:\/\/[^\s<>"']+/gi;
const JOINED_URL = /[;,](?=https?:\/\/)/i;
const TRAILING_PUNCTUATION = /[;,.]+$/;

/**
 * The http(s) URLs of a 'Notified document' cell: newline-separated in ePing, sometimes joined
 * with ' ; ', spaces or a bare ';'. Anything that is not an http(s) URL is dropped.
 */
export function parseUrlList(value: CellInput): string[] {
  const text = cellText(value);
  const urls: string[] = [];
  for (const match of text.match(URL_CANDIDATE) ?? []) {
    for (const part of match.split(JOINED_URL)) {
      const url = part.replace(TRAILING_PUNCTUATION, '');
      if (/^https?:\/\/[^/\s]+/i.test(url)) urls.push(url);
    }
  }
  return dedupe(urls);
}

/** A single link cell: its first http(s) URL, or null. */
export function parseUrl(value: CellInput): string | null {
  return parseUrlList(value)[0] ?? null;
}
