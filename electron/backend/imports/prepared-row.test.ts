import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_LISTS, familyFields, hashValues, listCodes, listText, prepareRow, searchTexts, toImportedRow } from './prepared-row';
import type { ParsedNotification } from './readers/types';

const record: ParsedNotification = {
  row: 2, symbol: 'G/TBT/N/SAU/1001', area: 'TBT', memberCode: 'SAU', memberName: 'Saudi Arabia, Kingdom of',
  baseSymbol: 'G/TBT/N/SAU/1001', parentSymbol: null, docType: 'regular', title: 'Electric vehicles 电动汽车',
  description: 'Technical regulation', products: 'Batteries', hsCodes: ['8507.60'], icsCodes: [], keywords: ['Batteries'],
  objectives: [], notificationType: 'Regular', distributionDate: '2024-03-01', commentDeadline: null, documentLinks: [],
  links: { en: null, fr: null, es: null }, proposedAdoption: null, proposedEntryIntoForce: null, countriesAffected: [], jointSymbols: [],
};

/** A row's code table rows as kind, code, kind, code ... */
const codesOf = (values: ReadonlyArray<string | null>): string[] =>
  CODE_LISTS.flatMap(([kind, field]) => listCodes(kind, listText(values, field)).flatMap((code) => [kind, code]));

/** The digest as earlier versions computed it: each column fed to SHA-1 in turn. */
function fieldByFieldDigest(r: ParsedNotification): string {
  const hash = crypto.createHash('sha1');
  for (const value of Object.values(toImportedRow(r)) as Array<string | null>) hash.update(value ?? '\u0000').update('\u0001');
  return hash.digest('hex');
}

describe('the content hash of an imported row', () => {
  it('is the digest earlier versions stored, field by field, so re-imports still find rows unchanged', () => {
    expect(hashValues(prepareRow(record).values)).toBe(fieldByFieldDigest(record));
    expect(hashValues(prepareRow({ ...record, commentDeadline: '2024-05-01' }).values)).not.toBe(hashValues(prepareRow(record).values));
  });
});

describe('a prepared row', () => {
  it('gives the index text and the codes as the triggers derive them', () => {
    const coded = {
      ...record, keywords: [' Énergie ÉCO ', 'Batteries'], icsCodes: [' 13.020 '], hsCodes: ['8507.60', ' 8418-10 ', ' '],
      objectives: ['labelling', 'Consumer information '],
    };
    const p = prepareRow(coded);
    expect(p.values[6]).toBe('Electric vehicles 电动汽车');
    // Han text is expanded into pairs and single characters; the rest is indexed as it is.
    const [title, description, products] = searchTexts(p.values);
    expect(title).toBe('Electric vehicles  电动 动汽 汽车 电 动 汽 车 ');
    expect(description).toBe('Technical regulation');
    expect(products).toBe('Batteries ["8507.60"," 8418-10 "," "] [" 13.020 "]');
    expect(codesOf(p.values)).toEqual([
      'hs', '850760', 'hs', '841810', 'ics', '13.020', 'keyword', 'Énergie Éco', 'keyword', 'batteries',
      'objective', 'labelling', 'objective', 'consumer information',
    ]);
    expect(hashValues(p.values)).toBe(fieldByFieldDigest(coded));
  });
});

describe('the family fields of a prepared row', () => {
  it('are the record\u2019s, read back from the column values', () => {
    const joint = { ...record, jointSymbols: ['G/TBT/N/SAU/1001', 'G/TBT/N/ARE/1001'] };
    expect(familyFields(prepareRow(joint))).toEqual({
      area: 'TBT', member_code: 'SAU', doc_type: 'regular', title: 'Electric vehicles 电动汽车', distribution_date: '2024-03-01',
      jointSymbols: ['G/TBT/N/SAU/1001', 'G/TBT/N/ARE/1001'],
    });
  });
});
