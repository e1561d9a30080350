import { expect, test } from './fixtures';

const TOKEN_HEADER = 'x-pingyi-token';

test('the API refuses a call without the token', async ({ request, server }) => {
  const response = await request.post(`${server.baseUrl}/api/appInfo`, { data: {} });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
});

test('the API refuses a call with a wrong token', async ({ request, server }) => {
  const response = await request.post(`${server.baseUrl}/api/appInfo`, {
    data: {},
    headers: { [TOKEN_HEADER]: `${server.token}x` },
  });
  expect(response.status()).toBe(401);
});

test('the API refuses a call from another origin even with the token', async ({ request, server }) => {
  const response = await request.post(`${server.baseUrl}/api/appInfo`, {
    data: {},
    headers: { [TOKEN_HEADER]: server.token, origin: 'http://evil.example' },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
});

test('the event stream needs the token too', async ({ request, server }) => {
  const response = await request.get(`${server.baseUrl}/api/events`);
  expect(response.status()).toBe(401);
});

test('the API answers a same-origin call that carries the token', async ({ request, server }) => {
  const response = await request.post(`${server.baseUrl}/api/appInfo`, {
    data: {},
    headers: { [TOKEN_HEADER]: server.token, origin: server.baseUrl },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, value: { dataDir: server.dataDir } });
});
