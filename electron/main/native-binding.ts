import path from 'node:path';

export interface NativeBindingInput {
  isPackaged: boolean;
  /** The project folder holding dist/ and .cache/ (development runs only). */
  appPath: string;
  /** process.versions.electron */
  electronVersion: string;
  exists: (file: string) => boolean;
}

/** Where scripts/electron-native.mjs puts better-sqlite3 rebuilt for one Electron version. */
export function electronNativeBindingPath(appPath: string, electronVersion: string): string {
  return path.join(appPath, '.cache', 'electron-native', electronVersion, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/**
 * The better-sqlite3 addon the desktop app should load. In development node_modules holds the
 * Node build the tests use, so the app takes its own Electron-ABI build when one exists. A
 * packaged app gets undefined: electron-builder rebuilt the module it ships for Electron.
 */
export function resolveNativeBinding(input: NativeBindingInput): string | undefined {
  if (input.isPackaged) return undefined;
  const file = electronNativeBindingPath(input.appPath, input.electronVersion);
  return input.exists(file) ? file : undefined;
}
