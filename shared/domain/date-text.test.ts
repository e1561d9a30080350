import { describe, expect, it } from 'vitest';
import { readDateText } from './date-text';

const iso = (text: string): string | null => {
  const r = readDateText(text);
  return r.kind === 'date' ? r.iso : null;
};

describe('readDateText', () => {
  it('reads the ways a date is written in notifications, exports and Chinese documents', () => {
    expect(iso('2026-11-21')).toBe('2026-11-21');
    expect(iso('2026-1-5')).toBe('2026-01-05');
    expect(iso('2026-11-21T08:30:00Z')).toBe('2026-11-21');
    expect(iso('2026/11/21')).toBe('2026-11-21');
    expect(iso('2026.11.21')).toBe('2026-11-21');
    expect(iso('2026年11月21日')).toBe('2026-11-21');
    expect(iso('2026 年 1 月 5 日')).toBe('2026-01-05');
    expect(iso('20261121')).toBe('2026-11-21');
    expect(iso('21/11/2026')).toBe('2026-11-21');
    expect(iso('5.1.2026')).toBe('2026-01-05');
    expect(iso('21-11-2026')).toBe('2026-11-21');
    expect(iso('21 November 2026')).toBe('2026-11-21');
    expect(iso('Nov. 21, 2026')).toBe('2026-11-21');
  });

  it('reads full-width digits and separators as a Chinese input method types them', () => {
    expect(iso('２０２６－１１－２１')).toBe('2026-11-21');
    expect(iso('２０２６年１１月２１日')).toBe('2026-11-21');
  });

  it('reads the day first: 03/04/2026 is the 3rd of April, never March 4th', () => {
    expect(iso('03/04/2026')).toBe('2026-04-03');
    expect(readDateText('11/21/2026')).toEqual({ kind: 'invalid', problem: 'calendar' });
  });

  it('tells a day that does not exist from text that is not a date', () => {
    expect(readDateText('31/02/2026')).toEqual({ kind: 'invalid', problem: 'calendar' });
    expect(readDateText('2026-13-01')).toEqual({ kind: 'invalid', problem: 'calendar' });
    expect(readDateText('2027-02-29')).toEqual({ kind: 'invalid', problem: 'calendar' });
    expect(iso('2028-02-29')).toBe('2028-02-29');
    expect(readDateText('next spring')).toEqual({ kind: 'invalid', problem: 'format' });
    expect(readDateText('2026-11')).toEqual({ kind: 'invalid', problem: 'format' });
    expect(readDateText('3 Brumaire 2026')).toEqual({ kind: 'invalid', problem: 'month', monthName: 'Brumaire' });
  });

  it('takes blanks and "no date" placeholders as no date', () => {
    for (const text of ['', '  ', 'N/A', 'not stated', '-', 'TBD']) expect(readDateText(text)).toEqual({ kind: 'empty' });
  });
});
