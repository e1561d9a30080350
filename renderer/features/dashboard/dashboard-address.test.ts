import { describe, expect, it } from 'vitest';
import { filterOf, formatDashboardQuery, monthWithin, parseDashboardQuery, presetPeriod } from './dashboard-address';
import { expandMembers } from './dashboard-links';
import { FAKE_COUNTRIES } from '../../testing/fake-backend';

describe('dashboard address', () => {
  it('reads back what it writes, and only what is set', () => {
    const view = { from: '2026-01-01', to: '2026-06-30', members: ['GCC', 'KAZ'], industries: ['ev', 'lithium-battery'] };
    const query = formatDashboardQuery(view);
    expect(query).toBe('from=2026-01-01&to=2026-06-30&members=GCC,KAZ&industries=ev,lithium-battery');
    expect(parseDashboardQuery(query)).toEqual(view);
    expect(formatDashboardQuery({ from: null, to: null, members: [], industries: [] })).toBe('');
    expect(filterOf(parseDashboardQuery(''))).toEqual({});
  });

  it('leaves out what is malformed and puts a reversed period right', () => {
    expect(parseDashboardQuery('from=2026-02-30&to=x&members=SAU,sau,<b>&industries=EV,ev')).toEqual({ from: null, to: null, members: ['SAU'], industries: ['ev'] });
    expect(parseDashboardQuery('from=2026-06-30&to=2026-01-01')).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
  });

  it('turns presets into periods ending today', () => {
    expect(presetPeriod('thisMonth', '2026-11-21')).toEqual({ from: '2026-11-01', to: '2026-11-21' });
    expect(presetPeriod('thisQuarter', '2026-11-21')).toEqual({ from: '2026-10-01', to: '2026-11-21' });
    expect(presetPeriod('thisQuarter', '2026-03-05')).toEqual({ from: '2026-01-01', to: '2026-03-05' });
    expect(presetPeriod('thisYear', '2026-11-21')).toEqual({ from: '2026-01-01', to: '2026-11-21' });
    expect(presetPeriod('last12Months', '2026-11-21')).toEqual({ from: '2025-12-01', to: '2026-11-21' });
    expect(presetPeriod('last12Months', '2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
  });

  it('clips a month to the period and expands blocs for the lists', () => {
    expect(monthWithin('2026-02', '2025-12-01', '2026-11-21')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthWithin('2026-11', '2025-12-15', '2026-11-21')).toEqual({ from: '2026-11-01', to: '2026-11-21' });
    expect(monthWithin('2025-12', '2025-12-15', '2026-11-21')).toEqual({ from: '2025-12-15', to: '2025-12-31' });
    expect(expandMembers(['GCC', 'KAZ'], FAKE_COUNTRIES)).toEqual(['KAZ', 'OMN', 'SAU']);
    expect(expandMembers(['EAEU'], FAKE_COUNTRIES)).toEqual(['KAZ']);
    expect(expandMembers(['USA'], FAKE_COUNTRIES)).toEqual(['USA']);
  });
});
