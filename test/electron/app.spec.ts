import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { PingyiBridge } from '../../shared/bridge';

// Electron-only checks: window options, the page's isolation, navigation and window.open,
// and a refused database at startup. Everything else runs in Chromium (test/e2e).

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');

/** The electron package throws on require when its binary was never downloaded. */
function findElectronBinary(): string | null {
  try {
    const binary: unknown = createRequire(path.join(root, 'package.json'))('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();
test.skip(electronBinary === null, 'Electron binary not installed');

function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-electron-'));
}

function appEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.PINGYI_DATA_DIR = dataDir;
  return env;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

type PageGlobals = {
  api?: PingyiBridge;
  open(url: string): unknown;
  location: { href: string };
};

test.describe('the desktop window', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    expect(fs.existsSync(path.join(root, 'dist', 'main.cjs')), 'run `npm run build` first').toBe(true);
    dataDir = tempDataDir();
    // Started on the project folder, so package.json names the app and points at dist/main.cjs.
    app = await electron.launch({ args: [root], cwd: root, env: appEnv(dataDir) });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('runs the page isolated, sandboxed and without Node integration', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is Electron's record of what the renderer really got; it is not
      // in the public typings.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        | { getLastWebPreferences?: () => Record<string, unknown> | null }
        | undefined;
      const p = contents?.getLastWebPreferences?.() ?? null;
      return p && { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag ?? false };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(app.windows()).toHaveLength(1);
  });

  test('gives the page neither require nor process', async () => {
    const types = await page.evaluate(() => [typeof require, typeof process, typeof module]);
    expect(types).toEqual(['undefined', 'undefined', 'undefined']);
  });

  test('exposes window.api, whose appInfo answers with the data folder in use', async () => {
    const seen = await page.evaluate(async () => {
      const api = (globalThis as unknown as PageGlobals).api;
      if (!api) return null;
      return { keys: Object.keys(api), info: await api.appInfo({}) };
    });
    expect(seen).not.toBeNull();
    expect(seen?.keys).toContain('appInfo');
    expect(seen?.keys).not.toContain('invoke');
    expect(seen?.info.ok).toBe(true);
    if (seen?.info.ok) expect(seen.info.value.dataDir).toBe(dataDir);
  });

  test('blocks navigation away from the app and any request to the network', async () => {
    const appUrl = page.url();
    expect(appUrl).toMatch(/^app:\/\/pingyi\//);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await expect(page.waitForURL('https://example.com/**', { timeout: 2_000 })).rejects.toThrow();
    expect(page.url()).toBe(appUrl);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
  });

  test('window.open returns null, and only WTO links reach the system browser', async () => {
    await app.evaluate(({ shell }) => {
      const calls: string[] = [];
      (globalThis as unknown as { openedExternally: string[] }).openedExternally = calls;
      shell.openExternal = async (url: string) => {
        calls.push(url);
      };
    });
    const results = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return [g.open('https://example.com/') === null, g.open('https://www.wto.org/english/') === null];
    });
    expect(results).toEqual([true, true]);
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally))
      .toEqual(['https://www.wto.org/english/']);
    expect(app.windows()).toHaveLength(1);
  });
});

test('a database from a newer version is refused with an error box, and its file stays byte-identical', async () => {
  const dataDir = tempDataDir();
  try {
    const file = path.join(dataDir, 'pingyi.sqlite3');
    const db = new Database(file);
    db.exec('CREATE TABLE from_the_future (x)');
    db.pragma('user_version = 9999');
    db.close();
    const before = sha256(file);

    // The error box is modal; this preload (run before the app's main script) records it on
    // stderr instead, so the run ends by itself on every platform.
    const capture = path.join(dataDir, 'capture-error-box.cjs');
    fs.writeFileSync(
      capture,
      "const { dialog } = require('electron');\n" +
        'dialog.showErrorBox = (title, content) => {\n' +
        "  process.stderr.write('PINGYI_ERROR_BOX ' + JSON.stringify({ title, content }) + '\\n');\n" +
        '};\n',
    );
    const args = ['-r', capture, ...(process.platform === 'linux' ? ['--no-sandbox'] : []), root];
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(electronBinary ?? '', args, { cwd: root, env: appEnv(dataDir), stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8');
      });
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the app did not exit within 60 s; stderr:\n${err}`));
      }, 60_000);
      child.on('error', reject);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve({ code: exitCode, stderr: err });
      });
    });

    const line = stderr.split('\n').find((l) => l.startsWith('PINGYI_ERROR_BOX '));
    expect(line, stderr).toBeDefined();
    const box = JSON.parse(line!.slice('PINGYI_ERROR_BOX '.length)) as { title: string; content: string };
    expect(box.title).toContain('newer');
    expect(box.content).toContain('9999');
    expect(code).not.toBe(0);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
