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
