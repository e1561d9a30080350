import type { Database } from 'better-sqlite3';
import { writeNotifications } from '../../electron/backend/imports/write-notifications';
import type { ImportEvent, ParsedNotification } from '../../electron/backend/imports/readers/types';
import type { ImportReport } from '../../shared/contract';
import { parseSymbol } from '../../shared/domain/symbol';
import { testClock, testActor } from './temp-store';

/** A record as the file readers hand it to the import writer; base, parent and type follow the symbol. */
export function parsedRecord(symbol: string, changes: Partial<ParsedNotification> = {}): ParsedNotification {
  const p = parseSymbol(symbol);
  if (!p) throw new Error(`${symbol} does not parse`);
  return {
    row: 2,
    symbol: p.symbol,
    area: p.area,
    memberCode: p.member,
    memberName: p.member,
    baseSymbol: p.base,
    parentSymbol: p.parent,
    docType: p.docType,
    title: `Technical regulation ${p.base}`,
    description: '',
    products: '',
    hsCodes: [],
    icsCodes: [],
    keywords: [],
    objectives: [],
    notificationType: p.docType === 'regular' ? 'Regular notification' : 'Addendum',
    distributionDate: '2026-02-01',
    commentDeadline: null,
    documentLinks: [],
    links: { en: null, fr: null, es: null },
    proposedAdoption: null,
    proposedEntryIntoForce: null,
    countriesAffected: [],
    jointSymbols: [],
    ...changes,
  };
}

/** Run the real import writer (one transaction, families, comment follow-ups) over these records. */
export async function importRecords(db: Database, records: ParsedNotification[]): Promise<ImportReport> {
  async function* events(): AsyncGenerator<ImportEvent> {
    for (const record of records) yield { kind: 'record', record };
  }
  return writeNotifications(db, events(), () => ({ format: 'eping-xlsx', encoding: null, rowsRead: records.length }), {
    fileName: 'eping.xlsx',
    fileSize: 1,
    fileSha256: 'f'.repeat(64),
    actor: testActor('张敏'),
    clock: testClock(),
    source: 'eping',
  });
}
