import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Result } from '../../shared/result';
import type { Backend } from '../backend/backend';

import { FILE_NAME_HEADER, STAGE_FILE_PATH, TOKEN_HEADER } from '../../shared/bridge';
import { MAX_STAGED_FILE_BYTES } from '../backend/files/staging';
import { AppError } from '../backend/errors';
import { findExcessiveNesting, MAX_JSON_DEPTH } from '../../shared/domain/json-depth';
const MAX_JSON_BODY = 8 * 1024 * 1024;
/** How much of a refused body is read and dropped before the connection is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024;
const LISTEN_BACKLOG = 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface HttpTransportOptions {
  backend: Backend;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  /** Fixed for tests; random per launch otherwise. */
  token?: string;
  port?: number;
  /** Uploads over this are refused with 413 (MAX_STAGED_FILE_BYTES unless a test sets less). */
  maxUploadBytes?: number;
}

export interface HttpTransport {
  url: string;
  /** The URL to open: the token travels in the fragment, which never reaches a server log. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function deny(res: http.ServerResponse, status: number, code: 'UNAUTHORIZED' | 'VALIDATION' | 'UNKNOWN_CHANNEL' | 'TOO_LARGE', message: string, details?: unknown): void {
  sendJson(res, status, { ok: false, error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/**
 * A body over the limit is answered 413 with a message. The rest of it is read and dropped
 * (up to DRAIN_LIMIT) rather than the socket destroyed, so the client sees the answer instead
 * of a connection reset; the connection then closes.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: number, what: string): void {
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
  res.setHeader('connection', 'close');
  deny(res, 413, 'TOO_LARGE', `${what} is over the limit of ${Math.round(limit / 1024 / 1024)} MB`, { limit });
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const declaredLength = (req: http.IncomingMessage): number => Number(req.headers['content-length'] ?? 0) || 0;

/**
 * Serve the renderer and the backend on 127.0.0.1 only. Every API request must carry the
 * per-launch token, come from this origin (no cross-site Origin or Sec-Fetch-Site), and name
 * this server in its Host header (so a rebound DNS name cannot reach it).
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = options.staticDir ? path.resolve(options.staticDir) : null;
  let port = 0;
  const sseClients = new Set<http.ServerResponse>();

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  function checkApiRequest(req: http.IncomingMessage): string | null {
    if (!allowedHosts().has(req.headers.host ?? '')) return 'Unexpected Host header';
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return 'Requests from other origins are refused';
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'Cross-site requests are refused';
    return null;
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (!staticRoot || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(staticRoot, '.' + rel);
    if (!file.startsWith(staticRoot + path.sep) && file !== staticRoot) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticRoot, 'index.html');
    const headers: http.OutgoingHttpHeaders = {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const problem = checkApiRequest(req);
    if (problem) return deny(res, 403, 'UNAUTHORIZED', problem);
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      return deny(res, 401, 'UNAUTHORIZED', 'Missing or wrong API token');
    }
    if (name === 'events' && req.method === 'GET') return openEventStream(res);
    if (req.method !== 'POST') return deny(res, 405, 'VALIDATION', 'API calls are POST requests');
    if (name === STAGE_FILE_PATH) return stageUpload(req, res);
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return deny(res, 415, 'VALIDATION', 'API calls carry a JSON body');
    if (declaredLength(req) > MAX_JSON_BODY) return refuseTooLarge(req, res, MAX_JSON_BODY, 'The request body');
    let input: unknown;
    try {
      const text = (await readBody(req, MAX_JSON_BODY)).toString('utf8');
      const tooDeep = findExcessiveNesting(text);
      if (tooDeep !== null) {
        return deny(res, 400, 'VALIDATION', `The request body nests more than ${MAX_JSON_DEPTH} levels deep (at character ${tooDeep + 1})`, {
          reason: 'nesting',
          limit: MAX_JSON_DEPTH,
        });
      }
      input = text.length === 0 ? {} : (JSON.parse(text) as unknown);
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseTooLarge(req, res, MAX_JSON_BODY, 'The request body');
      return deny(res, 400, 'VALIDATION', `Unreadable request body: ${(e as Error).message}`);
    }
    const result = await options.backend.invokeWhenFree(name, input);
    const status = result.ok ? 200 : result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
    sendJson(res, status, result);
  }

  async function stageUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawName = req.headers[FILE_NAME_HEADER];
    let fileName: string;
    try {
      fileName = decodeURIComponent(typeof rawName === 'string' ? rawName : '');
    } catch {
      return deny(res, 400, 'VALIDATION', `Unreadable ${FILE_NAME_HEADER} header`);
    }
    if (!fileName) return deny(res, 400, 'VALIDATION', `The ${FILE_NAME_HEADER} header names the uploaded file`);
    const limit = options.maxUploadBytes ?? MAX_STAGED_FILE_BYTES;
    if (declaredLength(req) > limit) return refuseTooLarge(req, res, limit, fileName);
    // Through a pass-through: when the limit stops the copy only that is destroyed, and the
    // request stays open to be drained and answered 413 instead of being reset.
    const body = new PassThrough();
    req.pipe(body);
    try {
      const staged = await options.backend.ctx.staging.addUploadStream(fileName, body, limit);
      sendJson(res, 200, { ok: true, value: { fileRef: staged.fileRef, name: staged.name, size: staged.size } });
    } catch (e) {
      if (e instanceof AppError && e.code === 'TOO_LARGE') {
        req.unpipe(body);
        return refuseTooLarge(req, res, limit, fileName);
      }
      if (!(e instanceof AppError)) options.backend.ctx.errorLog.write('upload', e);
      sendJson(res, 200, { ok: false, error: e instanceof AppError ? e.toBody() : { code: 'INTERNAL', message: String(e) } });
    }
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  const unsubscribe = options.backend.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z][A-Za-z0-9]{0,63})$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((e: unknown) => {
        try {
          options.backend.ctx.errorLog.write(`http ${api[1]!}`, e);
        } catch {
          // In start-up recovery there is no store, so no context and no log yet.
          process.stderr.write(`Pingyi: http ${api[1]!}: ${String(e)}\n`);
        }
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e) } });
      });
    } else if (url.pathname.startsWith('/api/')) {
      deny(res, 404, 'UNKNOWN_CHANNEL', 'Unknown API path');
    } else {
      serveStatic(req, res, url.pathname);
    }
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A burst of parallel requests (a window's list, counts and details at once, or a script)
    // waits in the backlog rather than being refused; Node's default is 511.
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const c of sseClients) c.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
