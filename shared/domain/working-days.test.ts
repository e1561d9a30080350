import { describe, expect, it } from 'vitest';
import { addWorkingDays, commentRisk, internalDeadline, isWorkingDay, workCalendar, workingDaysBetween } from './working-days';

describe('working days', () => {
  it('knows weekends', () => {
    expect(isWorkingDay('2026-03-13')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-16')).toBe(true); // Monday
  });

  it('adds working days across a weekend in both directions', () => {
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-16', -1)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
    expect(addWorkingDays('2026-03-14', 1)).toBe('2026-03-16');
    expect(() => addWorkingDays('2026-03-14', 1.5)).toThrow(/whole number/);
  });

  it('puts the internal deadline the given number of working days before the final date', () => {
    // Monday minus 5 working days is the Monday before.
    expect(internalDeadline('2026-03-16', 5)).toBe('2026-03-09');
    // Wednesday minus 3 skips the weekend: Tue, Mon, Fri.
    expect(internalDeadline('2026-03-18', 3)).toBe('2026-03-13');
    // A final date on a Saturday or Sunday: one working day before is the Friday.
    expect(internalDeadline('2026-03-14', 1)).toBe('2026-03-13');
    expect(internalDeadline('2026-03-15', 1)).toBe('2026-03-13');
    expect(internalDeadline('2026-03-15', 0)).toBe('2026-03-15');
    expect(() => internalDeadline('2026-03-15', -1)).toThrow(/negative/);
  });

  it('crosses month and year boundaries', () => {
    // Monday 1 June 2026 minus 5: 29, 28, 27, 26, 25 May.
    expect(internalDeadline('2026-06-01', 5)).toBe('2026-05-25');
    // Monday 4 January 2027 minus 3: Fri 1 Jan, Thu 31 Dec, Wed 30 Dec.
    expect(internalDeadline('2027-01-04', 3)).toBe('2026-12-30');
    // 1 March in a leap year: Wed 1 March 2028 minus 2 is Mon 28 Feb.
    expect(internalDeadline('2028-03-01', 2)).toBe('2028-02-28');
    expect(addWorkingDays('2028-02-28', 2)).toBe('2028-03-01');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-03-13', '2026-03-16')).toBe(1);
    expect(workingDaysBetween('2026-03-14', '2026-03-15')).toBe(0);
    expect(workingDaysBetween('2026-03-09', '2026-03-16')).toBe(5);
    expect(workingDaysBetween('2026-03-16', '2026-03-09')).toBe(-5);
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(260);
    expect(workingDaysBetween('2026-03-16', '2026-03-16')).toBe(0);
  });

  it('refuses dates that do not exist', () => {
    expect(() => internalDeadline('2026-02-30', 1)).toThrow(/calendar/);
    expect(() => internalDeadline('30/03/2026', 1)).toThrow(/YYYY-MM-DD/);
  });
});

describe('comment risk', () => {
  const final = '2026-03-16'; // Monday
  const internal = internalDeadline(final, 5); // Monday 2026-03-09

  it('is ok well before the internal deadline and once submitted', () => {
    expect(commentRisk('2026-02-20', internal, final, 'draft')).toBe('ok');
    expect(commentRisk('2026-03-20', internal, final, 'submitted')).toBe('ok');
    expect(commentRisk('2026-03-20', internal, final, 'closed')).toBe('ok');
  });

  it('is ok without a final date', () => {
    expect(commentRisk('2026-03-20', null, null, 'draft')).toBe('ok');
  });

  it('is due soon within five working days of the internal deadline', () => {
    // Monday 2 March to Monday 9 March is 5 working days.
    expect(commentRisk('2026-03-02', internal, final, 'in_review')).toBe('due-soon');
    expect(commentRisk('2026-02-27', internal, final, 'in_review')).toBe('ok');
    // Weekend days do not count: from Saturday or Sunday six working days are still left.
    expect(commentRisk('2026-02-28', internal, final, 'draft')).toBe('ok');
    expect(commentRisk('2026-03-01', internal, final, 'draft')).toBe('ok');
  });

  it('puts a draft at risk when review no longer fits, but not an approved comment', () => {
    // Friday 6 March: one working day (Monday) left.
    expect(commentRisk('2026-03-06', internal, final, 'draft')).toBe('at-risk');
    expect(commentRisk('2026-03-06', internal, final, 'approved')).toBe('due-soon');
  });

  it('is at risk once the internal deadline has passed and missed after the final date', () => {
    expect(commentRisk('2026-03-10', internal, final, 'approved')).toBe('at-risk');
    expect(commentRisk('2026-03-16', internal, final, 'approved')).toBe('at-risk');
    expect(commentRisk('2026-03-17', internal, final, 'approved')).toBe('missed');
  });
});

describe('working days on the team\u2019s calendar', () => {
  // An example schedule: eight days off from Thursday 1 October, Sunday 27 September and
  // Saturday 10 October worked instead.
  const calendar = workCalendar([
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
    { date: '2026-09-27', kind: 'workday' },
    { date: '2026-10-10', kind: 'workday' },
  ]);

  it('takes holidays off and counts the worked weekend days', () => {
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false); // a Thursday off
    expect(isWorkingDay('2026-09-27', calendar)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2026-10-01')).toBe(true); // without the calendar, a plain Thursday
  });

  it('moves the internal deadline before the holiday, onto a worked Sunday if need be', () => {
    // Final date Friday 9 October: one working day before is Wednesday 30 September.
    expect(internalDeadline('2026-10-09', 1, calendar)).toBe('2026-09-30');
    expect(internalDeadline('2026-10-09', 1)).toBe('2026-10-08');
    // Three before: Wed 30, Tue 29, Mon 28 September; four: the worked Sunday 27th.
    expect(internalDeadline('2026-10-09', 4, calendar)).toBe('2026-09-27');
    // The worked Saturday 10 October counts after the holiday.
    expect(addWorkingDays('2026-10-08', 1, calendar)).toBe('2026-10-09');
    expect(addWorkingDays('2026-10-09', 1, calendar)).toBe('2026-10-10');
  });

  it('counts working days across the holiday as day by day counting does', () => {
    expect(workingDaysBetween('2026-09-25', '2026-10-12', calendar)).toBe(7); // 27, 28, 29, 30 Sep; 9, 10, 12 Oct
    expect(workingDaysBetween('2026-10-12', '2026-09-25', calendar)).toBe(-7);
    for (const [from, to] of [['2026-09-20', '2026-10-20'], ['2026-10-02', '2026-10-07'], ['2026-09-26', '2026-09-27']] as const) {
      let days = 0;
      for (let d: string = from; d < to; ) {
        d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
        if (isWorkingDay(d, calendar)) days += 1;
      }
      expect(workingDaysBetween(from, to, calendar), `${from}..${to}`).toBe(days);
    }
  });

  it('flags a draft at risk when the holiday leaves no working days for review', () => {
    // On Tuesday 29 September, with the internal deadline on Friday 9 October: plain weeks
    // leave eight working days; the holiday leaves two (30 September and 9 October).
    expect(commentRisk('2026-09-29', '2026-10-09', '2026-10-16', 'draft')).toBe('ok');
    expect(commentRisk('2026-09-29', '2026-10-09', '2026-10-16', 'draft', calendar)).toBe('due-soon');
    expect(commentRisk('2026-09-30', '2026-10-09', '2026-10-16', 'draft', calendar)).toBe('at-risk');
  });
});
