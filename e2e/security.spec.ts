import { USERS, expect, sim, signIn, test } from './fixtures';

test('security headers are on every page and API answer', async ({ page, request }) => {
  for (const path of ['/sign-in', '/api/keys', '/does-not-exist']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('no-referrer');
    expect(h['x-frame-options'], path).toBe('DENY');
  }
  await signIn(page, USERS.admin);
  const keys = await page.goto('/keys');
  expect(keys?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('a tampered session cookie is no session', async ({ page, context }) => {
  await signIn(page, USERS.admin);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'))!;
  await context.addCookies([{ ...cookie, value: cookie.value.slice(0, -6) + 'AAAAAA' }]);
  await page.goto('/keys');
  await expect(page).toHaveURL(/\/sign-in/);
  const api = await page.request.get('/api/keys');
  expect(api.status()).toBe(401);
});

test('cross-site and origin-less writes are refused and change nothing', async ({ page }) => {
  await signIn(page, USERS.admin);
  const evil = await page.request.post('/api/keys', {
    data: { label: 'csrf' },
    headers: { origin: 'http://evil.example' },
  });
  expect(evil.status()).toBe(403);
  expect(await evil.json()).toEqual({ error: 'cross_site', message: 'Cross-site request refused.' });
  const none = await page.request.post('/api/keys', { data: { label: 'csrf' } });
  expect(none.status()).toBe(403);
  expect(await sim.keysOf(USERS.admin.email)).toEqual([]);
});

test('bad input gets a clear 4xx, never a stack trace', async ({ page }) => {
  await signIn(page, USERS.admin);
  const origin = new URL(page.url()).origin;
  const cases: {
    name: string;
    method: 'post' | 'delete' | 'patch';
    path: string;
    data?: unknown;
    raw?: string;
    type?: string;
    status: number;
    message: RegExp;
  }[] = [
    {
      name: 'empty label',
      method: 'post',
      path: '/api/keys',
      data: { label: '' },
      status: 400,
      message: /Give the key a label/,
    },
    {
      name: 'oversized label',
      method: 'post',
      path: '/api/keys',
      data: { label: 'x'.repeat(101) },
      status: 400,
      message: /100 characters/,
    },
    {
      name: 'label of wrong type',
      method: 'post',
      path: '/api/keys',
      data: { label: 42 },
      status: 400,
      message: /must be text/,
    },
    {
      name: 'unknown field',
      method: 'post',
      path: '/api/keys',
      data: { label: 'a', admin: true },
      status: 400,
      message: /admin|Unrecognized/i,
    },
    {
      name: 'not JSON',
      method: 'post',
      path: '/api/keys',
      raw: '{label:',
      type: 'application/json',
      status: 400,
      message: /not valid JSON/,
    },
    {
      name: 'wrong media type',
      method: 'post',
      path: '/api/keys',
      raw: 'label=a',
      type: 'application/x-www-form-urlencoded',
      status: 415,
      message: /application\/json/,
    },
    {
      name: 'huge body',
      method: 'post',
      path: '/api/keys',
      raw: JSON.stringify({ label: 'x'.repeat(20_000) }),
      type: 'application/json',
      status: 413,
      message: /too large/,
    },
    { name: 'malformed key id', method: 'delete', path: '/api/keys/not-a-key', status: 400, message: /16 hexadecimal/ },
    {
      name: 'unknown key id',
      method: 'delete',
      path: '/api/keys/0123456789abcdef',
      status: 404,
      message: /no such item/,
    },
  ];
  for (const c of cases) {
    const res = await page.request[c.method](c.path, {
      headers: { origin, ...(c.type ? { 'content-type': c.type } : {}) },
      ...(c.raw !== undefined ? { data: Buffer.from(c.raw) } : c.data !== undefined ? { data: c.data } : {}),
    });
    expect(res.status(), c.name).toBe(c.status);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.message, c.name).toMatch(c.message);
    expect(JSON.stringify(body), c.name).not.toMatch(/\.ts:|at [A-Za-z]+ \(/);
  }
  expect(await sim.keysOf(USERS.admin.email)).toEqual([]);
});

test('Alert Logic answering garbage or HTML: 502 with a short message', async ({ page }) => {
  await signIn(page, USERS.admin);
  await sim.fault({ kind: 'garbage', match: 'GET /aims/v1/.*/access_keys', times: 1 });
  const garbage = await page.request.get('/api/keys');
  expect(garbage.status()).toBe(502);
  expect(((await garbage.json()) as { message: string }).message).toContain('could not read');
  await sim.fault({ kind: 'html', match: 'GET /aims/v1/.*/access_keys' });
  const html = await page.request.get('/api/keys');
  expect(html.status()).toBe(502);
  expect(((await html.json()) as { message: string }).message).toContain('server error');
});
