// Where the Electron binary and the Electron-ABI build of better-sqlite3 live. Shared by
// start.mjs and electron-native.mjs; the desktop app computes the same binding path in
// electron/main/native-binding.ts (a unit test keeps the two in step).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function requireFrom(root) {
  return createRequire(path.join(root, 'package.json'));
}

/**
 * The Electron executable, or null when it was never downloaded: the electron package's
 * index.js throws without its binary, and the path it names may also have been removed.
 */
export function findElectronBinary(root = projectRoot) {
  let binary;
  try {
    binary = requireFrom(root)('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && existsSync(binary) ? binary : null;
}

/** The version of the installed electron package (its binary is the same version). */
export function electronVersion(root = projectRoot) {
  const file = requireFrom(root).resolve('electron/package.json');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/** The copy of better-sqlite3 rebuilt for one Electron version; node_modules keeps the Node build. */
export function electronNativeModuleDir(root, version) {
  return path.join(root, '.cache', 'electron-native', version, 'better-sqlite3');
}

/** The .node file the desktop app passes to better-sqlite3 as `nativeBinding`. */
export function electronNativeBinding(root, version) {
  return path.join(electronNativeModuleDir(root, version), 'build', 'Release', 'better_sqlite3.node');
}
