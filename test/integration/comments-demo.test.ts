import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
});
afterEach(() => env.cleanup());

describe('demo comments', () => {
  it('load with the demo data, marked as demo, along every stage of the workflow', () => {
    backend.call('demoLoad', {});
    const items = backend.call('commentsList', {}).items;
    expect(items.every((c) => c.titleZh.startsWith('【示例】') && c.titleEn.startsWith('[Demo]'))).toBe(true);
    const bySymbol = Object.fromEntries(items.map((c) => [c.target.symbols[0], c]));
    expect(bySymbol['G/TBT/N/SAU/9002']).toMatchObject({ status: 'closed', adopted: true, outcome: 'partly_adopted' });
    expect(bySymbol['G/TBT/N/TUR/9003']).toMatchObject({ status: 'reply_received', adopted: true, outcome: 'adopted' });
    expect(bySymbol['G/TBT/N/SAU/9005']).toMatchObject({ status: 'submitted', adopted: false, outcome: 'awaiting', openFollowups: 1 });
    expect(bySymbol['G/TBT/N/ARE/9001']).toMatchObject({ status: 'in_review', target: { kind: 'family' } });
    expect(bySymbol['G/TBT/N/ARE/9001']!.target.symbols).toHaveLength(7);

    const stats = backend.call('commentsStats', {});
    // The refrigerator comment had one of two points adopted: partly adopted, not adopted.
    expect(stats.totals).toMatchObject({ submitted: 3, adopted: 1, partlyAdopted: 1, awaiting: 1, decided: 2, costSparedCny: 36_000_000 });
    expect(backend.call('tradeConcernsList', {}).map((t) => t.titleEn)).toEqual([
      '[Demo] Transition period of the Saudi lead-acid battery regulation',
      '[Demo] EAEU limits for aquatic products',
    ]);
    expect(backend.call('analystsList', {}).map((a) => a.name)).toEqual(expect.arrayContaining(['张敏', '李强']));
    // Loading twice changes nothing.
    expect(backend.call('demoLoad', {})).toMatchObject({ alreadyLoaded: true });
    expect(backend.call('commentsList', {}).total).toBe(4);
  });
});
