import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { recoveryBackend, startBackendOrRecover } from '../../electron/backend/backups/recovery-backend';
import { DATABASE_FILE } from '../../electron/backend/db/connection';
import { AppError } from '../../electron/backend/errors';
import { fixedClock } from '../../shared/domain/clock';
import { insertNotifications } from '../helpers/notification-fixtures';
import { makeTempDir } from '../helpers/temp-store';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend | null = null;
const clock = fixedClock('2031-06-01T09:00:00Z');
let quits = 0;
const options = () => ({ dataDir: tmp.dir, appVersion: 'test', clock, validateOutput: true, onQuit: () => (quits += 1) });
beforeEach(() => {
  tmp = makeTempDir();
  quits = 0;
});
afterEach(() => {
  backend?.close();
  backend = null;
  tmp.cleanup();
});

const storeFile = (): string => path.join(tmp.dir, DATABASE_FILE);
const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A store with two notifications and a good backup of it, then closed. */
async function storeWithBackup(): Promise<string> {
  const b = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
  insertNotifications(b.ctx.db, [{ symbol: 'G/TBT/N/SAU/1201' }, { symbol: 'G/TBT/N/RUS/88' }]);
  const made = await b.ctx.backups.create('daily');
  b.close();
  return made.id;
}

describe('start-up with a store that cannot be opened', () => {
  it('starts in recovery, offers the three choices, and restores the newest good backup with the damaged file moved aside', async () => {
    const id = await storeWithBackup();
    const garbage = Buffer.alloc(48 * 1024, 0x5a);
    fs.writeFileSync(storeFile(), garbage);

    const started = await startBackendOrRecover(options());
    backend = started.backend;
    expect(started.recovering).toBe(true);
    const status = backend.call('recoveryStatus', {});
    expect(status).toMatchObject({ mode: 'recovery', problem: { code: 'DB_CORRUPT' }, choices: ['restore-newest', 'read-only', 'quit'] });
    expect(status.newestGood?.id).toBe(id);
    expect(backend.invoke('appInfo', {})).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });

    const after = backend.call('recoveryChoose', { choice: 'restore-newest' });
    expect(after.mode).toBe('normal');
    expect(backend.call('appInfo', {}).counts.notifications).toBe(2);
    const aside = fs.readdirSync(path.join(tmp.dir, 'replaced'));
    expect(fs.readFileSync(path.join(tmp.dir, 'replaced', aside[0]!, DATABASE_FILE)).equals(garbage)).toBe(true);
    expect(backend.invoke('recoveryChoose', { choice: 'quit' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('offers only read-only and quit when no backup passed its check, and quits when asked', async () => {
    fs.writeFileSync(storeFile(), Buffer.alloc(48 * 1024, 0x5a));
    backend = (await startBackendOrRecover(options())).backend;
    expect(backend.call('recoveryStatus', {}).choices).toEqual(['read-only', 'quit']);
    backend.call('recoveryChoose', { choice: 'quit' });
    expect(quits).toBe(1);
    expect(fs.existsSync(storeFile())).toBe(true);
  });

  it('opens a damaged store read-only: what can be read is shown, nothing is written', async () => {
    await storeWithBackup();
    const before = sha256(storeFile());
    // The problem as the start-time check reports a store whose pages are damaged inside.
    backend = recoveryBackend(new AppError('DB_CORRUPT', 'quick_check: page 7 is damaged', { reason: 'corrupt' }), options());
    const status = backend.call('recoveryChoose', { choice: 'read-only' });
    expect(status.mode).toBe('read-only');
    expect(backend.call('recoveryStatus', {}).mode).toBe('read-only');
    expect(backend.call('notificationsList', {}).total).toBe(2);
    const write = backend.invoke('settingsUpdate', { internalDeadlineWorkingDays: 8 });
    expect(write.ok).toBe(false);
    backend.close();
    backend = null;
    expect(sha256(storeFile())).toBe(before);
  });

  it('a store opened read-only and then replaced by a restore from Settings can be written again', async () => {
    const id = await storeWithBackup();
    backend = recoveryBackend(new AppError('DB_CORRUPT', 'quick_check: page 7 is damaged', { reason: 'corrupt' }), options());
    backend.call('recoveryChoose', { choice: 'read-only' });
    expect(backend.invoke('settingsUpdate', { internalDeadlineWorkingDays: 8 }).ok).toBe(false);
    backend.call('backupsRestore', { id });
    expect(backend.call('recoveryStatus', {}).mode).toBe('normal');
    expect(backend.invoke('settingsUpdate', { internalDeadlineWorkingDays: 8 }).ok).toBe(true);
  });

  it('does not offer recovery for a store from a newer version: that is refused as before', async () => {
    const b = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
    b.ctx.db.pragma('user_version = 999999');
    b.close();
    await expect(startBackendOrRecover(options())).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
  });
});
