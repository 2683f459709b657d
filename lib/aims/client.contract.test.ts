/**
 * Contract tests: the real AIMS client over HTTP against the Alert Logic simulator, one case per
 * row of reference/alertlogic-api.md section 7 that concerns AIMS and the endpoints service.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAimsSimulator, type AimsSimulator } from '@/sim/aims/server';
import { createAimsClient, type AimsClient, type UserRef } from './client';
import { AimsError } from './errors';

let sim: AimsSimulator;
let client: AimsClient;

const ADMIN = { username: 'admin@example.com', password: 'Demo-Admin-1' };

beforeAll(async () => {
  sim = await startAimsSimulator();
  client = createAimsClient({ baseUrl: sim.url, timeoutMs: 1500, retryBaseMs: 10 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.world.seed();
  sim.faults.clear();
});

async function adminRef(): Promise<UserRef> {
  const r = await client.authenticate(ADMIN);
  if (r.kind !== 'authenticated') throw new Error('expected a session');
  return { token: r.identity.token, accountId: r.identity.accountId, userId: r.identity.userId };
}

async function expectCode(p: Promise<unknown>, code: AimsError['code']): Promise<AimsError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AimsError);
  expect((err as AimsError).code).toBe(code);
  return err as AimsError;
}

describe('authenticate', () => {
  it('signs in with a password and returns identity, account and token', async () => {
    const r = await client.authenticate(ADMIN);
    expect(r.kind).toBe('authenticated');
    if (r.kind !== 'authenticated') return;
    expect(r.identity).toMatchObject({
      accountId: '10000001',
      accountName: 'Demo Corp',
      email: 'admin@example.com',
      defaultLocation: 'insight-us-virginia',
    });
    expect(r.identity.token.split('.')).toHaveLength(3);
    expect(r.identity.tokenExpiration).toBeGreaterThan(Date.now() / 1000 + 3600);
  });

  it('answers a bad password with 401, empty body and no session header', async () => {
    const raw = await fetch(`${sim.url}/aims/v1/authenticate/`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('admin@example.com:nope').toString('base64')}` },
    });
    expect(raw.status).toBe(401);
    expect(await raw.text()).toBe('');
    expect(raw.headers.get('x-aims-session-token')).toBeNull();
    await expectCode(client.authenticate({ ...ADMIN, password: 'nope' }), 'invalid_credentials');
  });

  it('runs the MFA two-step with the session token', async () => {
    const step1 = await client.authenticate({ username: 'mfa@example.com', password: 'Demo-Mfa-1' });
    expect(step1.kind).toBe('mfa_required');
    if (step1.kind !== 'mfa_required') return;
    await expectCode(
      client.authenticateMfa({ sessionToken: step1.sessionToken, mfaCode: '000000' }),
      'invalid_mfa_code',
    );
    const step2 = await client.authenticateMfa({ sessionToken: step1.sessionToken, mfaCode: '123456' });
    expect(step2.kind).toBe('authenticated');
  });

  it('accepts the MFA code with Basic auth too, and refuses a wrong one', async () => {
    expect(
      (await client.authenticate({ username: 'mfa@example.com', password: 'Demo-Mfa-1', mfaCode: '123456' })).kind,
    ).toBe('authenticated');
    await expectCode(
      client.authenticate({ username: 'mfa@example.com', password: 'Demo-Mfa-1', mfaCode: '111111' }),
      'invalid_mfa_code',
    );
  });

  it('refuses a session token older than 3 minutes', async () => {
    const step1 = await client.authenticate({ username: 'mfa@example.com', password: 'Demo-Mfa-1' });
    if (step1.kind !== 'mfa_required') throw new Error('expected MFA');
    sim.world.mfaSessions.get(step1.sessionToken)!.issuedAt -= 181;
    await expectCode(
      client.authenticateMfa({ sessionToken: step1.sessionToken, mfaCode: '123456' }),
      'invalid_session_token',
    );
  });

  it('reports password_expired and account_inactive', async () => {
    await expectCode(
      client.authenticate({ username: 'expired@example.com', password: 'Demo-Expired-1' }),
      'password_expired',
    );
    await expectCode(
      client.authenticate({ username: 'inactive@example.com', password: 'Demo-Inactive-1' }),
      'account_inactive',
    );
  });

  it('authenticates an access key and records its last use', async () => {
    const me = await adminRef();
    const { key, secretKey } = await client.createAccessKey(me, 'collector');
    const id = await client.authenticateAccessKey({ accessKeyId: key.id, secretKey });
    expect(id.accountId).toBe('10000001');
    await expectCode(
      client.authenticateAccessKey({ accessKeyId: key.id, secretKey: 'f'.repeat(64) }),
      'invalid_credentials',
    );
    const [listed] = await client.listAccessKeys(me);
    expect(listed?.lastUsedAt).toBeGreaterThan(0);
  });
});

describe('token and roles', () => {
  it('token_info returns the roles; an expired token is 401', async () => {
    const me = await adminRef();
    const info = await client.tokenInfo(me.token);
    expect(info.roles.map((r) => r.name)).toEqual(['Administrator']);
    sim.world.tokens.get(me.token)!.expiration = Math.floor(Date.now() / 1000) - 1;
    await expectCode(client.tokenInfo(me.token), 'token_invalid');
    await expectCode(client.listAccessKeys(me), 'token_invalid');
  });

  it('returns each seeded user their role', async () => {
    for (const [username, password, role] of [
      ['admin@example.com', 'Demo-Admin-1', 'Administrator'],
      ['power@example.com', 'Demo-Power-1', 'Power User'],
      ['readonly@example.com', 'Demo-Read-1', 'Read Only'],
    ] as const) {
      const r = await client.authenticate({ username, password });
      if (r.kind !== 'authenticated') throw new Error('expected a session');
      const roles = await client.userRoles({
        token: r.identity.token,
        accountId: r.identity.accountId,
        userId: r.identity.userId,
      });
      expect(roles.map((x) => x.name)).toEqual([role]);
    }
  });
});

describe('access keys', () => {
  it('creates (201, secret once), lists ids and full records, gets, relabels and deletes (204)', async () => {
    const me = await adminRef();
    const created = await client.createAccessKey(me, 'GuardLink us-east-1');
    expect(created.key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(created.secretKey).toMatch(/^[0-9a-f]{64}$/);

    const ids = await fetch(`${sim.url}/aims/v1/${me.accountId}/users/${me.userId}/access_keys`, {
      headers: { 'x-aims-auth-token': me.token },
    });
    expect(await ids.json()).toEqual({ access_keys: [created.key.id] });

    const full = await client.listAccessKeys(me);
    expect(full).toEqual([
      expect.objectContaining({ id: created.key.id, label: 'GuardLink us-east-1', lastUsedAt: 0 }),
    ]);
    expect(JSON.stringify(full)).not.toContain(created.secretKey);

    const upper = created.key.id.toUpperCase();
    expect((await client.getAccessKey(me, upper)).id).toBe(created.key.id);
    expect((await client.relabelAccessKey(me.token, upper, 'renamed')).label).toBe('renamed');
    await client.deleteAccessKey(me, upper);
    expect(await client.listAccessKeys(me)).toEqual([]);
  });

  it('creates an unlabelled key when no body is sent', async () => {
    const me = await adminRef();
    const { key } = await client.createAccessKey(me);
    expect(key.label).toBeUndefined();
  });

  it('answers 404 for unknown ids and rejects bad labels', async () => {
    const me = await adminRef();
    await expectCode(client.deleteAccessKey(me, '0123456789abcdef'), 'not_found');
    await expectCode(client.getAccessKey(me, '0123456789abcdef'), 'not_found');
    await expectCode(client.createAccessKey(me, ''), 'invalid_label');
  });

  it('refuses a sixth key with limit_exceeded', async () => {
    const me = await adminRef();
    for (let i = 0; i < 5; i++) await client.createAccessKey(me, `k${i}`);
    await expectCode(client.createAccessKey(me, 'sixth'), 'limit_exceeded');
    expect(await client.listAccessKeys(me)).toHaveLength(5);
  });

  it('refuses key creation and deletion to non-administrators with 403', async () => {
    const r = await client.authenticate({ username: 'power@example.com', password: 'Demo-Power-1' });
    if (r.kind !== 'authenticated') throw new Error('expected a session');
    const power = { token: r.identity.token, accountId: r.identity.accountId, userId: r.identity.userId };
    await expectCode(client.createAccessKey(power, 'x'), 'forbidden');
    expect(await client.listAccessKeys(power)).toEqual([]);
    // Nor may they touch an administrator's keys.
    const admin = await adminRef();
    await expectCode(client.listAccessKeys({ ...admin, token: power.token }), 'forbidden');
  });

  it('answers writes_disabled with 503 and does not retry it', async () => {
    const me = await adminRef();
    const { key } = await client.createAccessKey(me, 'k');
    sim.world.writesDisabled = true;
    await expectCode(client.createAccessKey(me, 'k2'), 'writes_disabled');
    await expectCode(client.deleteAccessKey(me, key.id), 'writes_disabled');
    expect(await client.listAccessKeys(me)).toHaveLength(1);
  });
});

describe('endpoints service', () => {
  it('resolves a service host for the account and rejects an unknown residency', async () => {
    const me = await adminRef();
    expect(await client.resolveEndpoint(me.token, me.accountId, 'azcollect')).toBe(sim.url);
    const bad = await fetch(`${sim.url}/endpoints/v1/${me.accountId}/residency/mars/services/ingest/endpoint`, {
      headers: { 'x-aims-auth-token': me.token },
    });
    expect(bad.status).toBe(400);
    const many = await fetch(`${sim.url}/endpoints/v1/${me.accountId}/residency/default/endpoints`, {
      method: 'POST',
      headers: { 'x-aims-auth-token': me.token, 'content-type': 'application/json' },
      body: JSON.stringify(['ingest', 'collector_status']),
    });
    expect(await many.json()).toEqual({ ingest: sim.url, collector_status: sim.url });
  });
});

describe('faults', () => {
  it('retries an idempotent call after a 5xx', async () => {
    const me = await adminRef();
    sim.faults.add({ kind: 'status', status: 500, match: 'GET /aims/v1/.*/access_keys', times: 2 });
    expect(await client.listAccessKeys(me)).toEqual([]);
  });

  it('never retries a key creation: one 5xx is one error and no key', async () => {
    const me = await adminRef();
    sim.faults.add({ kind: 'status', status: 502, match: 'POST /aims/v1/.*/access_keys', times: 1 });
    await expectCode(client.createAccessKey(me, 'once'), 'server_error');
    expect(await client.listAccessKeys(me)).toEqual([]);
  });

  it('turns garbage into bad_response, HTML 5xx into server_error, a reset into unreachable', async () => {
    const me = await adminRef();
    sim.faults.add({ kind: 'garbage', match: 'token_info', times: 1 });
    await expectCode(client.tokenInfo(me.token), 'bad_response');
    sim.faults.add({ kind: 'html', status: 502, match: 'token_info', times: 3 });
    await expectCode(client.tokenInfo(me.token), 'server_error');
    sim.faults.add({ kind: 'reset', match: 'token_info', times: 3 });
    await expectCode(client.tokenInfo(me.token), 'unreachable');
  });

  it('gives up on a silent AIMS after the timeout', async () => {
    const me = await adminRef();
    sim.faults.add({ kind: 'hang', match: 'token_info', times: 1 });
    const started = Date.now();
    await expectCode(client.tokenInfo(me.token), 'timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
