import fs from 'node:fs';
import path from 'node:path';

/**
 * The worker script that sits beside the running bundle (dist/worker.cjs), or undefined when
 * running from TypeScript sources, where jobs then run on the calling thread.
 */
export function bundledWorkerScript(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const script = path.join(__dirname, 'worker.cjs');
  return fs.existsSync(script) ? script : undefined;
}
