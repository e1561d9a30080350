import fs from 'node:fs';
import { findExcessiveNesting, MAX_JSON_DEPTH } from '../../../../shared/domain/json-depth';
import { decodeBuffer, detectBufferEncoding } from './encoding';
import { formatBytes, formatCount, rejectFile, type ImportLimits } from './limits';
import type { ReadContext } from './read-context';
import { draftToEvents, rejection } from './records';
import type { ImportEvent, TextEncoding } from './types';
import { htmlToText, parseCodeList, parseDate, parseUrl, parseUrlList, splitList, truncateValue } from './values';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar, an object's name/text, or the pieces of an array, as one string. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(text).filter((s) => s !== '').join('\n');
  if (isObject(value)) return text(value.name ?? value.text ?? value.value ?? value.code ?? '');
  return '';
}

/** The WTO API gives both a marked-up field and its *Plain twin; the plain one wins. */
function plainField(item: JsonObject, name: string): string {
  const plain = text(item[`${name}Plain`]);
  return htmlToText(plain.trim() !== '' ? plain : text(item[name]));
}

/** `[{name}]` lists (objectives, keywords, countriesAffected); a bare string is split. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const v of value) {
      const name = htmlToText(text(v)).trim();
      if (name !== '' && !seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        out.push(name);
      }
    }
    return out;
  }
  return splitList(text(value));
}

function codes(value: unknown, kind: 'hs' | 'ics'): string[] {
  if (Array.isArray(value)) return parseCodeList(value.map((v) => (typeof v === 'number' ? v : text(v))), kind);
  return typeof value === 'number' ? parseCodeList(value, kind) : parseCodeList(text(value), kind);
}

/** linkToNotification: a URL, a list (English first), or an object keyed by language. */
function notificationLinks(value: unknown): { en: string | null; fr: string | null; es: string | null } {
  if (isObject(value)) {
    const by = (...keys: string[]): string | null => {
      for (const [k, v] of Object.entries(value)) if (keys.includes(k.toLowerCase())) return parseUrl(text(v));
      return null;
    };
    return { en: by('en', 'english'), fr: by('fr', 'french'), es: by('es', 'spanish') };
  }
  const urls = Array.isArray(value) ? value.map((v) => parseUrl(text(v))) : [parseUrl(text(value))];
  return { en: urls[0] ?? null, fr: urls[1] ?? null, es: urls[2] ?? null };
}

/** A proposed date: the date when the API has one, else its free text ("6 months after publication"). */
function proposedDate(item: JsonObject, name: string): string | null {
  const date = parseDate(text(item[`${name}Date`]));
  if (date.ok && date.value !== null) return date.value;
  const free = htmlToText(text(item[`${name}DateText`])).trim();
  return free === '' ? null : free;
}

const CHECKED_STRINGS = [
  'title', 'titlePlain', 'description', 'descriptionPlain', 'productsFreeText', 'productsFreeTextPlain', 'documentSymbol',
];

/** One WTO API item (row = its index + 1) to records and rejections. */
export function wtoItemToEvents(row: number, item: unknown, limits: ImportLimits): ImportEvent[] {
  if (!isObject(item)) {
    return [rejection(row, null, 'the item is not a JSON object', truncateValue(JSON.stringify(item) ?? ''), { code: 'ITEM_NOT_OBJECT' })];
  }
  const problems: ImportEvent[] = [];
  for (const field of CHECKED_STRINGS) {
    const value = item[field];
    if (typeof value === 'string' && value.length > limits.maxCellChars) {
      problems.push(
        rejection(row, field, `the field holds ${formatCount(value.length)} characters, more than the ${formatCount(limits.maxCellChars)} allowed`, value, {
          code: 'CELL_TOO_LONG',
          params: { chars: value.length, max: limits.maxCellChars },
        }),
      );
    }
  }
  const distribution = parseDate(text(item.distributionDate));
  const deadline = parseDate(text(item.commentDeadlineDate));
  if (!distribution.ok) problems.push(rejection(row, 'distributionDate', distribution.reason, text(item.distributionDate), distribution));
  if (!deadline.ok) problems.push(rejection(row, 'commentDeadlineDate', deadline.reason, text(item.commentDeadlineDate), deadline));
  if (problems.length > 0 || !distribution.ok || !deadline.ok) return problems;

  return draftToEvents({
    row,
    symbolCell: Array.isArray(item.documentSymbol) ? item.documentSymbol.map(text).join(',') : text(item.documentSymbol),
    symbolField: 'documentSymbol',
    memberName: htmlToText(text(item.notifyingMember)).replace(/\s*\n\s*/g, ' '),
    title: plainField(item, 'title'),
    description: plainField(item, 'description'),
    products: plainField(item, 'productsFreeText'),
    hsCodes: codes(item.hsCodes, 'hs'),
    icsCodes: codes(item.icsCodes, 'ics'),
    keywords: names(item.keywords),
    objectives: names(item.objectives),
    notificationType: htmlToText(text(item.notificationType)).replace(/\s*\n\s*/g, ' '),
    distributionDate: distribution.value,
    commentDeadline: deadline.value,
    documentLinks: parseUrlList(text(item.notifiedDocumentLink)),
    links: notificationLinks(item.linkToNotification),
    proposedAdoption: proposedDate(item, 'proposedAdoption'),
    proposedEntryIntoForce: proposedDate(item, 'proposedEntryIntoForce'),
    countriesAffected: names(item.countriesAffected),
  });
}

/**
 * A saved WTO API response: a bare array of notifications or an object with `items[]`.
 * There is no streaming JSON parser here, so the file is size-capped before it is read whole.
 */
export async function* readWtoJson(
  path: string,
  ctx: ReadContext,
  onEncoding: (encoding: TextEncoding) => void,
): AsyncGenerator<ImportEvent> {
  if (ctx.totalBytes > ctx.limits.maxJsonBytes) {
    throw rejectFile(
      `The JSON file is ${formatBytes(ctx.totalBytes)}; JSON files up to ${formatBytes(ctx.limits.maxJsonBytes)} ` +
        'can be imported. Save the API results in smaller pages.',
      { reason: 'FILE_TOO_LARGE', bytes: ctx.totalBytes, maxJsonBytes: ctx.limits.maxJsonBytes },
    );
  }
  const buf = await fs.promises.readFile(path);
  ctx.bytesRead = () => buf.length;
  const detected = detectBufferEncoding(buf);
  onEncoding(detected.encoding);
  const source = decodeBuffer(buf, detected);
  // The reader walks values recursively (text(), JSON.stringify of a bad item): a hostile file
  // nested a million deep would overflow the stack, so it is refused by name first.
  const tooDeep = findExcessiveNesting(source);
  if (tooDeep !== null) {
    throw rejectFile(
      `The JSON file nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (at character ${tooDeep + 1}); WTO notification data is a few levels deep, so this is not a notification file.`,
      { reason: 'nesting', limit: MAX_JSON_DEPTH, offset: tooDeep },
    );
  }
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch (err) {
    throw rejectFile(`The file is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`, { reason: 'NOT_WTO_JSON' });
  }
  const items = Array.isArray(root) ? root : isObject(root) && Array.isArray(root.items) ? root.items : null;
  if (items === null) {
    throw rejectFile('The JSON file holds no notifications: expected an array of them or an object with an "items" array.', {
      reason: 'NOT_WTO_JSON',
    });
  }
  if (items.length > ctx.limits.maxRows) {
    throw rejectFile(`The JSON file holds ${formatCount(items.length)} items, more than the ${formatCount(ctx.limits.maxRows)} allowed.`, {
      reason: 'TOO_MANY_ROWS',
    });
  }
  for (let i = 0; i < items.length; i++) {
    ctx.throwIfCancelled();
    ctx.countRow();
    yield* wtoItemToEvents(i + 1, items[i], ctx.limits);
  }
}
