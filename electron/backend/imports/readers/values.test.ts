import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  htmlToText,
  parseCodeList,
  parseDate,
  parseUrl,
  parseUrlList,
  splitList,
  truncateValue,
} from './values';

describe('parseDate', () => {
  it('reads Excel Date cells as the UTC calendar day exceljs means', () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 1)))).toEqual({ ok: true, value: '2024-03-01' });
    // Serial arithmetic can land a hair before midnight.
    expect(parseDate(new Date(Date.UTC(2024, 2, 1) - 1))).toEqual({ ok: true, value: '2024-03-01' });
  });

  it('reads Excel serial numbers, with or without a time fraction', () => {
    expect(parseDate(45231)).toEqual({ ok: true, value: '2023-11-01' });
    expect(parseDate(45231.75)).toEqual({ ok: true, value: '2023-11-01' });
    expect(parseDate('45231')).toEqual({ ok: true, value: '2023-11-01' });
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
  });

  it('rejects serials that are no day at all', () => {
    for (const bad of [0, -3, 60, 3_000_000, Number.NaN]) expect(parseDate(bad).ok, String(bad)).toBe(false);
  });

  it('reads day-first text dates and ISO dates and date-times', () => {
    const cases: Array<[string, string]> = [
      ['01/03/2024', '2024-03-01'],
      ['1/3/2024', '2024-03-01'],
      ['01.03.2024', '2024-03-01'],
      ['2024-03-01', '2024-03-01'],
      ['2024-03-01T00:00:00', '2024-03-01'],
      ['2024-03-01T10:30:00+03:00', '2024-03-01'],
      ['2024-03-01T00:00:00.000Z', '2024-03-01'],
      ['2024/3/1', '2024-03-01'],
      ['1 March 2024', '2024-03-01'],
      ['March 1, 2024', '2024-03-01'],
      ['29/02/2024', '2024-02-29'],
      ['  15/11/2026 ', '2026-11-15'],
    ];
    for (const [text, iso] of cases) expect(parseDate(text), text).toEqual({ ok: true, value: iso });
  });

  it('rejects impossible dates with a sentence naming the value', () => {
    const params = (value: string) => ({ value });
    expect(parseDate('31/02/2024')).toEqual({ ok: false, reason: "'31/02/2024' is not a valid date", code: 'DATE_NOT_VALID', params: params('31/02/2024') });
    expect(parseDate('29/02/2023')).toEqual({ ok: false, reason: "'29/02/2023' is not a valid date", code: 'DATE_NOT_VALID', params: params('29/02/2023') });
    expect(parseDate('2024-13-01')).toEqual({ ok: false, reason: "'2024-13-01' is not a valid date", code: 'DATE_NOT_VALID', params: params('2024-13-01') });
    expect(parseDate('1 Mars 2024')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("'Mars' is not a month"),
      code: 'DATE_UNKNOWN_MONTH',
      params: { value: '1 Mars 2024', month: 'Mars' },
    });
    expect(parseDate('next spring')).toEqual({
      ok: false,
      reason: "'next spring' is not a date; expected dd/mm/yyyy or yyyy-mm-dd",
      code: 'DATE_FORMAT',
      params: params('next spring'),
    });
  });

  it('takes empty cells and placeholders for no date', () => {
    for (const empty of [null, undefined, '', '   ', 'N/A', 'Not applicable', '-']) {
      expect(parseDate(empty), String(empty)).toEqual({ ok: true, value: null });
    }
  });
});

describe('htmlToText', () => {
  it('drops tags, turns paragraphs and breaks into newlines and decodes entities', () => {
    expect(htmlToText('<p>Draft <b>technical</b> regulation</p><p>Second&nbsp;part</p>')).toBe(
      'Draft technical regulation\n\nSecond part',
    );
    expect(htmlToText('Line one<br/>Line two<BR>Line three')).toBe('Line one\nLine two\nLine three');
    expect(htmlToText('&lt;5 mg/kg&gt; &amp; &quot;limits&quot; &#8212; &eacute;')).toBe('<5 mg/kg> & "limits" — é');
  });

  it('keeps a bare less-than sign that opens no tag', () => {
    expect(htmlToText('pH < 7 and lead <= 0.1 mg')).toBe('pH < 7 and lead <= 0.1 mg');
  });

  it('collapses whitespace but keeps one blank line between paragraphs', () => {
    expect(htmlToText('  Cars \t and\u00a0 vans  \r\n\r\n\r\n\r\n trucks ')).toBe('Cars and vans\n\ntrucks');
  });

  it('drops scripts, styles and comments entirely', () => {
    expect(htmlToText('<style>p{color:red}</style>Title<!-- note --><script>alert(1)</script>')).toBe('Title');
  });

  it('keeps Russian, Arabic, Spanish and Chinese text intact', () => {
    const texts = [
      'Технический регламент «О безопасности колесных транспортных средств»',
      'مشروع لائحة فنية للمركبات الكهربائية',
      'Proyecto de reglamento técnico sobre eficiencia energética',
      '电动汽车 锂电池 光伏',
    ];
    for (const t of texts) expect(htmlToText(`<p>${t}</p>`)).toBe(t);
  });
});

describe('parseCodeList', () => {
  it('splits on commas, semicolons, newlines and spaces, keeps codes as written, dedupes', () => {
    expect(parseCodeList('8703.80, 870380; 8703.80\n8507 8541.40', 'hs')).toEqual(['8703.80', '870380', '8507', '8541.40']);
  });

  it('drops words and keeps the digits of decorated codes', () => {
    expect(parseCodeList('ex 8703; HS 87: Vehicles (8704)', 'hs')).toEqual(['8703', '87', '8704']);
  });

  it('restores the trailing zero a numeric cell lost', () => {
    expect(parseCodeList(8703.8, 'hs')).toEqual(['8703.80']);
    expect(parseCodeList(870380, 'hs')).toEqual(['870380']);
    expect(parseCodeList(43.12, 'ics')).toEqual(['43.120']);
  });

  it('reads ICS codes', () => {
    expect(parseCodeList('43.120; 29.220.10, 13.020', 'ics')).toEqual(['43.120', '29.220.10', '13.020']);
  });

  it('accepts arrays (WTO API) and empty cells', () => {
    expect(parseCodeList(['0302', '0303', 304], 'hs')).toEqual(['0302', '0303', '304']);
    expect(parseCodeList(null, 'hs')).toEqual([]);
    expect(parseCodeList('', 'ics')).toEqual([]);
  });
});

describe('splitList', () => {
  it('splits keywords on commas, semicolons and newlines and dedupes case-insensitively', () => {
    expect(splitList('Food safety, Animal health;Plant protection\nfood safety')).toEqual([
      'Food safety',
      'Animal health',
      'Plant protection',
    ]);
  });

  it('keeps ePing objective names that contain a comma whole', () => {
    expect(splitList('Consumer information, labelling; Protection of the environment')).toEqual([
      'Consumer information, labelling',
      'Protection of the environment',
    ]);
  });
});

describe('parseUrlList', () => {
  it('reads newline-separated links', () => {
    expect(parseUrlList('https://a.org/x.pdf\nhttps://b.org/y.pdf\r\nhttp://c.org/z.docx')).toEqual([
      'https://a.org/x.pdf',
      'https://b.org/y.pdf',
      'http://c.org/z.docx',
    ]);
  });

  it("also reads ' ; ', bare ';' and spaces, dropping what is not http(s)", () => {
    expect(parseUrlList('https://a.org/1.pdf ; https://a.org/2.pdf;https://a.org/3.pdf ftp://x.org/4 www.y.org')).toEqual([
      'https://a.org/1.pdf',
      'https://a.org/2.pdf',
      'https://a.org/3.pdf',
    ]);
  });

  it('strips trailing punctuation, keeps query strings and dedupes', () => {
    expect(parseUrlList('See https://a.org/x.asp?q=G/TBT/N/SAU/1&lang=en. and https://a.org/x.asp?q=G/TBT/N/SAU/1&lang=en')).toEqual([
      'https://a.org/x.asp?q=G/TBT/N/SAU/1&lang=en',
    ]);
  });

  it('gives a single link or null', () => {
    expect(parseUrl(' https://docs.wto.org/en ')).toBe('https://docs.wto.org/en');
    expect(parseUrl('not available')).toBeNull();
    expect(parseUrl(null)).toBeNull();
  });
});

describe('truncateValue', () => {
  it('cuts long values to 200 characters', () => {
    const cut = truncateValue('x'.repeat(1000));
    expect(cut).toHaveLength(200);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncateValue('short')).toBe('short');
  });
});
