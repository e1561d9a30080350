import { describe, expect, it } from 'vitest';
import { formOf, formProblems, initialForm, paramsOf, presetOf, presetPeriod } from './report-form';

describe('report periods and parameters', () => {
  it('counts the presets from today, across the turn of a year', () => {
    expect(presetPeriod('lastMonth', '2026-11-21')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('lastMonth', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('lastQuarter', '2026-11-21')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('lastQuarter', '2027-02-10')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('thisYear', '2026-11-21')).toEqual({ from: '2026-01-01', to: '2026-11-21' });
    expect(presetPeriod('custom', '2026-11-21')).toBeNull();
    expect(presetOf('2026-07-01', '2026-09-30', '2026-11-21')).toBe('lastQuarter');
    expect(presetOf('2026-07-02', '2026-09-30', '2026-11-21')).toBe('custom');
  });

  it('turns the form into parameters only when every field reads', () => {
    const form = { ...initialForm('2026-11-21'), issue: '3', compiler: ' 张敏 ' };
    expect(paramsOf(form)).toEqual({ kind: 'bulletin', from: '2026-10-01', to: '2026-10-31', member: null, issue: 3, compiler: '张敏', recommendations: '' });
    expect(formProblems({ ...form, from: '2026-13-01' })).toEqual(['from']);
    expect(formProblems({ ...form, from: '2026-11-01' })).toEqual(['order']);
    expect(formProblems({ ...form, issue: '0' })).toEqual(['issue']);
    expect(formProblems({ ...form, issue: 'x' })).toEqual(['issue']);
    expect(formProblems({ ...form, kind: 'country' })).toEqual(['member']);
    expect(paramsOf({ ...form, kind: 'country' })).toBeNull();
    // The issue belongs to the bulletin only; the other kinds ignore what the box holds.
    expect(paramsOf({ ...form, kind: 'country', member: 'GCC', issue: 'x' })).toMatchObject({ kind: 'country', member: 'GCC', issue: null });
  });

  it('gives back the form a report was made with', () => {
    const params = { kind: 'country' as const, from: '2026-07-01', to: '2026-09-30', member: 'KAZ', issue: null, compiler: '李强', recommendations: '跟踪。' };
    const form = formOf(params, '2026-11-21');
    expect(form).toEqual({ kind: 'country', preset: 'lastQuarter', from: '2026-07-01', to: '2026-09-30', member: 'KAZ', issue: '', compiler: '李强', recommendations: '跟踪。' });
    expect(paramsOf(form)).toEqual(params);
  });
});
