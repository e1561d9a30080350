import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../scripts/electron-binary.mjs';
import { electronNativeBindingPath, resolveNativeBinding } from './native-binding';

const appPath = path.resolve('/work/pingyi');

describe('resolveNativeBinding', () => {
  it('uses the Electron-ABI build under .cache in development when it exists', () => {
    const seen: string[] = [];
    const binding = resolveNativeBinding({
      isPackaged: false,
      appPath,
      electronVersion: '41.7.1',
      exists: (file) => {
        seen.push(file);
        return true;
      },
    });
    expect(binding).toBe(
      path.join(appPath, '.cache', 'electron-native', '41.7.1', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
    expect(seen).toEqual([binding]);
  });

  it('falls back to the module default in development when no Electron build exists', () => {
    expect(resolveNativeBinding({ isPackaged: false, appPath, electronVersion: '41.7.1', exists: () => false })).toBeUndefined();
  });

  it('leaves a packaged app to the module electron-builder rebuilt, without looking at the disk', () => {
    const binding = resolveNativeBinding({
      isPackaged: true,
      appPath,
      electronVersion: '41.7.1',
      exists: () => {
        throw new Error('a packaged app must not probe for a development build');
      },
    });
    expect(binding).toBeUndefined();
  });

  it('looks where scripts/electron-native.mjs builds', () => {
    expect(electronNativeBindingPath(appPath, '41.7.1')).toBe(electronNativeBinding(appPath, '41.7.1'));
  });
});
