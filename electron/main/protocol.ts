import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { APP_HOST, APP_SCHEME } from '../security/policy';

/**
 * The renderer is served from app://pingyi/ rather than file://: a standard, secure origin of
 * its own, so 'self' in the CSP means exactly the app's files and file:// keeps no special
 * powers. No privilege beyond what a static site needs (no CSP bypass, no service workers).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    // Vite emits <script type="module" crossorigin>, which Chromium loads in CORS mode.
    corsEnabled: true,
    codeCache: true,
  },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the scheme, errors included, so no page escapes the CSP. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-cache',
  };
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'join'>;

/**
 * Map an app:// request to a file under `root`, or null when the request is refused: another
 * scheme or host, an undecodable or NUL-carrying path, backslashes or colons, dot-segments or
 * hidden files (including their percent-encoded forms), or anything resolving outside `root`.
 * `pathApi` lets the tests check Windows path rules on any machine.
 */
export function resolveAppAsset(root: string, requestUrl: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  // Dot-segments are already folded by the URL parser; one that survives came percent-encoded.
  if (segments.some((s) => s.startsWith('.'))) return null;
  // Asset names never hold a colon; on Windows one would name a drive or an alternate stream.
  if (segments.some((s) => s.includes(':'))) return null;
  const base = pathApi.resolve(root);
  const file = segments.length === 0 ? pathApi.join(base, 'index.html') : pathApi.resolve(base, ...segments);
  const rel = pathApi.relative(base, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(rel)) return null;
  return file;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/**
 * Answer one app:// request from the built renderer in `root`. A path without an extension
 * that names no file gets index.html, so client-side routes survive a reload.
 */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const resolved = resolveAppAsset(root, request.url);
  if (resolved === null) return plain(404, 'Not found');
  let file = resolved;
  if (!(await isFile(file))) {
    if (path.extname(file) !== '') return plain(404, 'Not found');
    file = path.join(path.resolve(root), 'index.html');
    if (!(await isFile(file))) return plain(404, 'The renderer is not built: run `npm run build`.');
  }
  const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(file));
  return new Response(body, { status: 200, headers: appResponseHeaders(contentTypeFor(file)) });
}

/** Must run before the app is ready: Chromium fixes the scheme list at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serve `root` (dist/renderer) on app://pingyi/ for the session `protocol` belongs to. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}
