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

describe('describeStartupFailure for faults of the store', () => {
  it('says in both languages that an empty store file is not a new store and was not changed', () => {
    const failure = describeStartupFailure(new AppError('DB_CORRUPT', 'The store /d/pingyi.sqlite3 is empty (0 bytes)', { file: '/d/pingyi.sqlite3', reason: 'empty' }));
    expect(failure.title).toBe('数据库文件是空的 / The database file is empty');
    expect(failure.message).toContain('未将其当作新数据库');
    expect(failure.message).toContain('has not treated it as a new store');
    expect(failure.message).toContain('/d/pingyi.sqlite3');
  });

  it('names what to do for a read-only or unusable data folder and a full disk, in both languages', () => {
    expect(describeStartupFailure(new AppError('READ_ONLY', 'Pingyi cannot write in the data folder /ro', { path: '/ro' }))).toMatchObject({
      title: '无法写入数据文件夹 / The data folder cannot be written',
      message: expect.stringContaining('PINGYI_DATA_DIR'),
    });
    expect(describeStartupFailure(new AppError('ACCESS_DENIED', 'The data folder /f is a file', { path: '/f' })).title).toBe(
      '无法访问数据文件夹 / The data folder cannot be used',
    );
    expect(describeStartupFailure(new AppError('DISK_FULL', 'The disk is full')).message).toContain('请清理数据文件夹所在磁盘');
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
