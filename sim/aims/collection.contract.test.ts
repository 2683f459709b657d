/**
 * Contract tests of the Alert Logic simulator's collector-facing services over plain HTTP:
 * azcollect, collectors_status, ingest and iris (reference/alertlogic-api.md §5, §6, §7).
 */
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAimsSimulator, type AimsSimulator } from './server';

let sim: AimsSimulator;
let token: string;
const CID = '10000001';

beforeAll(async () => {
  sim = await startAimsSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.world.seed();
  sim.faults.clear();
  token = await login('admin@example.com', 'Demo-Admin-1');
});

async function login(user: string, password: string): Promise<string> {
  const res = await fetch(`${sim.url}/aims/v1/authenticate`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  });
  return ((await res.json()) as { authentication: { token: string } }).authentication.token;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      'x-aims-auth-token': token,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}

const REG = `/azcollect/v1/${CID}/aws/cwe/222222222222/us-east-1/alertlogic-cwe-collector`;
const CHECKIN = `/azcollect/v1/${CID}/aws/cwe/checkin/222222222222/us-east-1/alertlogic-cwe-collector`;
const PROPS = {
  awsAccountId: '222222222222',
  region: 'us-east-1',
  functionName: 'alertlogic-cwe-collector',
  stackName: 's',
};

describe('endpoints', () => {
  it('resolves every collector-facing service to this server', async () => {
    for (const service of ['ingest', 'azcollect', 'collector_status', 'iris']) {
      const res = await call('GET', `/endpoints/v1/${CID}/residency/default/services/${service}/endpoint`);
      expect(res.json).toEqual({ [service]: sim.url });
    }
  });
});

describe('azcollect', () => {
  it('registers (both body shapes), keeps the id, checks in and deregisters', async () => {
    const first = await call('POST', REG, PROPS);
    expect(first.status).toBe(200);
    const id = (first.json as { collector: { id: string } }).collector.id;
    expect(id).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const legacy = await call('POST', REG, { cf_stack_name: 's', version: '1.0.0', data_type: 'secmsgs' });
    expect(legacy.json).toEqual({ collector: { id } });

    const checkin = await call('POST', CHECKIN, { ...PROPS, status: 'error', error_code: 'CWE00005', details: {} });
    expect([checkin.status, checkin.json]).toEqual([200, {}]);
    const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as {
      registrations: { collectorId: string; account: string; region: string; lastCheckin: string | null }[];
    };
    expect(state.registrations[0]).toMatchObject({ collectorId: id, account: '222222222222', region: 'us-east-1' });
    expect(Date.parse(state.registrations[0]!.lastCheckin!)).toBeGreaterThan(Date.now() - 5000);
    expect(sim.world.collection.registrations.values().next().value?.lastCheckin?.errorCode).toBe('CWE00005');

    expect((await call('DELETE', REG, PROPS)).status).toBe(200);
    expect((await call('DELETE', REG)).json).toEqual({ error: 'not_found' });
    expect((await call('POST', CHECKIN, PROPS)).status).toBe(404);
    const again = (await call('POST', REG, PROPS)).json as { collector: { id: string } };
    expect(again.collector.id).not.toBe(id);
  });

  it('refuses a missing token with 401 and another account with 403, both empty', async () => {
    const none = await call('POST', REG, PROPS, { 'x-aims-auth-token': 'nope' });
    expect([none.status, none.text]).toEqual([401, '']);
    const other = await call('POST', REG.replace(CID, '20000002'), PROPS);
    expect([other.status, other.text]).toEqual([403, '']);
    expect((await call('POST', CHECKIN, PROPS, { 'x-aims-auth-token': '' })).status).toBe(401);
    expect((await call('DELETE', REG.replace(CID, '20000002'))).status).toBe(403);
  });
});

describe('collectors_status', () => {
  const base = `/collectors_status/v1/${CID}/statuses/ABC`;
  it('stores reports, answers 304 when unchanged, and reads the latest and the history', async () => {
    expect((await call('GET', base)).json).toEqual({ error: 'not_found' });
    const ok = { status: 'ok', inst_type: 'collector', stream: 'guardduty', timestamp: Date.now() - 60_000 };
    expect((await call('PUT', `${base}/streams/guardduty`, ok)).status).toBe(200);
    const same = await call('PUT', `${base}/streams/guardduty`, { ...ok, timestamp: Date.now() });
    expect([same.status, same.text]).toEqual([304, '']);
    const error = { ...ok, status: 'error', timestamp: Date.now(), errorinfo: { details: [{ error: 'x' }] } };
    expect((await call('PUT', `${base}/streams/guardduty`, error)).status).toBe(200);
    expect((await call('PUT', `${base}/streams/guardduty`, { status: 'bad' })).status).toBe(400);

    const latest = (await call('GET', base)).json as {
      rows: number;
      status_id: string;
      statuses: { status: string }[];
    };
    expect(latest).toMatchObject({ rows: 1, status_id: 'ABC', statuses: [{ status: 'error', account_id: CID }] });
    const history = (await call('GET', `${base}/history?limit=10`)).json as { status: string; timestamp: number }[];
    expect(history.map((s) => s.status)).toEqual(['error', 'ok']);
    expect(history[1]!.timestamp).toBeGreaterThan(Date.now() - 5000);
    expect(((await call('GET', `${base}/history?limit=1`)).json as unknown[]).length).toBe(1);
    expect((await call('GET', base, undefined, { 'x-aims-auth-token': 'x' })).status).toBe(401);
  });
});

function finding(id: string, severity: number, time: string) {
  return {
    version: '0',
    id: `evt-${id}`,
    'detail-type': 'GuardDuty Finding',
    source: 'aws.guardduty',
    account: '222222222222',
    time,
    region: 'us-east-1',
    resources: [],
    detail: {
      id,
      severity,
      type: 'Recon:EC2/PortProbeUnprotectedPort',
      title: `<b>title ${id}</b>`,
      region: 'us-east-1',
    },
  };
}

async function ingest(messages: unknown[]) {
  const body = deflateSync(JSON.stringify({ collected_batch: { source_id: 'arn', collected_messages: messages } }));
  return call('POST', `/ingest/v1/${CID}/data/secmsgs`, body, {
    'content-type': 'alertlogic.com/cwe-json',
    'content-encoding': 'deflate',
  });
}

describe('ingest and iris', () => {
  it('makes one incident per GuardDuty finding, rated by severity band', async () => {
    const t = (ago: number) => new Date(Date.now() - ago * 1000).toISOString();
    const res = await ingest([
      finding('f1', 9.5, t(300)),
      finding('f2', 7.2, t(200)),
      finding('f3', 2, t(100)),
      { source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification', detail: {} },
    ]);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/plain']);
    expect((await ingest([finding('f3', 2, t(50))])).status).toBe(200);
    const now = Math.ceil(Date.now() / 1000);
    const list = (await call('GET', `/iris/v3/${CID}/incidents_by_time?start_time=${now - 3600}&end_time=${now}`))
      .json as Record<string, unknown>[];
    expect(list.map((i) => i.guardduty_finding_id)).toEqual(['f3', 'f2', 'f1']);
    expect(list.map((i) => i.incident_threat_rating)).toEqual(['Low', 'High', 'Critical']);
    const first = list[2]!;
    expect(first).toMatchObject({
      accountId: CID,
      detection_source: 'guardduty',
      sources: ['guardduty'],
      aws_region: 'us-east-1',
      incident: { summary: '<b>title f1</b>' },
    });
    expect(first.incidentId).toMatch(/^[0-9A-F-]{36}$/);
    expect((first.incident as { description: string }).description).toContain('f1');
    expect(first.createTime).toBe(Math.floor(Date.parse(t(300)) / 1000));

    const one = await call('GET', `/iris/v3/${CID}/${first.incidentId as string}`);
    expect(one.json).toMatchObject({ guardduty_finding_id: 'f1' });
    expect((await call('GET', `/iris/v3/${CID}/NOPE`)).json).toEqual({ error: 'Not found', code: 404 });
    const iso = await call(
      'GET',
      `/iris/v3/${CID}/incidents_by_time?start_time=${new Date((now - 3600) * 1000).toISOString()}&end_time=${new Date(now * 1000).toISOString()}`,
    );
    expect((iso.json as unknown[]).length).toBe(3);
  });

  it('answers 400 without times, pages with pagination=true, and refuses bad bodies', async () => {
    const missing = await call('GET', `/iris/v3/${CID}/incidents_by_time?start_time=1`);
    expect([missing.status, missing.json]).toEqual([
      400,
      { code: 400, error: 'start_time and end_time query strings must be provided' },
    ]);
    await ingest(['a', 'b', 'c'].map((id, i) => finding(id, 5, new Date(Date.now() - i * 1000).toISOString())));
    const range = `start_time=0&end_time=${Math.ceil(Date.now() / 1000)}`;
    const page = (await call('GET', `/iris/v3/${CID}/incidents_by_time?${range}&pagination=true&limit=2&offset=0`))
      .json as { iris_items: { guardduty_finding_id: string }[]; metadata: Record<string, unknown> };
    expect(page.iris_items.map((i) => i.guardduty_finding_id)).toEqual(['a', 'b']);
    expect(page.metadata).toMatchObject({ limit: 2, offset: 0, total_count: 3, links: { prev: null } });
    expect((page.metadata.links as { next: string }).next).toContain('offset=2');
    const last = (await call('GET', `/iris/v3/${CID}/incidents_by_time?${range}&pagination=true&limit=2&offset=2`))
      .json as { iris_items: unknown[]; metadata: { links: { next: unknown } } };
    expect([last.iris_items.length, last.metadata.links.next]).toEqual([1, null]);
    expect((await call('GET', `/iris/v3/${CID}/incidents_by_time?${range}&pagination=true&limit=0`)).json).toEqual({
      code: 400,
      error: "Invalid query parameter 'limit'",
    });
    const garbage = await call('POST', `/ingest/v1/${CID}/data/secmsgs`, Buffer.from('not deflate'), {
      'content-encoding': 'deflate',
    });
    expect([garbage.status, garbage.json]).toEqual([400, { error: 'invalid_body' }]);
    expect((await call('POST', `/ingest/v1/${CID}/data/vpcflow`, {})).status).toBe(404);
    expect((await call('GET', `/iris/v3/20000002/incidents_by_time?${range}`)).status).toBe(403);
  });
});
