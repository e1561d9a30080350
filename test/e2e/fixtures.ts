import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PingyiServer {
  /** The address the server prints, token in the fragment: what an analyst opens. */
  launchUrl: string;
  /** http://127.0.0.1:PORT, no trailing slash. */
  baseUrl: string;
  token: string;
  dataDir: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB_ENTRY = path.join(ROOT, 'dist', 'web.cjs');
const START_TIMEOUT_MS = 20_000;

/**
 * The moment every browser test's backend starts at (PINGYI_NOW): the window counts days from
 * the backend's clock, so no date in a test slides into the past. 10:00 in Beijing, the same
 * calendar day in UTC.
 */
export const E2E_NOW = '2026-11-21T02:00:00.000Z';
/** The calendar day of E2E_NOW, as the date fields take it. */
export const E2E_TODAY = '2026-11-21';

function waitForLaunchLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      reject(new Error(`web server printed no address within ${START_TIMEOUT_MS} ms\n${stdout}${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /Open (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with code ${code} before it was ready\n${stdout}${stderr}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Each test gets its own backend: a fresh temp data folder and `node dist/web.cjs` on a free
 * port, so tests never see each other's data and can run in parallel.
 */
/** Wrapped in an object: Playwright would take a bare function in test.use for a fixture. */
export interface DataDirPreparer {
  run(dataDir: string): void;
}

export const test = base.extend<{ server: PingyiServer; prepareDataDir: DataDirPreparer | null }>({
  /** Fills the fresh data folder before the server starts (a damaged store, say); set with test.use. */
  prepareDataDir: [null, { option: true }],
  server: async ({ prepareDataDir }, use) => {
    if (!fs.existsSync(WEB_ENTRY)) throw new Error(`${WEB_ENTRY} is missing: run node scripts/build.mjs first`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-e2e-'));
    prepareDataDir?.run(dataDir);
    const child = spawn(process.execPath, [WEB_ENTRY, '--data-dir', dataDir, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, PINGYI_NOW: E2E_NOW, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const launchUrl = await waitForLaunchLine(child);
      const url = new URL(launchUrl);
      const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
      await use({ launchUrl, baseUrl: url.origin, token, dataDir });
    } finally {
      await stopServer(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
