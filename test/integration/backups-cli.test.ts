import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/db/connection';
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
  const env = { PINGYI_DATA_DIR: tmp.dir, PINGYI_NOW: '2031-05-06T08:00:00Z' };
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const notificationCount = async (): Promise<number> => (JSON.parse((await cli('info', '--json')).out) as { counts: { notifications: number } }).counts.notifications;

describe('pingyi backup', () => {
  it('create --json writes a checked backup that list --json shows', async () => {
    await cli('demo');
    const created = await cli('backup', 'create', '--json');
    expect(created.code).toBe(0);
    const made = JSON.parse(created.out) as { id: string; kind: string; check: { ok: boolean }; counts: { notifications: number } };
    expect(made).toMatchObject({ kind: 'manual', check: { ok: true } });
    expect(made.id).toMatch(/^20310506-08\d{4}-manual$/);
    expect(made.counts.notifications).toBeGreaterThan(0);
    const listed = JSON.parse((await cli('backup', 'list', '--json')).out) as { folder: string; backups: Array<{ id: string }> };
    expect(listed.folder).toBe(path.join(tmp.dir, 'backups'));
    expect(listed.backups.map((b) => b.id)).toEqual([made.id]);
    expect((await cli('backup', 'list')).out).toMatch(/manual .*check ok/);
  });

  it('restore says what it will do and changes nothing without --yes, and restores with it', async () => {
    const made = JSON.parse((await cli('backup', 'create', '--json')).out) as { id: string };
    await cli('demo');
    expect(await notificationCount()).toBeGreaterThan(0);

    const asked = await cli('backup', 'restore', made.id);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain(path.join(tmp.dir, 'replaced'));
    expect(asked.err).toMatch(/nothing is deleted.*--yes/s);
    expect(await notificationCount()).toBeGreaterThan(0);

    const done = await cli('backup', 'restore', made.id, '--yes', '--json');
    expect(done.code).toBe(0);
    const result = JSON.parse(done.out) as { restored: string; movedAsideTo: string };
    expect(result.restored).toBe(made.id);
    expect(fs.existsSync(path.join(result.movedAsideTo, DATABASE_FILE))).toBe(true);
    expect(await notificationCount()).toBe(0);
  });

  it('lists and restores backups when the store is damaged, moving the damaged file aside', async () => {
    await cli('demo');
    const made = JSON.parse((await cli('backup', 'create', '--json')).out) as { id: string };
    const store = path.join(tmp.dir, DATABASE_FILE);
    const damaged = Buffer.alloc(64 * 1024, 0x5a);
    fs.writeFileSync(store, damaged);
    expect((await cli('info')).code).toBe(1);

    const listed = await cli('backup', 'list', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as { backups: Array<{ id: string }> }).backups.map((b) => b.id)).toEqual([made.id]);
    expect((await cli('backup', 'create')).code).toBe(1);

    const restored = await cli('backup', 'restore', made.id, '--yes');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/damaged store was moved to .*replaced/);
    expect(await notificationCount()).toBeGreaterThan(0);
    const aside = fs.readdirSync(path.join(tmp.dir, 'replaced'));
    expect(fs.readFileSync(path.join(tmp.dir, 'replaced', aside[0]!, DATABASE_FILE)).equals(damaged)).toBe(true);
  });

  it('explains an unknown subcommand and a missing ID with exit code 2', async () => {
    expect((await cli('backup', 'frobnicate')).code).toBe(2);
    const r = await cli('backup', 'restore');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs the ID/);
  });
});
