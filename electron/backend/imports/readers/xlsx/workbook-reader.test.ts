import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir } from '../../../../../test/fixtures/eping-fixtures';
import { deflatedEntry, writeZip } from '../../../../../test/fixtures/zip-writer';
import { SharedStrings } from './shared-strings';
import { columnOfRef, XlsxWorkbook, type SheetRow } from './workbook-reader';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const tmp = fixtureDir();
afterAll(() => tmp.cleanup());

/**
 * A workbook as other writers lay it out: the second sheet first in the zip, the shared strings
 * last, worksheets named by relationship rather than by number, and (optionally) every element
 * with an x: prefix.
 */
function writeWorkbook(
  name: string,
  sheets: { first: string; second: string },
  sharedStrings: string,
  options: { date1904?: boolean; mainPart?: string } = {},
): string {
  const file = tmp.file(name);
  const main = options.mainPart ?? 'xl/workbook.xml';
  writeZip(file, [
    deflatedEntry('[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
    deflatedEntry(
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${main}"/></Relationships>`,
    ),
    deflatedEntry('xl/worksheets/data.xml', sheets.second),
    deflatedEntry(
      main,
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
        (options.date1904 ? '<workbookPr date1904="1"/>' : '') +
        '<sheets><sheet name="Cover" sheetId="1" r:id="rId7"/><sheet name="Data" sheetId="2" r:id="rId8"/></sheets></workbook>',
    ),
    deflatedEntry(
      main.replace(/^xl\/(.*)$/, 'xl/_rels/$1.rels'),
      `${XML}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId7" Type="${REL}/worksheet" Target="worksheets/cover.xml"/>` +
        `<Relationship Id="rId8" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/>` +
        `<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="strings.xml"/>` +
        `<Relationship Id="rId10" Type="${REL}/hyperlink" Target="https://www.wto.org/" TargetMode="External"/>` +
        '</Relationships>',
    ),
    deflatedEntry('xl/worksheets/cover.xml', sheets.first),
    deflatedEntry('xl/strings.xml', sharedStrings),
  ]);
  return file;
}

async function readSheets(file: string): Promise<{ workbook: XlsxWorkbook; rows: Record<string, SheetRow[]> }> {
  const workbook = await XlsxWorkbook.open(file);
  try {
    const rows: Record<string, SheetRow[]> = {};
    for (const sheet of workbook.sheets) {
      rows[sheet.name] = [];
      for await (const row of workbook.rows(sheet, () => {})) rows[sheet.name]!.push(row);
    }
    return { workbook, rows };
  } finally {
    workbook.close();
  }
}

const SHARED = `${XML}<sst xmlns="${MAIN}" count="3" uniqueCount="3">` +
  '<si><t>Electric vehicles</t></si>' +
  // Rich text runs join; phonetic guides (rPh) are not part of the text.
  '<si><r><rPr><b/></rPr><t xml:space="preserve">Лекарственные </t></r><r><t>средства</t></r><rPh sb="0" eb="1"><t>IGNORED</t></rPh></si>' +
  '<si><t>line one_x000D_&#10;line two &amp; more</t></si>' +
  '</sst>';

describe('the XLSX workbook reader', () => {
  it('reads sheets in workbook order through their relationships, with every kind of cell', async () => {
    const cover = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const data =
      `${XML}<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      '<x:row r="3">' +
      '<x:c r="A3" t="s"><x:v>1</x:v></x:c>' +
      '<x:c r="C3" t="inlineStr"><x:is><x:r><x:t>GSO </x:t></x:r><x:r><x:t>2530</x:t></x:r></x:is></x:c>' +
      '<x:c r="D3" t="b"><x:v>1</x:v></x:c>' +
      '<x:c r="E3" t="e"><x:v>#N/A</x:v></x:c>' +
      '<x:c r="F3"><x:v>45413</x:v></x:c>' +
      '<x:c r="G3" t="d"><x:v>2024-05-01T00:00:00</x:v></x:c>' +
      '<x:c r="H3" t="str"><x:f>HYPERLINK("https://docs.wto.org/a.pdf","a.pdf")</x:f><x:v>a.pdf</x:v></x:c>' +
      '<x:c r="I3" t="s"><x:v>2</x:v></x:c>' +
      '<x:c r="J3" t="s"><x:v>99</x:v></x:c>' +
      '</x:row>' +
      // No r attributes: rows and cells are counted.
      '<x:row><x:c><x:v>1.5</x:v></x:c><x:c t="inlineStr"><x:is><x:t>next</x:t></x:is></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const { workbook, rows } = await readSheets(writeWorkbook('kinds.xlsx', { first: cover, second: data }, SHARED));

    expect(workbook.sheets).toEqual([
      { name: 'Cover', part: 'xl/worksheets/cover.xml' },
      { name: 'Data', part: 'xl/worksheets/data.xml' },
    ]);
    expect(workbook.date1904).toBe(false);
    expect(rows.Cover).toEqual([{ number: 1, values: ['Electric vehicles'], formulas: null, lastColumn: 1 }]);
    const [third, fourth] = rows.Data as [SheetRow, SheetRow];
    expect(third.number).toBe(3);
    expect(third.lastColumn).toBe(10);
    expect([...third.values]).toEqual([
      'Лекарственные средства', undefined, 'GSO 2530', 'TRUE', null, 45413, '2024-05-01T00:00:00', 'a.pdf',
      'line one\r\nline two & more',
      // An index past the table is an empty cell, not an error.
      null,
    ]);
    expect(third.formulas?.[7]).toBe('HYPERLINK("https://docs.wto.org/a.pdf","a.pdf")');
    expect(fourth).toEqual({ number: 4, values: [1.5, 'next'], formulas: null, lastColumn: 2 });
  });

  it('finds the workbook part through the package relationships wherever it is', async () => {
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const { workbook, rows } = await readSheets(writeWorkbook('main.xlsx', { first: sheet, second: sheet }, SHARED, { mainPart: 'xl/book.xml' }));
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Cover', 'Data']);
    expect(rows.Data?.[0]?.values).toEqual(['Electric vehicles']);
  });

  it('knows a workbook that counts dates from 1904', async () => {
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
    const { workbook } = await readSheets(writeWorkbook('1904.xlsx', { first: sheet, second: sheet }, SHARED, { date1904: true }));
    expect(workbook.date1904).toBe(true);
  });

  it('lets a refused cell out only after the rows before it', async () => {
    const sheet =
      `${XML}<worksheet xmlns="${MAIN}"><sheetData>` +
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' +
      '<row r="3"><c r="ZZ3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>' +
      '</sheetData></worksheet>';
    const workbook = await XlsxWorkbook.open(writeWorkbook('limit.xlsx', { first: sheet, second: sheet }, SHARED));
    const seen: number[] = [];
    try {
      const refuse = (row: number, col: number): void => {
        if (col > 26) throw new RangeError(`column ${col} in row ${row}`);
      };
      await expect(async () => {
        for await (const row of workbook.rows(workbook.sheets[0]!, refuse)) seen.push(row.number);
      }).rejects.toThrow('column 702 in row 3');
    } finally {
      workbook.close();
    }
    expect(seen).toEqual([1, 2]);
  });

  it('reads the shared strings as the rows need them, in the order writers number them or in any other', async () => {
    // 30,000 strings, about 1 MB: several of the reader's pieces.
    const count = 30_000;
    const text = (i: number): string => `${i} 电池安全 ${'x'.repeat(i % 40)}`;
    const strings = `${XML}<sst xmlns="${MAIN}">${Array.from({ length: count }, (_, i) => `<si><t>${text(i)}</t></si>`).join('')}</sst>`;
    const sheetOf = (indexes: number[]): string =>
      `${XML}<worksheet xmlns="${MAIN}"><sheetData>` +
      indexes.map((index, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${index}</v></c><c r="B${r + 1}"><v>${r}</v></c></row>`).join('') +
      '</sheetData></worksheet>';
    const inOrder = Array.from({ length: count }, (_, i) => i);
    // The last string first, then the rest: the first row waits for the whole table.
    const outOfOrder = [count - 1, ...inOrder.slice(0, -1)];

    for (const indexes of [inOrder, outOfOrder]) {
      const sheet = sheetOf(indexes);
      const workbook = await XlsxWorkbook.open(writeWorkbook(`lazy-${indexes[0]}.xlsx`, { first: sheet, second: sheet }, strings));
      try {
        const shares: number[] = [];
        let pieces = 0;
        const values: unknown[] = [];
        for await (const row of workbook.rows(workbook.sheets[0]!, () => {}, () => pieces++)) {
          shares.push(workbook.sharedStringsRead);
          values.push(row.values[0]);
        }
        expect(values).toEqual(indexes.map(text));
        expect(shares.at(-1)).toBe(1);
        if (indexes === inOrder) {
          // The first row came out with only the first piece of the table read.
          expect(shares[0]).toBeLessThan(0.5);
          expect(pieces).toBeGreaterThan(1);
        } else expect(shares[0]).toBe(1);
      } finally {
        workbook.close();
      }
    }
  });

  it('reports shared strings that are not well-formed with their part', async () => {
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>`;
    const broken = `${XML}<sst xmlns="${MAIN}"><si><t>one</t></si><si><t>two</si></sst>`;
    await expect(readSheets(writeWorkbook('broken-strings.xlsx', { first: sheet, second: sheet }, broken))).rejects.toThrow(
      /the part 'xl\/strings\.xml' cannot be read/,
    );
  });

  it('reports XML that is not well-formed with the part it is in', async () => {
    const broken = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row><c><v>1</c></row></sheetData></worksheet>`;
    await expect(readSheets(writeWorkbook('broken.xlsx', { first: broken, second: broken }, SHARED))).rejects.toThrow(
      /the part 'xl\/worksheets\/cover\.xml' cannot be read/,
    );
  });

  it('reads stored parts, and refuses a part that inflates to more or fewer bytes than the directory says', async () => {
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>one</t></is></c></row></sheetData></worksheet>`;
    const part = 'xl/worksheets/sheet1.xml';
    const bytes = Buffer.from(sheet, 'utf8');
    const stored = tmp.file('stored-part.xlsx');
    writeZip(stored, [{ name: part, stored: bytes, method: 0, crc: zlib.crc32(bytes), uncompressedSize: bytes.length }]);
    expect((await readSheets(stored)).rows['sheet 1']!.map((r) => r.values)).toEqual([['one']]);

    // The reader does not rely on the checks that run before it (inspect-xlsx.ts) for this.
    const deflated = deflatedEntry(part, sheet);
    const longer = tmp.file('inflates-longer.xlsx');
    writeZip(longer, [{ ...deflated, declaredUncompressedSize: deflated.uncompressedSize - 10 }]);
    await expect(readSheets(longer)).rejects.toThrow(
      `the part '${part}' cannot be read: it inflates beyond the ${bytes.length - 10} bytes its directory declares`,
    );
    const shorter = tmp.file('inflates-shorter.xlsx');
    writeZip(shorter, [{ ...deflated, declaredUncompressedSize: deflated.uncompressedSize + 10 }]);
    await expect(readSheets(shorter)).rejects.toThrow(
      `the part '${part}' cannot be read: it holds ${bytes.length} bytes, not the ${bytes.length + 10} its directory declares`,
    );
  });

  it('turns cell references into column numbers', () => {
    expect([columnOfRef('A1'), columnOfRef('Z9'), columnOfRef('AA10'), columnOfRef('XFD1048576'), columnOfRef('12')]).toEqual([1, 26, 27, 16384, 0]);
  });
});

describe('the shared-string table', () => {
  it('gives back every string across block boundaries, in any script', () => {
    const table = new SharedStrings();
    const texts: string[] = [];
    // About 20 MB of text: more than one 16 MB block.
    for (let i = 0; i < 40_000; i++) texts.push(`${i} ${'电池安全 Батареи '.repeat(i % 50)}${'x'.repeat(i % 700)}`);
    for (const t of texts) table.add(t);
    table.add('');
    expect(table.size).toBe(texts.length + 1);
    for (let i = 0; i < texts.length; i += 997) expect(table.get(i)).toBe(texts[i]);
    expect(table.get(texts.length - 1)).toBe(texts[texts.length - 1]);
    expect(table.get(texts.length)).toBe('');
    expect([table.get(-1), table.get(texts.length + 1), table.get(1.5)]).toEqual([undefined, undefined, undefined]);
  });
});
