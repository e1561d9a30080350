import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir, writeWtoJson, wtoItem } from '../../../../test/fixtures/eping-fixtures';
import { readAll, readFailure } from '../../../../test/fixtures/read-all';
import { DEFAULT_LIMITS } from './limits';
import { wtoItemToEvents } from './read-wto-json';

const tmp = fixtureDir();
afterAll(() => tmp.cleanup());

describe('reading WTO API JSON', () => {
  it('maps an items[] response, preferring the plain-text fields', async () => {
    const file = writeWtoJson(tmp.file('items.json'), [wtoItem()]);
    const { records, rejections, report } = await readAll(file);
    expect(rejections).toEqual([]);
    expect(report).toEqual({ format: 'wto-json', encoding: 'utf-8', rowsRead: 1 });
    expect(records).toEqual([
      {
        row: 1,
        symbol: 'G/SPS/N/RUS/301',
        area: 'SPS',
        memberCode: 'RUS',
        memberName: 'Russian Federation',
        baseSymbol: 'G/SPS/N/RUS/301',
        parentSymbol: null,
        docType: 'regular',
        title: 'Maximum residue levels for aquatic products',
        description: 'Limits for veterinary drug residues.',
        products: 'Fish & crustaceans',
        hsCodes: ['0302', '0303', '0306'],
        icsCodes: ['67.120.30'],
        keywords: ['Veterinary drugs', 'Maximum residue limits (MRLs)'],
        objectives: ['Food safety'],
        notificationType: 'Regular',
        distributionDate: '2024-05-06',
        commentDeadline: '2024-07-05',
        documentLinks: ['https://members.wto.org/crnattachments/2024/SPS/RUS/24_0001_00_x.pdf'],
        links: { en: 'https://docs.wto.org/dol2fe/Pages/FE_Search/FE_S_S006.aspx?q=G/SPS/N/RUS/301', fr: null, es: null },
        proposedAdoption: 'To be determined',
        proposedEntryIntoForce: '2024-12-01',
        countriesAffected: ['All trading partners'],
        jointSymbols: [],
      },
    ]);
  });

  it('reads a bare array, numbering rows by item, and accepts strings where lists are usual', async () => {
    const file = writeWtoJson(
      tmp.file('bare.json'),
      [
        wtoItem({ documentSymbol: 'G/TBT/N/KAZ/50/Add.2', notificationType: 'Addendum' }),
        wtoItem({
          documentSymbol: 'G/TBT/N/ARM/7, G/TBT/N/KGZ/9',
          hsCodes: '8507.60; 8507.80',
          keywords: 'Batteries; Labelling',
          objectives: 'Consumer information, labelling',
          titlePlain: '',
          title: '<p>Батареи &amp; аккумуляторы</p>',
          linkToNotification: { en: 'https://x.org/en', fr: 'https://x.org/fr', es: 'https://x.org/es' },
        }),
      ],
      { bare: true },
    );
    const { records } = await readAll(file);
    expect(records.map((r) => [r.row, r.symbol, r.docType, r.parentSymbol])).toEqual([
      [1, 'G/TBT/N/KAZ/50/Add.2', 'addendum', 'G/TBT/N/KAZ/50'],
      [2, 'G/TBT/N/ARM/7', 'regular', null],
      [2, 'G/TBT/N/KGZ/9', 'regular', null],
    ]);
    expect(records[1]).toMatchObject({
      title: 'Батареи & аккумуляторы',
      hsCodes: ['8507.60', '8507.80'],
      keywords: ['Batteries', 'Labelling'],
      objectives: ['Consumer information, labelling'],
      links: { en: 'https://x.org/en', fr: 'https://x.org/fr', es: 'https://x.org/es' },
      jointSymbols: ['G/TBT/N/ARM/7', 'G/TBT/N/KGZ/9'],
    });
  });

  it('rejects an item with an impossible date, naming the JSON field', () => {
    const events = wtoItemToEvents(4, wtoItem({ commentDeadlineDate: '2024-02-31T00:00:00' }), DEFAULT_LIMITS);
    expect(events).toEqual([
      {
        kind: 'rejection',
        rejection: {
          row: 4,
          field: 'commentDeadlineDate',
          reason: "'2024-02-31T00:00:00' is not a valid date",
          value: '2024-02-31T00:00:00',
          code: 'DATE_NOT_VALID',
          params: { value: '2024-02-31T00:00:00' },
        },
      },
    ]);
    expect(wtoItemToEvents(5, 'G/TBT/N/SAU/1', DEFAULT_LIMITS)).toEqual([
      { kind: 'rejection', rejection: { row: 5, field: null, reason: 'the item is not a JSON object', value: '"G/TBT/N/SAU/1"', code: 'ITEM_NOT_OBJECT' } },
    ]);
  });

  it('refuses files that are not JSON or hold no notifications', async () => {
    const broken = tmp.file('broken.json');
    fs.writeFileSync(broken, '{"items": [ {"documentSymbol": ');
    const first = await readFailure(broken);
    expect(first.error.code).toBe('IMPORT_REJECTED');
    expect(first.error.message).toMatch(/^The file is not valid JSON: /);

    const other = tmp.file('other.json');
    fs.writeFileSync(other, '{"results": []}');
    const second = await readFailure(other);
    expect(second.error.message).toBe(
      'The JSON file holds no notifications: expected an array of them or an object with an "items" array.',
    );
  });
});
