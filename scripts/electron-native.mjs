// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/<electron-version>/, so
// the desktop app can load it through better-sqlite3's `nativeBinding` option while the Node
// build in node_modules (used by the tests, the CLI and web mode) stays untouched.
//
// Usage: node scripts/electron-native.mjs [--force]
// Needs the Electron binary (otherwise there is nothing to run the result with) and a download
// of Electron's headers from electronjs.org on the first build of each Electron version.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  electronNativeBinding,
  electronNativeModuleDir,
  electronVersion,
  findElectronBinary,
  projectRoot,
} from './electron-binary.mjs';

const require = createRequire(path.join(projectRoot, 'package.json'));
const force = process.argv.includes('--force');

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function fail(message) {
  console.error(`electron-native: ${message}`);
  process.exit(1);
}

/**
 * node-gyp lets npm_config_* variables override its command-line flags, and `npm start` or
 * `npm run` exports the user's npmrc that way. With nodedir=/usr among them (as on machines
 * that build against the system Node headers) the "Electron" build is silently a Node build.
 * Only the settings needed to reach the header download survive.
 */
function cleanEnv(env) {
  const keep = new Set(['proxy', 'http_proxy', 'https_proxy', 'noproxy', 'no_proxy', 'cafile', 'ca', 'strict_ssl']);
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    const npmKey = /^npm_config_(.+)$/i.exec(key);
    if (npmKey && !keep.has(npmKey[1].toLowerCase().replaceAll('-', '_'))) continue;
    if (/^npm_package_config_node_gyp_/i.test(key)) continue;
    out[key] = value;
  }
  return out;
}

/** node-gyp writes the headers it compiled against into build/config.gypi; check them. */
function checkElectronBuild(moduleDir, headersDir, abi) {
  const text = readFileSync(path.join(moduleDir, 'build', 'config.gypi'), 'utf8');
  const config = JSON.parse(
    text
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n'),
  );
  const nodedir = path.resolve(String(config.variables?.nodedir ?? ''));
  const rel = path.relative(headersDir, nodedir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    fail(`the build used the headers in ${nodedir}, not Electron's: it would be a Node build.`);
  }
  const moduleVersion = config.variables?.node_module_version;
  if (abi && moduleVersion !== undefined && String(moduleVersion) !== abi) {
    fail(`the build targets NODE_MODULE_VERSION ${moduleVersion}, Electron needs ${abi}.`);
  }
}

if (!findElectronBinary()) {
  console.log('electron-native: the Electron binary is not installed; nothing to build.');
  process.exit(0);
}

const version = electronVersion();
const electronDir = path.dirname(require.resolve('electron/package.json'));
const abiFile = path.join(electronDir, 'abi_version');
const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
const sourceDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sourceVersion = readJson(path.join(sourceDir, 'package.json')).version;
const targetDir = electronNativeModuleDir(projectRoot, version);
const binding = electronNativeBinding(projectRoot, version);

if (!force && existsSync(binding) && readJson(path.join(targetDir, 'package.json')).version === sourceVersion) {
  process.exit(0);
}

const nodeGypPackage = require.resolve('node-gyp/package.json');
const nodeGypBin = path.join(path.dirname(nodeGypPackage), readJson(nodeGypPackage).bin);
// Headers per Electron version under .cache, apart from node-gyp's cache of Node headers.
const headersDir = path.join(projectRoot, '.cache', 'electron-native', 'headers');
// Built in a staging folder and renamed at the end, so an interrupted build is never "done".
const stagingDir = `${targetDir}.partial`;

console.log(`electron-native: building better-sqlite3 ${sourceVersion} for Electron ${version} (about a minute)...`);
rmSync(stagingDir, { recursive: true, force: true });
mkdirSync(path.dirname(stagingDir), { recursive: true });
cpSync(sourceDir, stagingDir, {
  recursive: true,
  // The Node build's output must not leak into the Electron build.
  filter: (src) => {
    const top = path.relative(sourceDir, src).split(path.sep)[0];
    return top !== 'build' && top !== 'node_modules';
  },
});

const result = spawnSync(
  process.execPath,
  [
    nodeGypBin,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${version}`,
    '--dist-url=https://electronjs.org/headers',
    `--devdir=${headersDir}`,
    `--arch=${process.arch}`,
    '--jobs=max',
  ],
  { cwd: stagingDir, env: cleanEnv(process.env), stdio: 'inherit' },
);
if (result.error) fail(`could not run node-gyp: ${result.error.message}`);
if (result.status !== 0) fail(`node-gyp failed with exit code ${result.status}.`);
if (!existsSync(path.join(stagingDir, 'build', 'Release', 'better_sqlite3.node'))) fail('node-gyp produced no better_sqlite3.node.');
checkElectronBuild(stagingDir, headersDir, abi);

rmSync(targetDir, { recursive: true, force: true });
renameSync(stagingDir, targetDir);
console.log(`electron-native: ${path.relative(projectRoot, binding)}`);
