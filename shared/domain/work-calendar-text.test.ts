import { describe, expect, it } from 'vitest';
import { mergeCalendar, parseCalendarText } from './work-calendar-text';

describe('pasting the work calendar', () => {
  it('reads single days and spans in the forms a notice is copied in, the later line winning', () => {
    const { entries, errors } = parseCalendarText(
      [
        '# 国庆节、中秋节',
        '2026-10-01 至 2026-10-03 休 国庆节',
        '2026年9月27日 班 国庆节调休',
        '',
        '2026/10/10, workday, make-up day',
        '2026-10-03 班 changed my mind',
        '2026.1.1 holiday New Year',
      ].join('\r\n'),
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { date: '2026-01-01', kind: 'holiday', note: 'New Year' },
      { date: '2026-09-27', kind: 'workday', note: '国庆节调休' },
      { date: '2026-10-01', kind: 'holiday', note: '国庆节' },
      { date: '2026-10-02', kind: 'holiday', note: '国庆节' },
      { date: '2026-10-03', kind: 'workday', note: 'changed my mind' },
      { date: '2026-10-10', kind: 'workday', note: 'make-up day' },
    ]);
  });

  it('reads spans as the State Council notice writes them, the end without what it shares with the start', () => {
    const { entries, errors } = parseCalendarText(
      [
        '2027年2月6日至2月13日 休 春节',
        '2026年10月1日至7日 休 国庆节',
        '2026年12月31日至1月2日 休 元旦',
        '2027年5月1日（周六）至5日（周三）放假调休 劳动节',
        '2027-04-03 至 04-05 休 清明节',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    const days = (from: string, to: string): string[] => entries.filter((e) => e.date >= from && e.date <= to).map((e) => e.date);
    expect(days('2027-02-01', '2027-02-28')).toEqual(['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13']);
    expect(days('2026-10-01', '2026-10-31')).toHaveLength(7);
    expect(days('2026-12-31', '2027-01-02')).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(days('2027-05-01', '2027-05-31')).toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05']);
    expect(entries.find((e) => e.date === '2027-05-03')).toEqual({ date: '2027-05-03', kind: 'holiday', note: '劳动节' });
    expect(days('2027-04-01', '2027-04-30')).toEqual(['2027-04-03', '2027-04-04', '2027-04-05']);
    expect(entries.find((e) => e.date === '2027-02-13')?.note).toBe('春节');
  });

  it('still refuses a span that ends before it starts, or a day the shortened end does not have', () => {
    const { errors } = parseCalendarText(['2026年10月8日至10月1日 休', '2026年2月27日至30日 休', '2026年10月1日至 休'].join('\n'));
    expect(errors.map((e) => e.problem)).toEqual(['order', 'date', 'format']);
  });

  it('names the line and the reason of each line it cannot read, and keeps the others', () => {
    const { entries, errors } = parseCalendarText(
      ['2026-02-30 休', '2026-10-01 rest', 'next Monday 休', '2026-10-08 至 2026-10-01 休', '2026-01-01 至 2026-03-01 休', '2026-05-01 休'].join('\n'),
    );
    expect(errors).toEqual([
      { line: 1, text: '2026-02-30 休', problem: 'date' },
      { line: 2, text: '2026-10-01 rest', problem: 'kind', word: 'rest' },
      { line: 3, text: 'next Monday 休', problem: 'format' },
      { line: 4, text: '2026-10-08 至 2026-10-01 休', problem: 'order' },
      { line: 5, text: '2026-01-01 至 2026-03-01 休', problem: 'span' },
    ]);
    expect(entries).toEqual([{ date: '2026-05-01', kind: 'holiday', note: '' }]);
  });

  it('merges pasted days into the calendar, replacing days already there', () => {
    const merged = mergeCalendar(
      [{ date: '2026-10-01', kind: 'holiday', note: 'old' }, { date: '2026-01-01', kind: 'holiday', note: '元旦' }],
      [{ date: '2026-10-01', kind: 'workday', note: 'new' }, { date: '2026-05-01', kind: 'holiday', note: '' }],
    );
    expect(merged.map((e) => `${e.date} ${e.kind} ${e.note}`)).toEqual(['2026-01-01 holiday 元旦', '2026-05-01 holiday ', '2026-10-01 workday new']);
  });
});
