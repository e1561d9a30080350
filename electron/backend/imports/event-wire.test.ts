import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from './event-wire';
import { CodeBook, prepareRow } from './prepared-row';
import type { ImportEvent, ParsedNotification } from '../notifications/import/types';

const record: ParsedNotification = {
  row: 7, symbol: 'G/TBT/N/ARE/600/Add.1', area: 'TBT', memberCode: 'ARE', memberName: 'United Arab Emirates',
  baseSymbol: 'G/TBT/N/ARE/600', parentSymbol: 'G/TBT/N/ARE/600', docType: 'addendum', title: 'Лакокрасочные материалы',
  description: 'Line one\nline two', products: 'Paints', hsCodes: ['3208', '3209.10'], icsCodes: ['87.040'],
  keywords: ['Labelling'], objectives: ['Protection of the environment'], notificationType: 'Addendum',
  distributionDate: '2024-02-29', commentDeadline: null, documentLinks: ['https://docs.wto.org/a.pdf', 'https://docs.wto.org/b.docx'],
  links: { en: 'https://docs.wto.org/en', fr: null, es: 'https://docs.wto.org/es' }, proposedAdoption: '2024-06-01',
  proposedEntryIntoForce: null, countriesAffected: ['CHN'], jointSymbols: ['G/TBT/N/ARE/600', 'G/TBT/N/SAU/600'],
};
const rejection: ImportEvent = {
  kind: 'rejection',
  rejection: { row: 9, field: 'Distribution date', reason: "'31/02/2024' is not a valid date", value: '31/02/2024' },
};

describe('events between the parse worker and the writer', () => {
  it('carry a record prepared as the writer would prepare it, and a rejection as it is, through a structured clone', () => {
    const sent: ImportEvent[] = [{ kind: 'record', record }, rejection, { kind: 'record', record: { ...record, row: 8 } }];
    const book = new CodeBook();
    const cloned = v8.deserialize(v8.serialize(sent.map((e) => toWire(e, book)))) as Array<ReturnType<typeof toWire>>;
    const here = new CodeBook();
    expect(cloned.map(fromWire)).toEqual([
      { kind: 'prepared', prepared: prepareRow(record, here) },
      rejection,
      { kind: 'prepared', prepared: prepareRow({ ...record, row: 8 }, here) },
    ]);
    // The second row refers to the codes the first one brought.
    const second = fromWire(cloned[2]!);
    expect(second.kind === 'prepared' && second.prepared.newCodes).toEqual([]);
    expect(second.kind === 'prepared' && second.prepared.codes).toEqual([0, 1, 2, 3, 4]);
  });

  it('send a record as its values only, with no field names', () => {
    const wire = toWire({ kind: 'record', record }, new CodeBook());
    expect(Array.isArray(wire)).toBe(true);
    expect(JSON.stringify(wire)).not.toMatch(/memberCode|member_code/);
  });

  it('send the values as one text, or one by one when a value holds the characters that text is made with', () => {
    const plain = toWire({ kind: 'record', record }, new CodeBook()) as unknown[];
    expect(typeof plain.at(-1)).toBe('string');
    // A CSV cell can hold U+0001 or U+0000; an empty string is not a null.
    for (const odd of [{ description: 'one\u0001two' }, { title: 'nul \u0000 inside' }, { products: '\u0000' }, { memberName: '' }]) {
      const sent = { ...record, ...odd };
      const wire = toWire({ kind: 'record', record: sent }, new CodeBook());
      const back = fromWire(v8.deserialize(v8.serialize(wire)) as ReturnType<typeof toWire>);
      expect(back).toEqual({ kind: 'prepared', prepared: prepareRow(sent, new CodeBook()) });
      if (!('memberName' in odd)) expect(Array.isArray((wire as unknown[]).at(-1))).toBe(true);
    }
  });
});
