import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../backend/errors';
import type { RecoveryStatus } from '../../shared/contract/backups';
import { choiceForResponse, describeStartupFailure, recoveryDialog, resolveDesktopDataDir } from './startup';

describe('resolveDesktopDataDir', () => {
  it('prefers PINGYI_DATA_DIR, made absolute', () => {
    expect(resolveDesktopDataDir('rel/data', () => '/home/a/.config/Pingyi')).toBe(path.resolve('rel/data'));
  });

  it("uses Electron's userData folder otherwise", () => {
    expect(resolveDesktopDataDir(undefined, () => '/home/a/.config/Pingyi')).toBe('/home/a/.config/Pingyi');
    expect(resolveDesktopDataDir('', () => '/home/a/.config/Pingyi')).toBe('/home/a/.config/Pingyi');
  });
});

describe('describeStartupFailure', () => {
  it('explains a database from a newer version and keeps the detailed message', () => {
    const failure = describeStartupFailure(new AppError('DB_TOO_NEW', 'schema 9999; this version knows up to 30'));
    expect(failure.title).toContain('newer');
    expect(failure.message).toContain('schema 9999');
    expect(failure.message).toContain('未作任何改动');
  });

  it('explains an unreadable database', () => {
    const failure = describeStartupFailure(new AppError('DB_CORRUPT', 'file is not a database'));
    expect(failure.title).toContain('cannot be read');
    expect(failure.message).toContain('file is not a database');
  });

  it('points at the Electron rebuild when the SQLite addon has the wrong ABI, whatever the code', () => {
    const error = new AppError('DB_CORRUPT', 'Cannot open: was compiled against a different Node.js version using NODE_MODULE_VERSION 115');
    const failure = describeStartupFailure(error);
    expect(failure.title).toContain('SQLite');
    expect(failure.message).toContain('electron-native.mjs');
  });

  it('reports anything else as it is', () => {
    expect(describeStartupFailure(new Error('disk full'))).toEqual({ title: 'Pingyi 无法启动 / Pingyi cannot start', message: 'disk full' });
    expect(describeStartupFailure('odd').message).toBe('odd');
  });
});

describe('recoveryDialog', () => {
  const status = (withBackup: boolean): RecoveryStatus => ({
    mode: 'recovery',
    problem: { code: 'DB_CORRUPT', message: 'file is not a database' },
    databasePath: '/home/a/.config/Pingyi/pingyi.sqlite3',
    replacedFolder: '/home/a/.config/Pingyi/replaced',
    newestGood: withBackup
      ? {
          id: '20310601-090000-daily',
          kind: 'daily',
          createdAt: '2031-06-01T09:00:00.000Z',
          schemaVersion: 130,
          appVersion: '0.1.0',
          size: 1024,
          counts: { notifications: 120, comments: 4 },
          attachments: 0,
          check: { ok: true, message: 'ok' },
          file: '/home/a/.config/Pingyi/backups/20310601-090000-daily.sqlite3',
        }
      : null,
    choices: withBackup ? ['restore-newest', 'read-only', 'quit'] : ['read-only', 'quit'],
  });

  it('offers restore, read-only and quit in both languages, with Esc meaning quit', () => {
    const d = recoveryDialog(status(true));
    expect(d.buttons).toEqual(['恢复最新的备份 / Restore the newest backup', '以只读方式打开 / Open read-only', '退出 / Quit']);
    expect(d.cancelId).toBe(2);
    expect(d.detail).toContain('/home/a/.config/Pingyi/replaced');
    expect(d.detail).toContain('2031-06-01 09:00 UTC (120 notifications, 4 comments)');
    expect(d.detail).toContain('DB_CORRUPT: file is not a database');
    expect(choiceForResponse(d, 0)).toBe('restore-newest');
    expect(choiceForResponse(d, 1)).toBe('read-only');
    expect(choiceForResponse(d, 2)).toBe('quit');
  });

  it('leaves restore out when no backup passed its check, and treats an unknown answer as quit', () => {
    const d = recoveryDialog(status(false));
    expect(d.choices).toEqual(['read-only', 'quit']);
    expect(d.cancelId).toBe(1);
    expect(d.detail).toContain('There is no backup that passed its check');
    expect(choiceForResponse(d, 7)).toBe('quit');
  });
});
