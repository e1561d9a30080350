import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/domain/clock';
import { insertNotifications } from '../helpers/notification-fixtures';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
beforeEach(async () => {
  // The backend's day is 21 November 2026.
  env = await emptyBackend(fixedClock('2026-11-21T04:00:00.000Z'));
  insertNotifications(env.backend.ctx.db, [
    { symbol: 'G/TBT/N/KAZ/1', commentDeadline: '2026-11-10' },
    { symbol: 'G/TBT/N/KAZ/2', commentDeadline: '2026-12-20' },
    { symbol: 'G/TBT/N/KAZ/3', commentDeadline: null },
    { symbol: 'G/TBT/N/KAZ/4', commentDeadline: '2026-11-21' },
    { symbol: 'G/TBT/N/KAZ/5', commentDeadline: '2026-11-20' },
    { symbol: 'G/TBT/N/KAZ/6', commentDeadline: '2026-11-25' },
    { symbol: 'G/TBT/N/KAZ/7', commentDeadline: '2025-01-01' },
  ]);
});
afterEach(() => env.cleanup());

const list = (input: { today?: string; offset?: number; limit?: number; query?: string } = {}): string[] =>
  env.backend.call('notificationsList', { sort: 'commentDeadline', direction: 'asc', ...input }).items.map((i) => i.symbol.split('/')[4]!);

describe('the deadline sort, ascending', () => {
  it('puts the open notifications first, soonest first, then the ended ones, most recent first, then those without a final date', () => {
    expect(list()).toEqual(['4', '6', '2', '5', '1', '7', '3']);
  });

  it('reads page after page across the three runs', () => {
    const paged: string[] = [];
    for (let offset = 0; offset < 7; offset += 2) paged.push(...list({ offset, limit: 2 }));
    expect(paged).toEqual(['4', '6', '2', '5', '1', '7', '3']);
    expect(list({ offset: 5, limit: 10 })).toEqual(['7', '3']);
  });

  it('counts from the day the query names, or else from the backend clock', () => {
    expect(list({ today: '2026-11-11' })).toEqual(['5', '4', '6', '2', '1', '7', '3']);
  });

  it('keeps the order when a search narrows the list', () => {
    expect(list({ query: 'G/TBT/N/KAZ' })).toEqual(['4', '6', '2', '5', '1', '7', '3']);
  });
});
