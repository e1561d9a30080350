import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBackendOrRecover } from '../backend/backups/recovery-backend';
import { bundledWorkerScript } from '../backend/jobs/worker-script';
import { clockFromEnv } from '../../shared/domain/clock';
import { resolveDataDir } from '../backend/paths';
import { APP_VERSION } from '../backend/version';
import { describeStartupFailure } from '../main/startup';
import { startHttpTransport } from '../transports/http-server';

/**
 * Web mode: the same backend and renderer served on 127.0.0.1 for a browser. Used where the
 * Electron binary is missing, and by the browser test suite.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] ?? resolveDataDir();
  const staticDir = values['static-dir'] ?? path.join(__dirname, 'renderer');
  let backend;
  let recovering = false;
  // Quitting from the recovery choices stops the server once the answer has gone out.
  let quit = (): void => process.exit(0);
  try {
    const script = bundledWorkerScript();
    ({ backend, recovering } = await startBackendOrRecover({
      dataDir,
      appVersion: APP_VERSION,
      clock: clockFromEnv(process.env.PINGYI_NOW),
      autoBackups: true,
      scheduleFullCheck: true,
      onQuit: () => setTimeout(() => quit(), 200),
      ...(script ? { worker: { script } } : {}),
    }));
  } catch (e) {
    // The same bilingual title and advice as the desktop app's start-up dialog.
    const failure = describeStartupFailure(e);
    process.stderr.write(`${failure.title}\n${failure.message}\n`);
    process.exit(1);
  }
  const http = await startHttpTransport({ backend, staticDir, port: Number(values.port) });
  if (recovering) {
    process.stderr.write(`The store in ${dataDir} cannot be opened; the page offers: restore the newest good backup, open read-only, or quit.\n`);
  }
  process.stdout.write(`Pingyi web mode, data in ${dataDir}\nOpen ${http.launchUrl}\n`);
  const stop = (): void => {
    void http.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  quit = stop;
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
