// electron-builder's npmRebuild rebuilds better-sqlite3 for Electron in place in node_modules.
// The tests, the CLI and web mode run on Node and need the Node build back, so once the
// installers are written this rebuilds it for Node (the desktop app in development uses its
// own copy under .cache/electron-native, see scripts/electron-native.mjs).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function restoreNodeSqlite() {
  const root = path.dirname(__dirname);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = { ...process.env };
  // electron-builder's rebuild may leave these pointing at Electron.
  for (const key of Object.keys(env)) {
    if (/^npm_config_(runtime|target|disturl|dist_url|build_from_source)$/i.test(key)) delete env[key];
  }
  const r = spawnSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.warn('Could not rebuild better-sqlite3 for Node; run `npm rebuild better-sqlite3` before running the tests.');
  }
  return [];
};
