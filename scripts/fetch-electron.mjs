// The Electron binary is fetched here rather than by electron's own postinstall (skipped via
// "allowScripts"), so that an offline install still succeeds: without the binary, `npm start`
// falls back to web mode. On a normal machine this downloads the binary as usual.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
if (!existsSync(installScript)) process.exit(0);
const r = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
if (r.status !== 0) {
  console.log('pingyi: the Electron binary could not be downloaded (offline?); `npm start` will use web mode.');
}
