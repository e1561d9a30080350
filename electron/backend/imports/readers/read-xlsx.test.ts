import { afterAll, describe, expect, it } from 'vitest';
import {
  BLANK_ROW,
  epingRow,
  fixtureDir,
  inlineRowXml,
  sheetXml,
  writeEpingXlsx,
  writeHandmadeXlsx,
} from '../../../../test/fixtures/eping-fixtures';
import { readAll, readFailure } from '../../../../test/fixtures/read-all';
import { writeSyntheticEping } from '../../../../test/fixtures/synthetic-eping';
import { parseOnly, readNotificationsFile } from './read-notifications-file';

const tmp = fixtureDir();
afterAll(() => tmp.cleanup());

describe('reading an ePing workbook', () => {
  it('maps every ePing column of a row to a parsed notification', async () => {
    const file = await writeEpingXlsx(tmp.file('one.xlsx'), [
      epingRow({
        Title: '<p>Draft <b>technical regulation</b> for electric&nbsp;vehicles</p>',
        'HS code(s)': '8703.80; 8703.40, 8507',
        'ICS code(s)': '43.120',
        Keywords: 'Electric vehicles; Batteries\nCharging',
        Objectives: 'Protection of human health or safety, Consumer information, labelling',
        'Distribution date': new Date(Date.UTC(2024, 2, 1)),
        'Final date for comments': '30/04/2024',
        'Notified document': 'https://docs.wto.org/a.pdf\nhttps://members.wto.org/b.pdf\r\nhttps://www.saso.gov.sa/c.pdf',
      }),
    ]);
    const { records, rejections, report } = await readAll(file);
    expect(rejections).toEqual([]);
    expect(report).toEqual({ format: 'eping-xlsx', encoding: null, rowsRead: 1 });
    expect(records).toEqual([
      {
        row: 2,
        symbol: 'G/TBT/N/SAU/1001',
        area: 'TBT',
        memberCode: 'SAU',
        memberName: 'Saudi Arabia, Kingdom of',
        baseSymbol: 'G/TBT/N/SAU/1001',
        parentSymbol: null,
        docType: 'regular',
        title: 'Draft technical regulation for electric vehicles',
        description: 'The draft sets requirements and test methods for electric passenger cars.',
        products: 'Electric vehicles',
        hsCodes: ['8703.80', '8703.40', '8507'],
        icsCodes: ['43.120'],
        keywords: ['Electric vehicles', 'Batteries', 'Charging'],
        objectives: ['Protection of human health or safety', 'Consumer information, labelling'],
        notificationType: 'Regular notification',
        distributionDate: '2024-03-01',
        commentDeadline: '2024-04-30',
        documentLinks: ['https://docs.wto.org/a.pdf', 'https://members.wto.org/b.pdf', 'https://www.saso.gov.sa/c.pdf'],
        links: {
          en: 'https://docs.wto.org/en/sau-1001',
          fr: 'https://docs.wto.org/fr/sau-1001',
          es: 'https://docs.wto.org/es/sau-1001',
        },
        proposedAdoption: null,
        proposedEntryIntoForce: null,
        countriesAffected: [],
        jointSymbols: [],
      },
    ]);
  });

  it('reads Excel date cells, serial numbers, dd/mm/yyyy and ISO text dates alike', async () => {
    const file = await writeEpingXlsx(tmp.file('dates.xlsx'), [
      epingRow({ 'Document symbol': 'G/TBT/N/CHN/1', 'Distribution date': new Date(Date.UTC(2023, 10, 1)), 'Final date for comments': null }),
      epingRow({ 'Document symbol': 'G/TBT/N/CHN/2', 'Distribution date': 45231, 'Final date for comments': 45291 }),
      epingRow({ 'Document symbol': 'G/TBT/N/CHN/3', 'Distribution date': '1/11/2023', 'Final date for comments': '31/12/2023' }),
      epingRow({ 'Document symbol': 'G/TBT/N/CHN/4', 'Distribution date': '2023-11-01', 'Final date for comments': '2023-12-31T00:00:00' }),
    ]);
    const { records, rejections } = await readAll(file);
    expect(rejections).toEqual([]);
    expect(records.map((r) => [r.symbol, r.distributionDate, r.commentDeadline])).toEqual([
      ['G/TBT/N/CHN/1', '2023-11-01', null],
      ['G/TBT/N/CHN/2', '2023-11-01', '2023-12-31'],
      ['G/TBT/N/CHN/3', '2023-11-01', '2023-12-31'],
      ['G/TBT/N/CHN/4', '2023-11-01', '2023-12-31'],
    ]);
  });

  it('reads dates of a workbook that counts from 1904', async () => {
    const file = await writeEpingXlsx(
      tmp.file('mac.xlsx'),
      [epingRow({ 'Distribution date': new Date(Date.UTC(2024, 2, 1)), 'Final date for comments': '30/04/2024' })],
      { date1904: true },
    );
    const { records } = await readAll(file);
    expect(records[0]).toMatchObject({ distributionDate: '2024-03-01', commentDeadline: '2024-04-30' });
  });

  it('refuses a workbook whose sheet XML is broken', async () => {
    const file = writeHandmadeXlsx(tmp.file('broken.xlsx'), sheetXml(inlineRowXml(1, ['Document symbol', 'Title'])).replace('</sheetData>', ''));
    const { error } = await readFailure(file);
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toMatch(/^The workbook could not be read: /);
  });

  it('gives one record per symbol of a joint cell, each with its own member', async () => {
    const file = await writeEpingXlsx(tmp.file('joint.xlsx'), [
      epingRow({ 'Document symbol': 'G/TBT/N/ARE/560, G/TBT/N/BHR/611,  G/TBT/N/KWT/620,G/TBT/N/SAU/1230' }),
    ]);
    const { records, report } = await readAll(file);
    const all = ['G/TBT/N/ARE/560', 'G/TBT/N/BHR/611', 'G/TBT/N/KWT/620', 'G/TBT/N/SAU/1230'];
    expect(records.map((r) => [r.symbol, r.memberCode, r.row])).toEqual([
      ['G/TBT/N/ARE/560', 'ARE', 2],
      ['G/TBT/N/BHR/611', 'BHR', 2],
      ['G/TBT/N/KWT/620', 'KWT', 2],
      ['G/TBT/N/SAU/1230', 'SAU', 2],
    ]);
    for (const r of records) expect(r.jointSymbols).toEqual(all);
    expect(report?.rowsRead).toBe(1);
  });

  it('rejects an impossible date with row, column and reason while the other rows come through', async () => {
    const file = await writeEpingXlsx(tmp.file('bad-date.xlsx'), [
      epingRow({ 'Document symbol': 'G/SPS/N/KAZ/10' }),
      epingRow({ 'Document symbol': 'G/SPS/N/KAZ/11', 'Distribution date': '31/02/2024' }),
      epingRow({ 'Document symbol': 'G/SPS/N/KAZ/12' }),
    ]);
    const { records, rejections, report } = await readAll(file);
    expect(records.map((r) => r.symbol)).toEqual(['G/SPS/N/KAZ/10', 'G/SPS/N/KAZ/12']);
    expect(rejections).toEqual([
      {
        row: 3,
        field: 'Distribution date',
        reason: "'31/02/2024' is not a valid date",
        value: '31/02/2024',
        code: 'DATE_NOT_VALID',
        params: { value: '31/02/2024' },
      },
    ]);
    expect(report?.rowsRead).toBe(3);
  });

  it('rejects a symbol that does not parse and skips empty rows silently', async () => {
    const file = await writeEpingXlsx(tmp.file('bad-symbol.xlsx'), [
      epingRow({ 'Document symbol': 'G/TBT/N/KGZ/5' }),
      BLANK_ROW,
      epingRow({ 'Document symbol': 'G/TBT/W/123' }),
      BLANK_ROW,
      epingRow({ 'Document symbol': 'G/TBT/N/IND/77, not a symbol' }),
      epingRow({ 'Document symbol': null }),
    ]);
    const { records, rejections, report } = await readAll(file);
    expect(records.map((r) => [r.row, r.symbol, r.jointSymbols])).toEqual([
      [2, 'G/TBT/N/KGZ/5', []],
      [6, 'G/TBT/N/IND/77', []],
    ]);
    expect(rejections).toEqual([
      {
        row: 4,
        field: 'Document symbol',
        reason: "'G/TBT/W/123' is not a WTO notification symbol (expected G/TBT/N/<member>/<number>)",
        value: 'G/TBT/W/123',
        code: 'SYMBOL_NOT_VALID',
        params: { value: 'G/TBT/W/123' },
      },
      {
        row: 6,
        field: 'Document symbol',
        reason: "'not a symbol' is not a WTO notification symbol (expected G/TBT/N/<member>/<number>)",
        value: 'not a symbol',
        code: 'SYMBOL_NOT_VALID',
        params: { value: 'not a symbol' },
      },
      { row: 7, field: 'Document symbol', reason: 'the row has no document symbol', code: 'NO_SYMBOL' },
    ]);
    expect(report?.rowsRead).toBe(4);
  });

  it('keeps Russian and Arabic titles as written', async () => {
    const ru = 'О безопасности колесных транспортных средств';
    const ar = 'مشروع لائحة فنية للمركبات الكهربائية';
    const file = await writeEpingXlsx(tmp.file('languages.xlsx'), [
      epingRow({ 'Document symbol': 'G/TBT/N/RUS/140', Title: ru, 'Notifying Member': 'Russian Federation' }),
      epingRow({ 'Document symbol': 'G/TBT/N/ARE/600', Title: `<b>${ar}</b>` }),
    ]);
    const { records } = await readAll(file);
    expect(records.map((r) => r.title)).toEqual([ru, ar]);
    expect(records[0]?.memberName).toBe('Russian Federation');
  });

  it('marks emergency notifications, but not their addenda', async () => {
    const file = await writeEpingXlsx(tmp.file('emergency.xlsx'), [
      epingRow({ 'Document symbol': 'G/SPS/N/TUR/1400', 'Notification type': 'Emergency notification' }),
      epingRow({ 'Document symbol': 'G/SPS/N/TUR/1400/Add.1', 'Notification type': 'Emergency notification' }),
      epingRow({ 'Document symbol': 'g/sps/n/tur/1400/rev 1', 'Notification type': 'Revision' }),
    ]);
    const { records } = await readAll(file);
    expect(records.map((r) => [r.symbol, r.docType, r.parentSymbol, r.baseSymbol])).toEqual([
      ['G/SPS/N/TUR/1400', 'emergency', null, 'G/SPS/N/TUR/1400'],
      ['G/SPS/N/TUR/1400/Add.1', 'addendum', 'G/SPS/N/TUR/1400', 'G/SPS/N/TUR/1400'],
      ['G/SPS/N/TUR/1400/Rev.1', 'revision', 'G/SPS/N/TUR/1400', 'G/SPS/N/TUR/1400'],
    ]);
  });

  it('finds the header below title rows, matching headers regardless of case and spacing', async () => {
    const headers = [' document symbol', 'TITLE', 'Distribution  Date', 'Link to notification (EN)', '(fr)', '( ES )'];
    const file = await writeEpingXlsx(
      tmp.file('loose-headers.xlsx'),
      [
        {
          [headers[0]!]: 'G/TBT/N/PAK/90',
          [headers[1]!]: 'Standard for cement',
          [headers[2]!]: '02/01/2025',
          [headers[3]!]: 'https://en.example/1',
          [headers[4]!]: 'https://fr.example/1',
          [headers[5]!]: 'https://es.example/1',
        } as Record<string, string>,
      ],
      { headers, preamble: [['ePing — notifications export'], ['Generated 21/11/2026']] },
    );
    const { records } = await readAll(file);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      row: 4,
      symbol: 'G/TBT/N/PAK/90',
      title: 'Standard for cement',
      distributionDate: '2025-01-02',
      links: { en: 'https://en.example/1', fr: 'https://fr.example/1', es: 'https://es.example/1' },
      memberName: '',
      hsCodes: [],
    });
  });

  it('takes the target of a HYPERLINK() formula in link columns', async () => {
    const file = await writeEpingXlsx(tmp.file('formula-link.xlsx'), [
      epingRow({ 'Link to notification(EN)': { formula: 'HYPERLINK("https://docs.wto.org/en/x","EN")', result: 'EN' } }),
    ]);
    const { records } = await readAll(file);
    expect(records[0]?.links.en).toBe('https://docs.wto.org/en/x');
  });

  it('refuses a workbook without the required headers, listing what is missing and what was found', async () => {
    const file = await writeEpingXlsx(tmp.file('no-title.xlsx'), [{ 'Document symbol': 'G/TBT/N/SAU/1' }], {
      headers: ['Document symbol', 'Notifying Member', 'Description'],
    });
    const { error } = await readFailure(file);
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toBe(
      "The file is not an ePing export: the header row lacks 'Title'. Found 'Document symbol', 'Notifying Member', 'Description'.",
    );
    const other = await writeEpingXlsx(tmp.file('other.xlsx'), [{ Name: 'x' } as Record<string, string>], {
      headers: ['Name', 'Amount'],
    });
    const second = await readFailure(other);
    expect(second.error.code).toBe('IMPORT_REJECTED');
    expect(second.error.message).toContain("lacks 'Document symbol' and 'Title'. Found 'Name', 'Amount'.");
  });

  it('reports progress that advances with the rows and ends with every byte read', async () => {
    const file = tmp.file('progress.xlsx');
    await writeSyntheticEping(file, { rows: 1200, seed: 7 });
    const calls: Array<[number, number, number]> = [];
    const result = await parseOnly(file, { onProgress: (rows, bytes, total) => calls.push([rows, bytes, total]) });
    expect(result.rowsRead).toBe(1200);
    expect(result.records).toBeGreaterThanOrEqual(1200);
    expect(result.rejections).toBe(0);
    // First the workbook is checked: no row yet, the bar moving by at least a per cent of the
    // file at a time. Then every 500 rows, and as the shared strings the rows need are read;
    // then the end.
    const opening = calls.filter((c) => c[0] === 0);
    expect(opening.length).toBeGreaterThan(5);
    expect(opening.length).toBeLessThanOrEqual(101);
    const rowCounts = calls.filter((c) => c[0] > 0).map((c) => c[0]);
    expect(rowCounts).toEqual([...rowCounts].sort((a, b) => a - b));
    expect(rowCounts).toEqual(expect.arrayContaining([500, 1000, 1200]));
    expect(rowCounts.at(-1)).toBe(1200);
    expect(calls.length).toBeLessThanOrEqual(2 * 101 + 3);
    const bytes = calls.map((c) => c[1]);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    const total = calls[0]![2];
    // The rows and the strings they need share what the checks leave: row 500 of 1200 is past
    // the checks and short of the end.
    const atRow500 = calls.find((c) => c[0] === 500)!;
    expect(atRow500[1] / total).toBeGreaterThan(opening[opening.length - 1]![1] / total);
    expect(atRow500[1] / total).toBeLessThan(0.9);
    expect(calls[calls.length - 1]![1]).toBe(total);
  });

  it('stops with CANCELLED when the signal aborts between rows', async () => {
    const file = tmp.file('cancel.xlsx');
    await writeSyntheticEping(file, { rows: 3000, seed: 3 });
    const controller = new AbortController();
    let seen = 0;
    const reading = readNotificationsFile(file, { signal: controller.signal });
    const run = async (): Promise<unknown> => {
      try {
        for await (const event of reading) {
          if (event.kind === 'record' && ++seen === 10) controller.abort();
        }
      } catch (err) {
        return err;
      }
      return null;
    };
    const error = await run();
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(seen).toBeLessThan(20);

    const aborted = new AbortController();
    aborted.abort();
    const before = await readFailure(file, { signal: aborted.signal });
    expect(before.error.code).toBe('CANCELLED');
    expect(before.recordsBefore).toBe(0);
  });

  it('with its checks shared, parses nothing before the other thread has checked its parts', async () => {
    const file = await writeEpingXlsx(tmp.file('shared-checks.xlsx'), [epingRow()]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const reading = readNotificationsFile(file, {
      sharedChecks: {
        othersChecked: () => {
          asked++;
          return gate;
        },
      },
    });
    const events = reading[Symbol.asyncIterator]();
    let first: unknown = null;
    const next = events.next().then((r) => (first = r.value));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).toBe(1);
    expect(first).toBeNull();
    release();
    await next;
    expect(first).toMatchObject({ kind: 'record', record: { symbol: 'G/TBT/N/SAU/1001' } });

    // A part the other thread refuses ends the reading with its error, before any row.
    const refused = readNotificationsFile(file, {
      sharedChecks: { othersChecked: () => Promise.reject(new Error('refused elsewhere')) },
    });
    await expect(refused[Symbol.asyncIterator]().next()).rejects.toThrow('refused elsewhere');
  });
});
