import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { LOG_FILE, LOG_FOLDER, createErrorLog } from '../../electron/backend/faults/error-log';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import { importNotificationsFile } from '../../electron/backend/imports/import-file';
import { JobRunner } from '../../electron/backend/jobs/job-runner';
import { fixedClock } from '../../shared/domain/clock';
import { wtoItem } from '../fixtures/eping-fixtures';
import { makeTempDir, TEST_NOW, testClock, testActor } from '../helpers/temp-store';

const clock = fixedClock('2031-05-12T09:00:00Z');
let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
beforeEach(async () => {
  tmp = makeTempDir();
  backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

describe('bad input', () => {
  it('a WTO JSON file nested deeper than 64 levels is refused as a bad file, not a stack overflow', async () => {
    const file = path.join(tmp.dir, 'deep.json');
    // A real item whose title is buried a million arrays deep.
    const item = JSON.stringify(wtoItem()).replace(/"title":"[^"]*"/, `"title":${'['.repeat(1_000_000)}"x"${']'.repeat(1_000_000)}`);
    fs.writeFileSync(file, `{"items":[${item}]}`);
    await expect(importNotificationsFile(backend.ctx.db, file, { actor: testActor('test'), clock: testClock() })).rejects.toMatchObject({
      code: 'IMPORT_REJECTED',
      message: expect.stringContaining('more than 64 levels deep'),
      details: { reason: 'nesting', limit: 64 },
    });
    expect(backend.call('appInfo', {}).counts.notifications).toBe(0);
  });

  it('pingyi ends quietly, exit 0 and no stack trace, when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'info', '--data-dir', tmp.dir + '-cli'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Like `| head -0`: the pipe is closed before the command writes a line.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    fs.rmSync(tmp.dir + '-cli', { recursive: true, force: true });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('the error log', () => {
  it('writes an INTERNAL error with its stack and the clock’s time to logs/pingyi.log, and the analyst sees no stack', () => {
    const table = {
      ...handlers,
      appInfo: () => {
        throw new TypeError('Cannot read properties of undefined (reading "x")');
      },
    };
    const result = dispatch(table, backend.ctx, 'appInfo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('at ');
    const log = fs.readFileSync(path.join(tmp.dir, LOG_FOLDER, LOG_FILE), 'utf8');
    expect(log).toContain('2031-05-12T09:00:00.000Z [appInfo] TypeError: Cannot read properties of undefined');
    expect(log).toMatch(/\n\s+at appInfo /);
  });

  it('rotates at the size limit and keeps a fixed number of older files', () => {
    const log = createErrorLog(tmp.dir, clock, { rotateBytes: 2000, keep: 2 });
    for (let i = 0; i < 40; i++) log.write('test', new Error(`failure number ${i} `.padEnd(200, '.')));
    const files = fs.readdirSync(path.join(tmp.dir, LOG_FOLDER)).sort();
    expect(files).toEqual(['pingyi.1.log', 'pingyi.2.log', 'pingyi.log']);
    for (const f of files) expect(fs.statSync(path.join(tmp.dir, LOG_FOLDER, f)).size).toBeLessThanOrEqual(2000);
    expect(fs.readFileSync(path.join(tmp.dir, LOG_FOLDER, 'pingyi.log'), 'utf8')).toContain('failure number 39');
  });
});

describe('errors of import jobs', () => {
  it('an unexpected failure of a job is logged with its stack and reported as INTERNAL', async () => {
    const log = createErrorLog(tmp.dir, clock);
    const runner = new JobRunner({
      databasePath: path.join(tmp.dir, 'pingyi.sqlite3'),
      emit: () => undefined,
      runInline: () => Promise.reject(new RangeError('Invalid array length')),
      onInternalError: (source, e) => log.write(source, e),
    });
    const { jobId } = runner.start({
      kind: 'import',
      input: { fileName: 'x.csv', fileSize: 0 },
      params: { filePath: path.join(tmp.dir, 'x.csv'), actor: testActor('test') },
      startedAt: TEST_NOW,
    });
    expect(await runner.settle(jobId)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toContain('2031-05-12T09:00:00.000Z [import job] RangeError: Invalid array length');
    expect(text).toMatch(/\n\s+at /);
  });
});
