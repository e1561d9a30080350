import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors';
import type { PdfRenderer } from './pdf-renderer';

/** A browser that has not finished after this long is stuck (a dialog, a locked profile): give up. */
export const PDF_TIMEOUT_MS = 60_000;

interface BrowserSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists: (file: string) => boolean;
}

/** Where Chromium-family browsers install themselves, most likely first, per platform. */
function candidates(platform: NodeJS.Platform, env: BrowserSearch['env']): string[] {
  if (platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter((r): r is string => typeof r === 'string' && r !== '');
    return roots.flatMap((root) => [
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

/**
 * The browser to print with: PINGYI_CHROMIUM when set (and then only it, so that a wrong
 * setting is reported rather than silently replaced), else the first one installed.
 */
export function findBrowser(search: BrowserSearch): string {
  const named = search.env.PINGYI_CHROMIUM;
  if (named !== undefined && named.trim() !== '') {
    if (search.exists(named)) return named;
    throw new AppError('PDF_UNAVAILABLE', `PINGYI_CHROMIUM names ${named}, which does not exist. Point it at a Chromium, Chrome or Edge executable, or unset it.`, {
      browser: named,
    });
  }
  const found = candidates(search.platform, search.env).find((file) => search.exists(file));
  if (found) return found;
  throw new AppError(
    'PDF_UNAVAILABLE',
    'No Chromium-family browser was found to make the PDF. Install Chromium, Google Chrome or Microsoft Edge, or set PINGYI_CHROMIUM to the browser executable; the Word letter works without one.',
    { searched: candidates(search.platform, search.env) },
  );
}

function run(browser: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new AppError('PDF_UNAVAILABLE', `${browser} did not finish the PDF within ${timeoutMs / 1000} s`, { browser }));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new AppError('PDF_UNAVAILABLE', `${browser} could not be started: ${error.message}`, { browser }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new AppError('PDF_UNAVAILABLE', `${browser} stopped with code ${String(code)} while making the PDF`, { browser, stderr: stderr.slice(-1000) }));
    });
  });
}

/**
 * A PdfRenderer that prints with a headless Chromium-family browser as a child process: the
 * HTML goes into a private temporary folder (which also serves as the browser's profile, so a
 * running browser's profile lock never gets in the way) and everything there is removed after.
 */
export function chromiumPdfRenderer(options: { env?: BrowserSearch['env']; timeoutMs?: number } = {}): PdfRenderer {
  return async (html) => {
    const browser = findBrowser({ env: options.env ?? process.env, platform: process.platform, exists: (f) => fs.existsSync(f) });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-pdf-'));
    try {
      const page = path.join(dir, 'letter.html');
      const out = path.join(dir, 'letter.pdf');
      fs.writeFileSync(page, html, 'utf8');
      await run(
        browser,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--no-default-browser-check',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${out}`,
          pathToFileURL(page).href,
        ],
        options.timeoutMs ?? PDF_TIMEOUT_MS,
      );
      if (!fs.existsSync(out)) throw new AppError('PDF_UNAVAILABLE', `${browser} finished without writing the PDF`, { browser });
      return fs.readFileSync(out);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
