// `npm start`: build, then run the desktop app, or web mode where the Electron binary is missing
// (an offline install skips its download). Extra arguments go to web mode (e.g. --port 5173).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

function runNode(script, args = []) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, script), ...args], { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Run a long-lived child, pass Ctrl+C and termination on to it, and exit with its code. */
function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

runNode('scripts/build.mjs');

const electron = findElectronBinary();
if (electron) {
  runNode('scripts/electron-native.mjs');
  const env = { ...process.env };
  // Inherited from some shells and tools, it would run Electron as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // package.json "main" is dist/main.cjs; starting on the folder gives the app its name and paths.
  runForeground(electron, [projectRoot], env);
} else {
  console.log('The Electron binary is not installed, so Pingyi starts in web mode (open the URL below in a browser).');
  runForeground(process.execPath, [path.join(projectRoot, 'dist', 'web.cjs'), ...process.argv.slice(2)]);
}
