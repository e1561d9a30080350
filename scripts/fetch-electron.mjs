// The Electron binary is fetched here rather than by electron's own postinstall (skipped via
// "allowScripts"), so that an offline install still succeeds: without the binary, `npm start`
// falls back to web mode. On a normal machine this downloads the binary as usual.
//
// Offline must cost seconds, not minutes: electron's download has no connect timeout of its own,
// so where the host does not answer (a firewall that drops packets) it would wait for the
// download's whole time limit. The download host is therefore tried first with a short connect
// timeout; only when it answers does the download start, with time for a slow line.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const CONNECT_TIMEOUT_MS = 8_000;
const DOWNLOAD_TIMEOUT_MS = 15 * 60_000;
const OFFLINE = 'pingyi: the Electron binary could not be downloaded (offline?); `npm start` will use web mode.';

const require = createRequire(import.meta.url);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
if (!existsSync(installScript)) process.exit(0);

/** Where electron downloads from: its mirror setting if any (then the mirror's host), else GitHub. */
function downloadHost() {
  const mirror = process.env.ELECTRON_MIRROR ?? process.env.npm_config_electron_mirror ?? process.env.electron_config_mirror;
  if (!mirror) return { host: 'github.com', port: 443 };
  try {
    const url = new URL(mirror);
    return { host: url.hostname, port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443) };
  } catch {
    return { host: 'github.com', port: 443 }; // not a URL: electron's script will say so
  }
}

/** True when a TCP connection to the host opens in time (the name lookup counted in). */
function reachable({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => done(false), CONNECT_TIMEOUT_MS);
    function done(ok) {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    }
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// Through a proxy the direct connection says nothing; electron's script is then left to try.
const viaProxy = Boolean(process.env.ELECTRON_GET_USE_PROXY || process.env.GLOBAL_AGENT_HTTPS_PROXY);
if (!viaProxy && !(await reachable(downloadHost()))) {
  console.log(OFFLINE);
  process.exit(0);
}
const r = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'ignore', 'pipe'], timeout: DOWNLOAD_TIMEOUT_MS });
if (r.status !== 0) console.log(OFFLINE);
