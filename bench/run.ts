// `npm run bench`: import, re-import, parse-only floor, search and list timings on 105,000
// notifications, each measured step in its own process. Targets are from the notifications issue.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticEping } from '../test/fixtures/synthetic-eping';
import { createSearchBenchStore, LIST_TARGET_P95_MS, SEARCH_TARGET_P95_MS } from './search-bench';

const ROWS = Number(process.env.PINGYI_BENCH_ROWS ?? 105_000);
const outDir = path.resolve('bench/out');
const workbook = path.join(outDir, `eping-synthetic-${ROWS}.xlsx`);

interface StepResult {
  ms: number;
  maxRssMb: number;
  [key: string]: unknown;
}

function step(mode: string, ...args: string[]): StepResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/child.ts', mode, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as StepResult;
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  // The import's parse worker runs from the bundle, as in the app.
  execFileSync(process.execPath, ['scripts/build.mjs', '--backend'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!fs.existsSync(workbook)) {
    process.stdout.write(`generating ${ROWS} synthetic ePing rows -> ${workbook}\n`);
    await writeSyntheticEping(workbook, { rows: ROWS, seed: 20261121, sharedStrings: true });
  }
  const size = fs.statSync(workbook).size;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-'));
  const searchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-search-'));
  try {
    const parse = step('parse', workbook);
    const imp = step('import', workbook, dataDir);
    const reimp = step('import', workbook, dataDir);
    const db = await createSearchBenchStore(searchDir, ROWS);
    db.close();
    const search = step('search', '-', searchDir) as StepResult & {
      search: { p50: number; p95: number };
      list: { p50: number; p95: number };
      notifications: number;
    };

    const lines = [
      `Pingyi benchmark, ${ROWS} rows (${(size / 1024 / 1024).toFixed(1)} MB XLSX), ${os.cpus().length} cores, Node ${process.version}`,
      `parse only (floor)   ${s(parse.ms)}   peak RSS ${parse.maxRssMb} MB   (${String(parse.records)} records)`,
      `import               ${s(imp.ms)}   peak RSS ${imp.maxRssMb} MB   inserted ${String(imp.inserted)}, rejected ${String(imp.rejected)}`,
      `  import / floor     ${(imp.ms / parse.ms).toFixed(2)}x          target < 30 s: ${verdict(imp.ms < 30_000)}, <= 1.5x: ${verdict(imp.ms <= 1.5 * parse.ms)}, RSS < 600 MB: ${verdict(imp.maxRssMb < 600)}`,
      `  then log copied    ${s(Number(imp.checkpointMs))}   (WAL checkpoint after the report, on the job worker in the app)`,
      `re-import            ${s(reimp.ms)}   unchanged ${String(reimp.unchanged)}, inserted ${String(reimp.inserted)}   target < 20 s: ${verdict(reimp.ms < 20_000 && reimp.inserted === 0)}`,
      `search (${search.notifications} notifications)  p50 ${search.search.p50.toFixed(1)} ms  p95 ${search.search.p95.toFixed(1)} ms   target p95 < ${SEARCH_TARGET_P95_MS} ms: ${verdict(search.search.p95 < SEARCH_TARGET_P95_MS)}`,
      `list first page      p50 ${search.list.p50.toFixed(1)} ms  p95 ${search.list.p95.toFixed(1)} ms   target p95 < ${LIST_TARGET_P95_MS} ms: ${verdict(search.list.p95 < LIST_TARGET_P95_MS)}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    fs.writeFileSync(path.join(outDir, 'last-run.json'), JSON.stringify({ at: new Date().toISOString(), rows: ROWS, parse, import: imp, reimport: reimp, search }, null, 2));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(searchDir, { recursive: true, force: true });
  }
}

void main();
