import { describe, expect, it } from 'vitest';
import { CLOSING_SOON_DAYS, OVERDUE_DAYS, daysLeft, deadlineState, describeDeadline, isCalendarDate } from './deadline';

describe('daysLeft', () => {
  it('is 0 on the final date itself', () => {
    expect(daysLeft('2026-05-20', '2026-05-20')).toBe(0);
  });

  it('counts forward and backward in whole days', () => {
    expect(daysLeft('2026-05-21', '2026-05-20')).toBe(1);
    expect(daysLeft('2026-05-19', '2026-05-20')).toBe(-1);
    expect(daysLeft('2026-07-19', '2026-05-20')).toBe(60);
  });

  it('crosses month ends of every length', () => {
    expect(daysLeft('2026-02-01', '2026-01-31')).toBe(1);
    expect(daysLeft('2026-03-01', '2026-02-28')).toBe(1);
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2); // 2028 is a leap year
    expect(daysLeft('2026-05-01', '2026-04-30')).toBe(1);
  });

  it('crosses year ends', () => {
    expect(daysLeft('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysLeft('2026-12-31', '2027-01-01')).toBe(-1);
    expect(daysLeft('2027-01-10', '2026-12-20')).toBe(21);
  });

  it('is not shifted by daylight-saving changes', () => {
    // Europe and North America change clocks in late March and late October.
    expect(daysLeft('2026-03-30', '2026-03-28')).toBe(2);
    expect(daysLeft('2026-11-02', '2026-10-24')).toBe(9);
  });

  it('is null without a usable deadline', () => {
    expect(daysLeft(null, '2026-05-20')).toBeNull();
    expect(daysLeft(undefined, '2026-05-20')).toBeNull();
    expect(daysLeft('', '2026-05-20')).toBeNull();
    expect(daysLeft('2026-02-30', '2026-02-01')).toBeNull();
    expect(daysLeft('20 May 2026', '2026-05-01')).toBeNull();
    expect(daysLeft('2026-05-20', 'not a date')).toBeNull();
  });
});

describe('deadlineState', () => {
  it('marks passed deadlines overdue for a month, closed after that', () => {
    expect(deadlineState(-1)).toBe('overdue');
    expect(deadlineState(-OVERDUE_DAYS)).toBe('overdue');
    expect(deadlineState(-OVERDUE_DAYS - 1)).toBe('closed');
    expect(deadlineState(-400)).toBe('closed');
  });

  it('marks the final date itself and the days before it as closing soon', () => {
    expect(deadlineState(0)).toBe('closing-soon');
    expect(deadlineState(CLOSING_SOON_DAYS)).toBe('closing-soon');
    expect(deadlineState(CLOSING_SOON_DAYS + 1)).toBe('open');
  });

  it('takes a different closing-soon window', () => {
    expect(deadlineState(7, 5)).toBe('open');
    expect(deadlineState(5, 5)).toBe('closing-soon');
    expect(deadlineState(0, 0)).toBe('closing-soon');
  });

  it('has no mark without a deadline', () => {
    expect(deadlineState(null)).toBe('none');
  });
});

describe('describeDeadline', () => {
  it('gives both figures around today', () => {
    const today = '2026-12-25';
    expect(describeDeadline('2026-12-24', today)).toEqual({ daysLeft: -1, state: 'overdue' });
    expect(describeDeadline('2026-12-25', today)).toEqual({ daysLeft: 0, state: 'closing-soon' });
    expect(describeDeadline('2027-01-08', today)).toEqual({ daysLeft: 14, state: 'closing-soon' });
    expect(describeDeadline('2027-01-09', today)).toEqual({ daysLeft: 15, state: 'open' });
    expect(describeDeadline(null, today)).toEqual({ daysLeft: null, state: 'none' });
  });
});

describe('isCalendarDate', () => {
  it('accepts only dates that exist', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
  });
});
