import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashRow, toImportedRow } from './write-notifications';
import type { ParsedNotification } from '../notifications/import/types';

const record: ParsedNotification = {
  row: 2, symbol: 'G/TBT/N/SAU/1001', area: 'TBT', memberCode: 'SAU', memberName: 'Saudi Arabia, Kingdom of',
  baseSymbol: 'G/TBT/N/SAU/1001', parentSymbol: null, docType: 'regular', title: 'Electric vehicles 电动汽车',
  description: 'Technical regulation', products: 'Batteries', hsCodes: ['8507.60'], icsCodes: [], keywords: ['Batteries'],
  objectives: [], notificationType: 'Regular', distributionDate: '2024-03-01', commentDeadline: null, documentLinks: [],
  links: { en: null, fr: null, es: null }, proposedAdoption: null, proposedEntryIntoForce: null, countriesAffected: [], jointSymbols: [],
};

describe('the content hash of an imported row', () => {
  it('is the digest earlier versions stored, field by field, so re-imports still find rows unchanged', () => {
    const row = toImportedRow(record);
    const fieldByField = crypto.createHash('sha1');
    for (const value of Object.values(row)) fieldByField.update(value ?? '\u0000').update('\u0001');
    expect(hashRow(row)).toBe(fieldByField.digest('hex'));
    expect(hashRow({ ...row, comment_deadline: '2024-05-01' })).not.toBe(hashRow(row));
  });
});
