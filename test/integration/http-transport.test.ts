import fs from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpTransport, type HttpTransport } from '../../electron/transports/http-server';
import { TOKEN_HEADER } from '../../shared/bridge';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let http: HttpTransport;
let staticDir: string;

beforeEach(async () => {
  env = await emptyBackend();
  staticDir = path.join(env.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Pingyi</title>');
  fs.writeFileSync(path.join(env.dir, 'secret.txt'), 'outside the static root');
  http = await startHttpTransport({ backend: env.backend, staticDir });
});
afterEach(async () => {
  await http.close();
  env.cleanup();
});

const post = (name: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${http.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: http.token, ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback HTTP transport', () => {
  it('listens on 127.0.0.1 only, on a free port, with the token in the launch URL fragment', () => {
    expect(http.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(http.port).toBeGreaterThan(0);
    expect(http.launchUrl).toBe(`${http.url}#token=${http.token}`);
    expect(http.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call that carries the token', async () => {
    const res = await post('appInfo', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    const none = await fetch(`${http.url}api/appInfo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await post('appInfo', {}, { [TOKEN_HEADER]: 'x'.repeat(http.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests from another origin even with the token', async () => {
    const res = await post('appInfo', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    // fetch will not send a custom Host header, so this one goes through node:http.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: http.port, path: '/api/appInfo', method: 'POST',
          headers: { host: `attacker.example:${http.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: http.token } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('returns VALIDATION naming the field for malformed input', async () => {
    const body = (await (await post('notificationsGet', { id: 'one' })).json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(body.error.message).toContain('id');
  });

  it('refuses unknown channels and non-JSON bodies', async () => {
    const unknown = await post('shellExec', { cmd: 'rm -rf /' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const text = await fetch(`${http.url}api/appInfo`, { method: 'POST', headers: { [TOKEN_HEADER]: http.token, 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    const broken = await fetch(`${http.url}api/appInfo`, { method: 'POST', headers: { [TOKEN_HEADER]: http.token, 'content-type': 'application/json' }, body: '{"' });
    expect(broken.status).toBe(400);
  });

  it('serves the renderer with the strict CSP and never outside its folder', async () => {
    const page = await fetch(http.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await fetch(`${http.url}%2e%2e/secret.txt`);
    expect(await traversal.text()).not.toContain('outside the static root');
  });

  it('streams backend events to a client holding the token', async () => {
    const controller = new AbortController();
    const res = await fetch(`${http.url}api/events`, { headers: { [TOKEN_HEADER]: http.token }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // the ': connected' comment
    await post('demoLoad', {});
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: dataChanged');
    controller.abort();
    const denied = await fetch(`${http.url}api/events`);
    expect(denied.status).toBe(401);
  });
});
