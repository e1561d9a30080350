import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from './event-wire';
import { prepareRow } from './prepared-row';
import type { ImportEvent, ParsedNotification } from './readers/types';

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
    const sent: ImportEvent[] = [{ kind: 'record', record }, rejection];
    const cloned = v8.deserialize(v8.serialize(sent.map(toWire))) as Array<ReturnType<typeof toWire>>;
    expect(cloned.map(fromWire)).toEqual([{ kind: 'prepared', prepared: prepareRow(record) }, rejection]);
  });

  it('send a record as its values only, with no field names', () => {
    const wire = toWire({ kind: 'record', record });
    expect(Array.isArray(wire)).toBe(true);
    expect(JSON.stringify(wire)).not.toMatch(/memberCode|member_code/);
  });
});
