import { parseSymbol, splitSymbolCell, type ParsedSymbol } from '../../../../shared/domain/symbol';
import type { ImportEvent, ParsedNotification, RowRejection } from './types';
import { truncateValue, type ReasonCode } from './values';

/** One row's fields, already parsed, before its symbol cell is split into records. */
export type NotificationDraft = Omit<
  ParsedNotification,
  'symbol' | 'area' | 'memberCode' | 'baseSymbol' | 'parentSymbol' | 'docType' | 'jointSymbols'
> & {
  symbolCell: string;
  /** How the source names the symbol field, for rejections ('Document symbol', 'documentSymbol'). */
  symbolField: string;
};

export function rejection(row: number, field: string | null, reason: string, value?: string, why?: ReasonCode): ImportEvent {
  const r: RowRejection = { row, field, reason };
  if (value !== undefined) r.value = truncateValue(value);
  if (why) {
    r.code = why.code;
    if (why.params) r.params = why.params;
  }
  return { kind: 'rejection', rejection: r };
}

const EMERGENCY = /emergency/i;

/**
 * A draft to one record per symbol (joint cells hold several, each with its own member code),
 * plus a rejection for each symbol that does not parse. The other symbols still come through.
 */
export function draftToEvents(draft: NotificationDraft): ImportEvent[] {
  const { symbolField } = draft;
  const pieces = splitSymbolCell(draft.symbolCell);
  if (pieces.length === 0) return [rejection(draft.row, symbolField, 'the row has no document symbol', undefined, { code: 'NO_SYMBOL' })];

  const events: ImportEvent[] = [];
  const parsed: ParsedSymbol[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const p = parseSymbol(piece);
    if (p === null) {
      events.push(
        rejection(
          draft.row,
          symbolField,
          `'${truncateValue(piece, 60)}' is not a WTO notification symbol (expected G/TBT/N/<member>/<number>)`,
          piece,
          { code: 'SYMBOL_NOT_VALID', params: { value: truncateValue(piece, 60) } },
        ),
      );
    } else if (!seen.has(p.symbol)) {
      seen.add(p.symbol);
      parsed.push(p);
    }
  }

  const jointSymbols = parsed.length > 1 ? parsed.map((p) => p.symbol) : [];
  const emergency = EMERGENCY.test(draft.notificationType);
  for (const p of parsed) {
    // Spelled out rather than spread: a rest/spread copy per record was the costliest line of
    // a 105,000-row parse.
    const record: ParsedNotification = {
      row: draft.row,
      symbol: p.symbol,
      area: p.area,
      memberCode: p.member,
      baseSymbol: p.base,
      parentSymbol: p.parent,
      // An emergency measure's later addenda are addenda; only the notification itself is 'emergency'.
      docType: emergency && p.suffixes.length === 0 ? 'emergency' : p.docType,
      memberName: draft.memberName,
      title: draft.title,
      description: draft.description,
      products: draft.products,
      hsCodes: draft.hsCodes,
      icsCodes: draft.icsCodes,
      keywords: draft.keywords,
      objectives: draft.objectives,
      notificationType: draft.notificationType,
      distributionDate: draft.distributionDate,
      commentDeadline: draft.commentDeadline,
      documentLinks: draft.documentLinks,
      links: draft.links,
      proposedAdoption: draft.proposedAdoption,
      proposedEntryIntoForce: draft.proposedEntryIntoForce,
      countriesAffected: draft.countriesAffected,
      jointSymbols,
    };
    events.push({ kind: 'record', record });
  }
  return events;
}
