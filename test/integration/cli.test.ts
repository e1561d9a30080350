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
