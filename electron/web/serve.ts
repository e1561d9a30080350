import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBackend } from '../backend/backend';
import { bundledWorkerScript } from '../backend/jobs/worker-script';
import { clockFromEnv } from '../../shared/domain/clock';
import { AppError } from '../backend/errors';
import { resolveDataDir } from '../backend/paths';
import { APP_VERSION } from '../backend/version';
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
  try {
    const script = bundledWorkerScript();
    backend = await startBackend({ dataDir, appVersion: APP_VERSION, clock: clockFromEnv(process.env.PINGYI_NOW), ...(script ? { worker: { script } } : {}) });
  } catch (e) {
    process.stderr.write(`Pingyi cannot start: ${e instanceof AppError ? e.message : String(e)}\n`);
    process.exit(1);
  }
  const http = await startHttpTransport({ backend, staticDir, port: Number(values.port) });
  process.stdout.write(`Pingyi web mode, data in ${dataDir}\nOpen ${http.launchUrl}\n`);
  const stop = (): void => {
    void http.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
