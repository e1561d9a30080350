import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import {
  APP_SCHEME_PRIVILEGES,
  handleAppProtocol,
  registerAppScheme,
  resolveAppAsset,
  serveAppRequest,
} from './protocol';

describe('resolveAppAsset (POSIX paths)', () => {
  const root = '/opt/pingyi/dist/renderer';
  const at = (url: string): string | null => resolveAppAsset(root, url, path.posix);

  it('maps the root to index.html and files to their place under the root', () => {
    expect(at('app://pingyi/')).toBe('/opt/pingyi/dist/renderer/index.html');
    expect(at('app://pingyi')).toBe('/opt/pingyi/dist/renderer/index.html');
    expect(at('app://pingyi/index.html')).toBe('/opt/pingyi/dist/renderer/index.html');
    expect(at('app://pingyi/assets/index-a1b2.js')).toBe('/opt/pingyi/dist/renderer/assets/index-a1b2.js');
    expect(at('app://pingyi/assets/index.js?v=1#x')).toBe('/opt/pingyi/dist/renderer/assets/index.js');
  });

  it('decodes percent-encoded names, including Chinese ones', () => {
    expect(at('app://pingyi/assets/a%20b.png')).toBe('/opt/pingyi/dist/renderer/assets/a b.png');
    expect(at('app://pingyi/%E5%9B%BE%E6%A0%87.svg')).toBe('/opt/pingyi/dist/renderer/图标.svg');
  });

  it('keeps dot-segments inside the root, as the URL parser folds them (encoded or not)', () => {
    expect(at('app://pingyi/../../etc/passwd')).toBe('/opt/pingyi/dist/renderer/etc/passwd');
    expect(at('app://pingyi/assets/../index.html')).toBe('/opt/pingyi/dist/renderer/index.html');
    expect(at('app://pingyi/%2e%2e/%2e%2e/etc/passwd')).toBe('/opt/pingyi/dist/renderer/etc/passwd');
    expect(at('app://pingyi/assets/.%2e/.%2E/secret')).toBe('/opt/pingyi/dist/renderer/secret');
  });

  it.each([
    ['encoded slashes', 'app://pingyi/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded backslashes', 'app://pingyi/..%5c..%5cetc%5cpasswd'],
    ['a NUL byte', 'app://pingyi/index.html%00.png'],
    ['a broken escape', 'app://pingyi/%E0%A4%A'],
    ['a hidden file', 'app://pingyi/.env'],
    ['a colon', 'app://pingyi/C:/Windows/win.ini'],
    ['another host', 'app://evil/index.html'],
    ['credentials', 'app://user:pw@pingyi/index.html'],
    ['another scheme', 'file:///opt/pingyi/dist/renderer/index.html'],
    ['https', 'https://pingyi/index.html'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(at(url)).toBeNull();
  });

  it('decodes once only, so double-encoded dots name a literal "%2e%2e" inside the root', () => {
    expect(at('app://pingyi/%252e%252e/x')).toBe('/opt/pingyi/dist/renderer/%2e%2e/x');
  });
});

describe('resolveAppAsset (Windows paths)', () => {
  const root = 'C:\\Program Files\\Pingyi\\resources\\app.asar\\dist\\renderer';
  const at = (url: string): string | null => resolveAppAsset(root, url, path.win32);

  it('maps files under the root', () => {
    expect(at('app://pingyi/assets/index.js')).toBe(`${root}\\assets\\index.js`);
    expect(at('app://pingyi/')).toBe(`${root}\\index.html`);
  });

  it.each([
    ['encoded backslashes', 'app://pingyi/..%5c..%5c..%5cwin.ini'],
    ['encoded slashes', 'app://pingyi/..%2F..%2Fwin.ini'],
    ['a drive letter', 'app://pingyi/D:%5Csecret.txt'],
    ['an alternate data stream', 'app://pingyi/index.html::$DATA'],
    ['a UNC path', 'app://pingyi/%5c%5cserver%5cshare%5cx'],
  ])('refuses %s', (_why, url) => {
    expect(at(url)).toBeNull();
  });
});

describe('the app:// handler', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-protocol-'));
    root = path.join(base, 'renderer');
    outside = path.join(base, 'secret.txt');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Pingyi</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    fs.writeFileSync(outside, 'do not serve');
  });

  afterAll(() => {
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET'): Promise<Response> => serveAppRequest(root, new Request(url, { method }));

  it('serves the page with the CSP and a correct content type', async () => {
    const res = await get('app://pingyi/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Pingyi</title>');
  });

  it('serves scripts and styles with their types', async () => {
    expect((await get('app://pingyi/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://pingyi/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers client-side routes with index.html so a reload keeps working', async () => {
    const res = await get('app://pingyi/notifications/42');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Pingyi</title>');
  });

  it('answers a missing asset with 404, still under the CSP', async () => {
    const res = await get('app://pingyi/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await get('app://pingyi/..%2fsecret.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('do not serve');
    expect(fs.existsSync(outside)).toBe(true);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://pingyi/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://pingyi/index.html', 'POST')).status).toBe(405);
  });

  it('registers a standard, secure scheme without CSP bypass or service workers', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeFalsy();
  });

  it('installs its handler for the app scheme', async () => {
    const installed: Array<{ scheme: string; handler: (request: Request) => Response | Promise<Response> }> = [];
    handleAppProtocol({ handle: (scheme, handler) => installed.push({ scheme, handler }) }, root);
    expect(installed.map((h) => h.scheme)).toEqual(['app']);
    const res = await installed[0]!.handler(new Request('app://pingyi/'));
    expect(res.status).toBe(200);
  });
});
