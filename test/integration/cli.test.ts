import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { makeTempDir } from '../helpers/temp-store';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { PINGYI_DATA_DIR: tmp.dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the pingyi CLI', () => {
  it('runs on the clock PINGYI_NOW names: info reports it and what it writes is dated by it', async () => {
    const env = { PINGYI_DATA_DIR: tmp.dir, PINGYI_NOW: '2031-05-01T08:00:00Z' };
    const quiet = { out: () => {}, err: () => {} };
    expect(await runCli(['demo', '--json'], quiet, env)).toBe(0);
    const out: string[] = [];
    expect(await runCli(['info', '--json'], { out: (t) => out.push(t), err: () => {} }, env)).toBe(0);
    expect((JSON.parse(out[0]!) as { now: string }).now.slice(0, 10)).toBe('2031-05-01');
    const db = new Database(path.join(tmp.dir, 'pingyi.sqlite3'), { readonly: true });
    try {
      // The demo's own history reaches back from that day (its comments were sent weeks before).
      const span = db.prepare('SELECT min(substr(at, 1, 10)) AS first, max(substr(at, 1, 10)) AS last FROM audit_log').get();
      expect(span).toEqual({ first: expect.stringMatching(/^20(30|31)-/), last: '2031-05-01' });
    } finally {
      db.close();
    }
  });

  it('info --json prints the schema version and counts', async () => {
    const r = await cli('info', '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out) as { schemaVersion: number; counts: { countries: number; notifications: number } };
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect(info.counts.countries).toBeGreaterThan(20);
    expect(info.counts.notifications).toBe(0);
  });

  it('demo loads the demo data into the folder named by --data-dir', async () => {
    const other = makeTempDir();
    try {
      const out: string[] = [];
      const code = await runCli(['demo', '--data-dir', other.dir, '--json'], { out: (t) => out.push(t), err: () => {} }, {});
      expect(code).toBe(0);
      expect(JSON.parse(out[0]!)).toMatchObject({ alreadyLoaded: false });
      const again = await runCli(['info', '--data-dir', other.dir, '--json'], { out: (t) => out.push(t), err: () => {} }, {});
      expect(again).toBe(0);
      expect(JSON.parse(out[1]!).counts.notifications).toBeGreaterThan(0);
    } finally {
      other.cleanup();
    }
  });

  it('exits 2 with a hint on an unknown command or flag', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const r = await cli('info', '--colour');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option/);
  });

  it('prints the command list for --help', async () => {
    const r = await cli('--help');
    expect(r.out).toMatch(/info/);
    expect(r.out).toMatch(/demo/);
  });
});

describe('pingyi triage', () => {
  const statusOf = async (symbol: string): Promise<{ status: string; relevance: string | null; assignee: string | null }> => {
    const r = await cli('search', symbol, '--json');
    const item = (JSON.parse(r.out) as { items: Array<{ symbol: string; status: string; relevance: string | null; assignee: string | null }> }).items.find(
      (i) => i.symbol === symbol,
    );
    if (!item) throw new Error(`${symbol} not found`);
    return item;
  };

  it('sets status, relevance and assignee of the notifications named by symbol, in any case', async () => {
    await cli('demo');
    const r = await cli('triage', 'G/TBT/N/SAU/9002', 'g/tbt/n/tur/9003', '--status', 'closed', '--relevance', 'none', '--assignee', '王评议', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ updated: 2, unchanged: 0 });
    expect(await statusOf('G/TBT/N/TUR/9003')).toMatchObject({ status: 'closed', relevance: 'none', assignee: '王评议' });

    const again = await cli('triage', 'G/TBT/N/SAU/9002', '--relevance', 'unrated', '--no-assignee');
    expect(again.out).toBe('Changed 1 notification; 0 already so.');
    expect(await statusOf('G/TBT/N/SAU/9002')).toMatchObject({ status: 'closed', relevance: null, assignee: null });
  });

  it('changes nothing when a symbol is unknown, and explains bad flags', async () => {
    await cli('demo');
    const r = await cli('triage', 'G/TBT/N/SAU/9002', 'G/TBT/N/SAU/1', '--status', 'screening');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no notification G/TBT/N/SAU/1; nothing was changed');
    expect((await statusOf('G/TBT/N/SAU/9002')).status).not.toBe('screening');

    for (const [args, message] of [
      [['G/TBT/N/SAU/9002'], 'say what to set'],
      [['--status', 'closed'], 'name at least one notification'],
      [['G/TBT/N/SAU/9002', '--status', 'done'], '--status must be one of new, screening, assessing, commented, closed'],
      [['G/TBT/N/SAU/9002', '--relevance', 'urgent'], '--relevance must be one of'],
      [['G/TBT/N/SAU/9002', '--assignee', '李娜', '--no-assignee'], 'exclude each other'],
    ] as const) {
      const bad = await cli('triage', ...args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.err).toContain(message);
    }
  });
});
