/**
 * iris (reference/alertlogic-api.md §6.2), read side of the incidents made by ingest:
 *
 * - `GET /iris/v3/{cid}/incidents_by_time?start_time=&end_time=` (epoch seconds or ISO 8601; both
 *   required: 400 `{"code":400,"error":"start_time and end_time query strings must be provided"}`;
 *   unreadable: 400 `{"code":400,"error":"Invalid query parameter 'start_time'"}`) → the incidents
 *   whose createTime is in [start, end], newest first, as an array. With `pagination=true`:
 *   `{"iris_items":[…],"metadata":{"limit","offset","total_count","links":{"self","first","prev","next"}}}`,
 *   `limit` ≥ 1 (default 10) and `offset` ≥ 0 (default 0), else 400 `Invalid query parameter 'limit'`.
 * - `GET /iris/v3/{cid}/{incident_id}` and `GET /iris/v3/{cid}/friendly/{friendly_id}` → the
 *   incident, or 404 `{"error":"Not found","code":404}`.
 */
import { sendJson } from '../shared/http';
import { ID, accountCaller, type Route, type RouteContext } from './route-kit';

const badParameter = (ctx: RouteContext, name: string) =>
  sendJson(ctx.res, 400, { code: 400, error: `Invalid query parameter '${name}'` });

/** Epoch seconds (a number) or an ISO date; NaN when neither. */
function seconds(value: string): number {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms / 1000 : NaN;
}

function count(ctx: RouteContext, name: string, fallback: number, min: number): number | undefined {
  const value = ctx.query.get(name);
  if (value === null) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) {
    badParameter(ctx, name);
    return undefined;
  }
  return n;
}

function incidentsByTime(ctx: RouteContext): void {
  const [cid = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const startText = ctx.query.get('start_time');
  const endText = ctx.query.get('end_time');
  if (!startText || !endText) {
    return sendJson(ctx.res, 400, { code: 400, error: 'start_time and end_time query strings must be provided' });
  }
  const start = seconds(startText);
  const end = seconds(endText);
  if (Number.isNaN(start)) return badParameter(ctx, 'start_time');
  if (Number.isNaN(end)) return badParameter(ctx, 'end_time');
  const items = ctx.world.collection.incidents
    .filter((i) => i.accountId === cid && i.createTime >= start && i.createTime <= end)
    .sort((a, b) => b.createTime - a.createTime || b.updateTime - a.updateTime);
  if (ctx.query.get('pagination') !== 'true') return sendJson(ctx.res, 200, items);

  const limit = count(ctx, 'limit', 10, 1);
  if (limit === undefined) return;
  const offset = count(ctx, 'offset', 0, 0);
  if (offset === undefined) return;
  const link = (at: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('offset', String(at));
    q.set('limit', String(limit));
    return `/iris/v3/${cid}/incidents_by_time?${q.toString()}`;
  };
  sendJson(ctx.res, 200, {
    iris_items: items.slice(offset, offset + limit),
    metadata: {
      limit,
      offset,
      total_count: items.length,
      links: {
        self: link(offset),
        first: link(0),
        prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
        next: offset + limit < items.length ? link(offset + limit) : null,
      },
    },
  });
}

function incidentById(ctx: RouteContext): void {
  const [cid = '', id = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const incident = ctx.world.collection.incidents.find(
    (i) => i.accountId === cid && i.incidentId.toUpperCase() === id.toUpperCase(),
  );
  if (!incident) return sendJson(ctx.res, 404, { error: 'Not found', code: 404 });
  sendJson(ctx.res, 200, incident);
}

function incidentByFriendlyId(ctx: RouteContext): void {
  const [cid = '', id = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  const incident = ctx.world.collection.incidents.find((i) => i.accountId === cid && String(i.humanFriendlyId) === id);
  if (!incident) return sendJson(ctx.res, 404, { error: 'Not found', code: 404 });
  sendJson(ctx.res, 200, incident);
}

export const IRIS_ROUTES: Route[] = [
  { method: 'GET', pattern: new RegExp(`^/iris/v3/${ID}/incidents_by_time$`), handler: incidentsByTime },
  { method: 'GET', pattern: new RegExp(`^/iris/v3/${ID}/friendly/${ID}$`), handler: incidentByFriendlyId },
  { method: 'GET', pattern: new RegExp(`^/iris/v3/${ID}/(?!incidents_by_time$)${ID}$`), handler: incidentById },
];
