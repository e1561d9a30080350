import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../backend/errors';
import { describeStartupFailure, resolveDesktopDataDir } from './startup';

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
