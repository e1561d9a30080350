import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { chromiumPdfRenderer, findBrowser } from './chromium-pdf';

const existing = (...files: string[]) => (file: string) => files.includes(file);

function codeOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

describe('finding a browser to print with', () => {
  it('takes PINGYI_CHROMIUM first, and only it when it is set', () => {
    expect(findBrowser({ env: { PINGYI_CHROMIUM: '/opt/chrome/chrome' }, platform: 'linux', exists: existing('/opt/chrome/chrome', '/usr/bin/chromium') })).toBe('/opt/chrome/chrome');
    const missing = codeOf(() => findBrowser({ env: { PINGYI_CHROMIUM: '/opt/none' }, platform: 'linux', exists: existing('/usr/bin/chromium') }));
    expect(missing.code).toBe('PDF_UNAVAILABLE');
    expect(missing.message).toContain('PINGYI_CHROMIUM names /opt/none');
  });

  it('looks where each system installs Chromium, Chrome and Edge', () => {
    expect(findBrowser({ env: {}, platform: 'linux', exists: existing('/usr/bin/google-chrome-stable') })).toBe('/usr/bin/google-chrome-stable');
    const edge = path.win32.join('C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe');
    expect(findBrowser({ env: { 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramFiles: 'C:\\Program Files' }, platform: 'win32', exists: existing(edge) })).toBe(edge);
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ env: {}, platform: 'darwin', exists: existing(chrome) })).toBe(chrome);
  });

  it('says what to install or set when there is none', () => {
    const none = codeOf(() => findBrowser({ env: {}, platform: 'linux', exists: () => false }));
    expect(none.code).toBe('PDF_UNAVAILABLE');
    expect(none.message).toContain('Install Chromium, Google Chrome or Microsoft Edge, or set PINGYI_CHROMIUM');
  });
});

// The stand-in browsers are shell scripts.
describe.skipIf(process.platform === 'win32')('printing with a browser as a child process', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-fake-browser-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A stand-in browser: a shell script that does what `body` says with the arguments it gets. */
  function fakeBrowser(body: string): string {
    const file = path.join(dir, 'browser.sh');
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  }
  const tempDirs = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('pingyi-pdf-'));

  it('gives up on a browser that hangs, and removes its temporary files', async () => {
    const before = new Set(tempDirs());
    const render = chromiumPdfRenderer({ env: { PINGYI_CHROMIUM: fakeBrowser('sleep 20') }, timeoutMs: 300 });
    await expect(render('<p>测试</p>')).rejects.toMatchObject({ code: 'PDF_UNAVAILABLE', message: expect.stringContaining('did not finish the PDF within 0.3 s') });
    expect(tempDirs().filter((d) => !before.has(d))).toEqual([]);
  });

  it('reports a browser that fails, and one that writes nothing', async () => {
    const failing = chromiumPdfRenderer({ env: { PINGYI_CHROMIUM: fakeBrowser('echo broken >&2; exit 3') } });
    await expect(failing('<p/>')).rejects.toMatchObject({ code: 'PDF_UNAVAILABLE', details: { stderr: expect.stringContaining('broken') } });
    const silent = chromiumPdfRenderer({ env: { PINGYI_CHROMIUM: fakeBrowser('exit 0') } });
    await expect(silent('<p/>')).rejects.toMatchObject({ code: 'PDF_UNAVAILABLE', message: expect.stringContaining('without writing the PDF') });
  });

  it('hands the browser the HTML file and returns what it prints', async () => {
    // The stand-in copies the page it was given to the --print-to-pdf target.
    const script = fakeBrowser('for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) page="${a#file://}";; esac; done; cp "$page" "$out"');
    const bytes = await chromiumPdfRenderer({ env: { PINGYI_CHROMIUM: script } })('<p>预警函</p>');
    expect(bytes.toString('utf8')).toBe('<p>预警函</p>');
  });
});
