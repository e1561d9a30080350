import fs from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { startHttpTransport, type HttpTransport } from '../../electron/transports/http-server';
import { FILE_NAME_HEADER, STAGE_FILE_PATH, TOKEN_HEADER } from '../../shared/bridge';
import { fixedClock } from '../../shared/domain/clock';
import { epingRow, writeEpingCsv } from '../fixtures/eping-fixtures';
import { makeTempDir } from '../helpers/temp-store';

const clock = fixedClock('2031-05-12T09:00:00Z');
let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let http: HttpTransport;

beforeEach(async () => {
  tmp = makeTempDir();
  backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock, worker: { script: path.resolve('test/helpers/worker-bootstrap.mjs') } });
  http = await startHttpTransport({ backend, staticDir: null });
});
afterEach(async () => {
  await http.close();
  backend.close();
  tmp.cleanup();
});

const post = (name: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${http.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: http.token, ...headers },
    body,
  });

/** A raw request that declares `declared` bytes and sends `sent`, reading the answer as it comes. */
function rawPost(name: string, declared: number | null, sent: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${http.url}api/${name}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TOKEN_HEADER]: http.token,
          ...(declared === null ? {} : { 'content-length': String(declared) }),
          ...headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = sent;
    const pump = (): void => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (declared === null || declared === sent) req.end();
    };
    pump();
  });
}

describe('web mode under load and hostile requests', () => {
  it('a JSON body over the limit gets 413 TOO_LARGE with a message, not a connection reset', async () => {
    const declared = await rawPost('appInfo', 9 * 1024 * 1024, 9 * 1024 * 1024);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('over the limit') } });
    // Chunked, with no length announced: found while reading.
    const chunked = await rawPost('appInfo', null, 9 * 1024 * 1024);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    // The server still answers afterwards.
    expect((await post('appInfo', '{}')).status).toBe(200);
  });

  it('an upload announced over the limit gets 413 at once, before its bytes arrive', async () => {
    const res = await rawPost(STAGE_FILE_PATH, 300 * 1024 * 1024, 1024 * 1024, { [FILE_NAME_HEADER]: 'huge.xlsx', 'content-type': 'application/octet-stream' });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('a chunked upload that passes the limit gets 413 TOO_LARGE, not a reset, and leaves no file behind', async () => {
    const small = await startHttpTransport({ backend, staticDir: null, maxUploadBytes: 1024 * 1024 });
    try {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          `${small.url}api/${STAGE_FILE_PATH}`,
          { method: 'POST', headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: small.token, [FILE_NAME_HEADER]: 'big.csv' } },
          (r) => {
            let body = '';
            r.setEncoding('utf8');
            r.on('data', (c: string) => (body += c));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end(Buffer.alloc(3 * 1024 * 1024, 0x41));
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
      const root = path.join(tmp.dir, 'staging');
      const left = fs.existsSync(root) ? fs.readdirSync(root).flatMap((d) => fs.readdirSync(path.join(root, d))) : [];
      expect(left).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('a request body nested deeper than 64 levels is refused by name, not parsed', async () => {
    const deep = '{"query":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const res = await post('notificationsList', deep);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'nesting', limit: 64 } } });
  });

  it('an upload is streamed into this process’s staging folder and removed after its import', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => epingRow({ 'Document symbol': `G/TBT/N/KAZ/${i + 1}` }));
    const bytes = fs.readFileSync(writeEpingCsv(path.join(tmp.dir, 'up.csv'), rows));
    const res = await fetch(`${http.url}api/${STAGE_FILE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: http.token, [FILE_NAME_HEADER]: encodeURIComponent('通报 up.csv') },
      body: bytes,
    });
    const staged = (await res.json()) as { ok: true; value: { fileRef: string; size: number } };
    expect(staged).toMatchObject({ ok: true, value: { size: bytes.length } });
    const file = backend.ctx.staging.resolve(staged.value.fileRef).path;
    expect(path.basename(path.dirname(file))).toMatch(new RegExp(`^${process.pid}-`));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const started = (await (await post('notificationsImportStart', JSON.stringify({ fileRef: staged.value.fileRef }))).json()) as { value: { jobId: string } };
    expect(await backend.ctx.jobs.settle(started.value.jobId)).toMatchObject({ status: 'done' });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('200 parallel searches during an import all get answers', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => epingRow({ 'Document symbol': `G/TBT/N/KAZ/${i + 1}`, Description: `Lithium batteries, lot ${i}. `.repeat(10) }));
    const file = writeEpingCsv(path.join(tmp.dir, 'big.csv'), rows);
    const { jobId } = backend.call('notificationsImportStart', { fileRef: backend.ctx.staging.addPath(file).fileRef });
    await new Promise<void>((resolve) => backend.subscribe((name, p) => name === 'jobProgress' && (p as { phase: string }).phase === 'reading' && resolve()));
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => post('notificationsList', JSON.stringify({ query: i % 2 ? 'lithium' : '电池', limit: 20 })).then((r) => r.status)),
    );
    expect(answers.filter((s) => s !== 200)).toEqual([]);
    expect(backend.call('jobsGet', { jobId }).status).toBe('running');
    await backend.ctx.jobs.settle(jobId);
  });
});

describe('staging at start', () => {
  it('removes uploads left by processes that have ended, and keeps those of a running one', async () => {
    const root = path.join(tmp.dir, 'staging');
    fs.mkdirSync(path.join(root, '999999999-dead'), { recursive: true });
    fs.writeFileSync(path.join(root, '999999999-dead', 'left.xlsx'), 'x');
    fs.writeFileSync(path.join(root, 'old-loose-upload.csv'), 'x');
    // pid 1 is always alive: another Pingyi process beside this one.
    fs.mkdirSync(path.join(root, '1-alive'));
    const other = await startBackend({ dataDir: tmp.dir, appVersion: 'test', clock });
    other.close();
    expect(fs.readdirSync(root)).toEqual(['1-alive']);
  });
});
