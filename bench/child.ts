// One measured step of the benchmark, in its own process so that its peak memory is its own.
// Prints one JSON line: { ms, maxRssMb, ... }.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../shared/domain/clock';
import { UNRECORDED_ANALYST_UID } from '../shared/domain/uid';
import { startBackend } from '../electron/backend/backend';
import { createBackup } from '../electron/backend/backups/create-backup';
import { fullCheck, quickCheck } from '../electron/backend/faults/integrity';
import { checkpointAfterImport, importNotificationsFile } from '../electron/backend/imports/import-file';
import { readNotificationsFileInWorker } from '../electron/backend/imports/parse-in-worker';
import { parseOnly } from '../electron/backend/imports/readers';
import { runSearchBench } from './search-bench';
import { runWarningsBench } from './warnings-bench';
import { runReportsBench } from './reports-bench';
import { runDashboardBench } from './dashboard-bench';
import { runExportBench } from './export-bench';
import { ownThreadCpuMs } from './thread-cpu';

const [mode, file, dataDir] = process.argv.slice(2);
// The parse worker as the app ships it (bench/run.ts builds it first); the TypeScript one otherwise.
const BUNDLED_WORKER = path.resolve('dist/worker.cjs');
const WORKER = fs.existsSync(BUNDLED_WORKER) ? BUNDLED_WORKER : path.resolve('test/helpers/worker-bootstrap.mjs');

/** CPU time of every thread of this process since `start` (process.cpuUsage), in ms. */
function processCpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU time this thread spent since `start` (ownThreadCpuMs), or null off Linux. */
function cpuSince(start: number | null): number | null {
  const now = ownThreadCpuMs();
  return start === null || now === null ? null : now - start;
}

async function main(): Promise<Record<string, unknown>> {
  if (mode === 'parse') {
    const t = performance.now();
    const cpu = ownThreadCpuMs();
    const all = process.cpuUsage();
    const r = await parseOnly(file!);
    const ms = performance.now() - t;
    return { ms, mainCpuMs: cpuSince(cpu), processCpuMs: processCpuSince(all), records: r.records, rowsRead: r.rowsRead };
  }
  if (mode === 'parse-worker') {
    const t = performance.now();
    let records = 0;
    for await (const e of readNotificationsFileInWorker(WORKER, file!)) if (e.kind === 'prepared') records++;
    return { ms: performance.now() - t, records };
  }
  const backend = await startBackend({ dataDir: dataDir!, appVersion: 'bench', clock: systemClock });
  try {
    if (mode === 'import') {
      const t = performance.now();
      const cpu = ownThreadCpuMs();
      const all = process.cpuUsage();
      // As in the app: the file is parsed on a worker thread while this thread writes.
      const r = await importNotificationsFile(backend.ctx.db, file!, { actor: { uid: UNRECORDED_ANALYST_UID, name: 'bench' }, clock: backend.ctx.clock, parseWorkerScript: WORKER });
      const ms = performance.now() - t;
      const mainCpuMs = cpuSince(cpu);
      const processCpuMs = processCpuSince(all);
      // As in the app, the write-ahead log is copied into the database after the report.
      const checkpointMs = checkpointAfterImport(backend.ctx.db);
      return { ms, mainCpuMs, processCpuMs, checkpointMs, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected };
    }
    if (mode === 'search') return { ...runSearchBench(backend.ctx.db) };
    if (mode === 'dashboard') {
      const t = performance.now();
      const r = runDashboardBench(backend.ctx.db);
      return { ...r, ms: performance.now() - t };
    }
    // `file` is the format here: xlsx or csv.
    if (mode === 'export') return { ...(await runExportBench(backend, file === 'csv' ? 'csv' : 'xlsx')) };
    if (mode === 'warnings') {
      const r = runWarningsBench(backend.ctx.db);
      return { ...r, ms: r.fullMs };
    }
    if (mode === 'reports') {
      const r = await runReportsBench(backend);
      return { ...r, ms: r.wordMs + r.pdfMs };
    }
    if (mode === 'store') {
      // The checks and the backup on the store the import made, as the app runs them.
      const { db, databasePath, clock } = backend.ctx;
      const timed = <T>(run: () => T): { ms: number; value: T } => {
        const t = performance.now();
        const value = run();
        return { ms: performance.now() - t, value };
      };
      const startCheck = timed(() => quickCheck(db, databasePath, clock));
      const quickAll = timed(() => quickCheck(db, databasePath, clock, Number.POSITIVE_INFINITY));
      const full = timed(() => fullCheck(db, clock));
      const t = performance.now();
      const backup = await createBackup(db, { dataDir: dataDir!, kind: 'manual', clock, appVersion: 'bench' });
      const backupMs = performance.now() - t;
      const notifications = (db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n;
      return {
        ms: startCheck.ms + quickAll.ms + full.ms + backupMs,
        notifications,
        storeMb: fs.statSync(databasePath).size / 1024 / 1024,
        startCheckMs: startCheck.ms,
        startCheckOk: startCheck.value.ok,
        quickCheckMs: quickAll.ms,
        quickCheckOk: quickAll.value.ok,
        fullCheckMs: full.ms,
        fullCheckOk: full.value.ok,
        backupMs,
        backupOk: backup.check.ok,
        backupMb: backup.size / 1024 / 1024,
      };
    }
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
