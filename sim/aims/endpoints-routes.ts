/**
 * The endpoints service (reference/alertlogic-api.md §4). Every service of this simulator (aims,
 * ingest, azcollect, collector_status, iris, …) is served by this one server, so every lookup
 * answers with its own base URL.
 */
import { sendEmpty, sendJson } from '../shared/http';
import { caller } from './aims-routes';
import { ID, parseJson, type Route, type RouteContext } from './route-kit';

const RESIDENCIES = new Set(['default', 'us', 'emea']);

/** Every service of this simulator lives on its own base URL, so each lookup answers with it. */
function endpointFor(ctx: RouteContext, accountId: string, residency: string): boolean {
  if (!caller(ctx)) return false;
  if (!RESIDENCIES.has(residency)) {
    sendJson(ctx.res, 400, { error: 'invalid_residency' });
    return false;
  }
  if (!ctx.world.accounts.has(accountId)) {
    sendEmpty(ctx.res, 404);
    return false;
  }
  return true;
}

function getEndpoint(ctx: RouteContext): void {
  const [accountId, residency, service] = ctx.params as [string, string, string];
  if (endpointFor(ctx, accountId, residency)) sendJson(ctx.res, 200, { [service]: ctx.selfUrl });
}

function getEndpoints(ctx: RouteContext): void {
  const [accountId, residency] = ctx.params as [string, string];
  if (!endpointFor(ctx, accountId, residency)) return;
  const parsed = parseJson(ctx.body);
  if (!parsed.ok || !Array.isArray(parsed.value) || !parsed.value.every((s) => typeof s === 'string')) {
    return sendJson(ctx.res, 400, { error: 'invalid_json' });
  }
  sendJson(ctx.res, 200, Object.fromEntries((parsed.value as string[]).map((s) => [s, ctx.selfUrl])));
}

export const ENDPOINT_ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^/endpoints/v1/${ID}/residency/${ID}/services/${ID}/endpoint$`),
    handler: getEndpoint,
  },
  { method: 'POST', pattern: new RegExp(`^/endpoints/v1/${ID}/residency/${ID}/endpoints$`), handler: getEndpoints },
];
