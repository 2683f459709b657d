/**
 * azcollect (reference/alertlogic-api.md §5.2) and collectors_status (§5.3), as the collector
 * Lambda and the console use them. Every call needs a valid `x-aims-auth-token` (401, empty body)
 * whose account is the path's `cid` (403, empty body). Choices where the reference has no answer:
 *
 * - register: any JSON object body (the 3.x property object or the 1.x `{cf_stack_name, version,
 *   data_type}`) → 200 `{"collector":{"id":"<UPPERCASE UUID>"}}`, the same id while the (cid,
 *   account, region, function) stays registered.
 * - check-in and deregister of a collector that is not registered: 404 `{"error":"not_found"}`;
 *   check-in → 200 `{}`; deregister → 200 `{}`.
 * - status PUT: status must be new|offline|ok|error|warning (400 `{"error":"invalid_status"}`); 200
 *   `{}` when stored, 304 (empty) when the stream's latest status and errorinfo are unchanged (its
 *   timestamp is refreshed). The body's `timestamp` (epoch ms) is kept, capped at now.
 * - status GET: the newest status over all streams, `{"rows":1,"status_id","statuses":[…]}`, or 404
 *   `{"error":"not_found"}` when the collector never reported.
 * - history GET: `?limit=` (default 10, 1..1000), `from_ts`/`until_ts` (epoch ms; values below 1e12
 *   are read as seconds) → array, newest first; `[]` when none.
 */
import { sendEmpty, sendJson } from '../shared/http';
import { ID, accountCaller, parseJson, type Route, type RouteContext } from './route-kit';

const STATUSES = new Set(['new', 'offline', 'ok', 'error', 'warning']);

function jsonObject(ctx: RouteContext, optional: boolean): Record<string, unknown> | undefined {
  const parsed = parseJson(ctx.body);
  const value = parsed.ok ? (parsed.value ?? (optional ? {} : undefined)) : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    sendJson(ctx.res, 400, { error: 'invalid_json' });
    return undefined;
  }
  return value as Record<string, unknown>;
}

function register(ctx: RouteContext): void {
  const [cid = '', account = '', region = '', fn = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const body = jsonObject(ctx, true);
  if (!body) return;
  const reg = ctx.world.collection.register(cid, account, region, fn, body);
  sendJson(ctx.res, 200, { collector: { id: reg.id } });
}

function checkin(ctx: RouteContext): void {
  const [cid = '', account = '', region = '', fn = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const body = jsonObject(ctx, true);
  if (!body) return;
  const reg = ctx.world.collection.find(cid, account, region, fn);
  if (!reg) return sendJson(ctx.res, 404, { error: 'not_found' });
  reg.checkins += 1;
  reg.lastCheckin = {
    at: Date.now(),
    status: typeof body.status === 'string' ? body.status : 'ok',
    errorCode: typeof body.error_code === 'string' ? body.error_code : undefined,
    details: body.details,
  };
  sendJson(ctx.res, 200, {});
}

function deregister(ctx: RouteContext): void {
  const [cid = '', account = '', region = '', fn = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const reg = ctx.world.collection.find(cid, account, region, fn);
  if (!reg) return sendJson(ctx.res, 404, { error: 'not_found' });
  ctx.world.collection.deregister(reg);
  sendJson(ctx.res, 200, {});
}

function putStatus(ctx: RouteContext): void {
  const [cid = '', statusId = '', stream = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const body = jsonObject(ctx, false);
  if (!body) return;
  if (typeof body.status !== 'string' || !STATUSES.has(body.status)) {
    return sendJson(ctx.res, 400, { error: 'invalid_status' });
  }
  const stored = ctx.world.collection.putStatus(cid, statusId, stream, body);
  if (stored) sendJson(ctx.res, 200, {});
  else sendEmpty(ctx.res, 304);
}

function getStatus(ctx: RouteContext): void {
  const [cid = '', statusId = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const latest = ctx.world.collection.statusHistory(cid, statusId)[0];
  if (!latest) return sendJson(ctx.res, 404, { error: 'not_found' });
  sendJson(ctx.res, 200, { rows: 1, status_id: statusId, statuses: [latest] });
}

function msParam(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return NaN;
  return n < 1e12 ? n * 1000 : n;
}

function statusHistory(ctx: RouteContext): void {
  const [cid = '', statusId = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const limitText = ctx.query.get('limit');
  const limit = limitText === null ? 10 : Number(limitText);
  const from = msParam(ctx.query.get('from_ts'));
  const until = msParam(ctx.query.get('until_ts'));
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return sendJson(ctx.res, 400, { error: 'invalid_limit' });
  if (Number.isNaN(from) || Number.isNaN(until)) return sendJson(ctx.res, 400, { error: 'invalid_timestamp' });
  sendJson(ctx.res, 200, ctx.world.collection.statusHistory(cid, statusId, from, until).slice(0, limit));
}

const CWE = `^/azcollect/v1/${ID}/aws/cwe`;
const STATUS = `^/collectors_status/v1/${ID}/statuses/${ID}`;

export const COLLECTOR_ROUTES: Route[] = [
  { method: 'POST', pattern: new RegExp(`${CWE}/checkin/${ID}/${ID}/${ID}$`), handler: checkin },
  { method: 'POST', pattern: new RegExp(`${CWE}/${ID}/${ID}/${ID}$`), handler: register },
  { method: 'DELETE', pattern: new RegExp(`${CWE}/${ID}/${ID}/${ID}$`), handler: deregister },
  { method: 'PUT', pattern: new RegExp(`${STATUS}/streams/${ID}$`), handler: putStatus },
  { method: 'GET', pattern: new RegExp(`${STATUS}$`), handler: getStatus },
  { method: 'GET', pattern: new RegExp(`${STATUS}/history$`), handler: statusHistory },
];
