// One measured step of the benchmark, in its own process so that its peak memory is its own.
// Prints one JSON line: { ms, maxRssMb, ... }.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBackend } from '../electron/backend/backend';
import { importNotificationsFile } from '../electron/backend/imports/import-file';
import { readNotificationsFileInWorker } from '../electron/backend/imports/parse-in-worker';
import { parseOnly } from '../electron/backend/notifications/import';
import { runSearchBench } from './search-bench';

const [mode, file, dataDir] = process.argv.slice(2);
const WORKER = path.resolve('test/helpers/worker-bootstrap.mjs');

async function main(): Promise<Record<string, unknown>> {
  if (mode === 'parse') {
    const t = performance.now();
    const r = await parseOnly(file!);
    return { ms: performance.now() - t, records: r.records, rowsRead: r.rowsRead };
  }
  if (mode === 'parse-worker') {
    const t = performance.now();
    let records = 0;
    for await (const e of readNotificationsFileInWorker(WORKER, file!)) if (e.kind === 'record') records++;
    return { ms: performance.now() - t, records };
  }
  const backend = await startBackend({ dataDir: dataDir!, appVersion: 'bench' });
  try {
    if (mode === 'import') {
      const t = performance.now();
      // As in the app: the file is parsed on a worker thread while this thread writes.
      const r = await importNotificationsFile(backend.ctx.db, file!, { actor: 'bench', parseWorkerScript: WORKER });
      return { ms: performance.now() - t, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected };
    }
    if (mode === 'search') return { ...runSearchBench(backend.ctx.db) };
    throw new Error(`unknown mode ${mode}`);
  } finally {
    backend.close();
  }
}

main().then(
  (result) => {
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(JSON.stringify({ ...result, maxRssMb }) + '\n');
  },
  (e: unknown) => {
    process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
    process.exit(1);
  },
);
