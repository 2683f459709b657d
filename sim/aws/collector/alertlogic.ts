/**
 * The collector Lambda's calls to Alert Logic (reference/alertlogic-api.md §3.1, §4, §5, §6.1),
 * made for real against the Alert Logic simulator: AIMS authenticate, endpoints lookups, azcollect
 * register/check-in/deregister, collectors_status reports and ingest. Failures are AlertLogicError
 * with the text the Lambda logs; aborts and timeouts propagate untouched.
 */
import { deflateSync } from 'node:zlib';

export class AlertLogicError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface AlContext {
  aimsUrl: string;
  signal: AbortSignal;
}

export interface AlSession {
  token: string;
  /** The Alert Logic account id (`authentication.account.id`). */
  cid: string;
}

/** The services the collector resolves; the endpoints name is `collector_status`, the path `collectors_status`. */
export const AL_SERVICES = ['azcollect', 'ingest', 'collector_status'] as const;
export type AlService = (typeof AL_SERVICES)[number];
export type AlHosts = Record<AlService, string>;

/** Hosts may come back without a scheme (§4): those are https. */
export const hostUrl = (host: string): string =>
  (host.startsWith('http') ? host : `https://${host}`).replace(/\/$/, '');

const isAbort = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');

async function call(ctx: AlContext, url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: ctx.signal });
  } catch (err) {
    if (isAbort(err)) throw err;
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw new AlertLogicError(`${what} request failed: ${cause}`);
  }
}

async function expectOk(res: Response, what: string, ok: number[] = [200]): Promise<unknown> {
  const text = await res.text();
  if (!ok.includes(res.status))
    throw new AlertLogicError(`${what} failed: ${res.status} ${res.statusText}`, res.status);
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    return {};
  }
}

export async function authenticate(ctx: AlContext, accessKeyId: string, secretKey: string): Promise<AlSession> {
  const basic = Buffer.from(`${accessKeyId}:${secretKey}`).toString('base64');
  const res = await call(
    ctx,
    `${hostUrl(ctx.aimsUrl)}/aims/v1/authenticate`,
    { method: 'POST', headers: { authorization: `Basic ${basic}` } },
    'AIMS',
  );
  const body = (await expectOk(res, 'AIMS authentication')) as {
    authentication?: { token?: string; account?: { id?: string } };
  };
  const token = body.authentication?.token;
  const cid = body.authentication?.account?.id;
  if (!token || !cid) throw new AlertLogicError('AIMS authentication failed: unreadable answer');
  return { token, cid };
}

export async function resolveEndpoint(ctx: AlContext, s: AlSession, service: AlService): Promise<string> {
  const res = await call(
    ctx,
    `${hostUrl(ctx.aimsUrl)}/endpoints/v1/${s.cid}/residency/default/services/${service}/endpoint`,
    { headers: { 'x-aims-auth-token': s.token } },
    'endpoints',
  );
  const body = (await expectOk(res, `endpoints ${service} lookup`)) as Record<string, unknown>;
  const host = body[service];
  if (typeof host !== 'string' || host === '') throw new AlertLogicError(`endpoints ${service} lookup: no host`);
  return host;
}

const json = (s: AlSession) => ({
  'x-aims-auth-token': s.token,
  'content-type': 'application/json',
  accept: 'application/json',
});

const registrationPath = (s: AlSession, account: string, region: string, fn: string, checkin = false) =>
  `/azcollect/v1/${s.cid}/aws/cwe/${checkin ? 'checkin/' : ''}${account}/${region}/${encodeURIComponent(fn)}`;

export interface CollectorTarget {
  account: string;
  region: string;
  functionName: string;
}

/** Returns the collector id, or `none` when the answer carries none (as the real Lambda does). */
export async function registerCollector(
  ctx: AlContext,
  host: string,
  s: AlSession,
  t: CollectorTarget,
  properties: Record<string, unknown>,
): Promise<string> {
  const url = hostUrl(host) + registrationPath(s, t.account, t.region, t.functionName);
  const res = await call(ctx, url, { method: 'POST', headers: json(s), body: JSON.stringify(properties) }, 'azcollect');
  const body = (await expectOk(res, 'azcollect registration')) as { collector?: { id?: unknown } };
  return typeof body.collector?.id === 'string' ? body.collector.id : 'none';
}

export async function deregisterCollector(
  ctx: AlContext,
  host: string,
  s: AlSession,
  t: CollectorTarget,
  properties: Record<string, unknown>,
): Promise<void> {
  const url = hostUrl(host) + registrationPath(s, t.account, t.region, t.functionName);
  const res = await call(
    ctx,
    url,
    { method: 'DELETE', headers: json(s), body: JSON.stringify(properties) },
    'azcollect',
  );
  await expectOk(res, 'azcollect deregistration', [200, 204]);
}

export async function checkinCollector(
  ctx: AlContext,
  host: string,
  s: AlSession,
  t: CollectorTarget,
  body: Record<string, unknown>,
): Promise<void> {
  const url = hostUrl(host) + registrationPath(s, t.account, t.region, t.functionName, true);
  const res = await call(ctx, url, { method: 'POST', headers: json(s), body: JSON.stringify(body) }, 'azcollect');
  await expectOk(res, 'azcollect checkin');
}

/** PUT a status for a stream; 304 (unchanged) counts as success (§5.3). */
export async function putCollectorStatus(
  ctx: AlContext,
  host: string,
  s: AlSession,
  collectorId: string,
  stream: string,
  status: Record<string, unknown>,
): Promise<void> {
  const url = `${hostUrl(host)}/collectors_status/v1/${s.cid}/statuses/${encodeURIComponent(collectorId)}/streams/${encodeURIComponent(stream)}`;
  const res = await call(
    ctx,
    url,
    { method: 'PUT', headers: json(s), body: JSON.stringify(status) },
    'collectors_status',
  );
  await expectOk(res, 'collectors_status report', [200, 304]);
}

export type IngestType = 'secmsgs' | 'logmsgs' | 'lmcstats';

const INGEST_CONTENT_TYPE: Record<IngestType, string> = {
  secmsgs: 'alertlogic.com/cwe-json',
  logmsgs: 'alertlogic.com/lm3-protobuf',
  lmcstats: 'alertlogic.com/json',
};

/** Deflates the JSON payload (zlib, not gzip) and posts it as the Lambda does (§6.1). */
export async function ingest(ctx: AlContext, host: string, s: AlSession, type: IngestType, payload: unknown) {
  const res = await call(
    ctx,
    `${hostUrl(host)}/ingest/v1/${s.cid}/data/${type}`,
    {
      method: 'POST',
      headers: {
        'x-aims-auth-token': s.token,
        'content-type': INGEST_CONTENT_TYPE[type],
        'content-encoding': 'deflate',
        'x-invoked-by': 'lambda_function',
      },
      body: deflateSync(Buffer.from(JSON.stringify(payload))),
    },
    'ingest',
  );
  await expectOk(res, `ingest ${type}`);
}
