/**
 * ingest (reference/alertlogic-api.md §6.1): `POST /ingest/v1/{cid}/data/{secmsgs|logmsgs|lmcstats}`
 * with a zlib-deflated body (`Content-Encoding: deflate`; gzip and plain are read too). secmsgs is
 * JSON `{"collected_batch":{"source_id","collected_messages":[…]}}`: each GuardDuty finding event
 * (`source: "aws.guardduty"`, `detail-type: "GuardDuty Finding"`) becomes or updates an iris
 * incident. lmcstats is a JSON array; logmsgs (protobuf) is accepted opaquely. Answers 200
 * `text/plain` with an empty body; 400 `{"error":"invalid_body"}` for a body it cannot decode or
 * read; 404 `{"error":"unknown_data_type"}` for another data type; auth as every account call.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import { sendJson } from '../shared/http';
import { upsertIncident } from './incidents';
import { ID, accountCaller, header, type Route, type RouteContext } from './route-kit';

const TYPES = new Set(['secmsgs', 'logmsgs', 'lmcstats']);

function decode(ctx: RouteContext): Buffer | undefined {
  const encoding = (header(ctx.req, 'content-encoding') ?? '').toLowerCase();
  try {
    if (encoding === 'deflate') return inflateSync(ctx.body);
    if (encoding === 'gzip') return gunzipSync(ctx.body);
    return ctx.body;
  } catch {
    return undefined;
  }
}

function readJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function ingest(ctx: RouteContext): void {
  const [cid = '', type = ''] = ctx.params;
  if (!accountCaller(ctx, cid)) return;
  if (!TYPES.has(type)) return sendJson(ctx.res, 404, { error: 'unknown_data_type' });
  const raw = decode(ctx);
  if (!raw) return sendJson(ctx.res, 400, { error: 'invalid_body' });
  const { collection } = ctx.world;
  if (type === 'secmsgs') {
    const batch = (readJson(raw) as { collected_batch?: { collected_messages?: unknown } } | undefined)
      ?.collected_batch;
    const messages = batch?.collected_messages;
    if (!Array.isArray(messages)) return sendJson(ctx.res, 400, { error: 'invalid_body' });
    for (const m of messages) {
      if (!m || typeof m !== 'object') continue;
      const event = m as Record<string, unknown>;
      if (event.source === 'aws.guardduty' && event['detail-type'] === 'GuardDuty Finding') {
        upsertIncident(collection, cid, event);
      }
    }
    collection.countIngested(cid, 'secmsgs', messages.length);
  } else if (type === 'lmcstats') {
    const stats = readJson(raw);
    if (!Array.isArray(stats)) return sendJson(ctx.res, 400, { error: 'invalid_body' });
    collection.countIngested(cid, 'lmcstats', stats.length);
  } else {
    collection.countIngested(cid, 'logmsgs', 1);
  }
  ctx.res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '0' });
  ctx.res.end();
}

export const INGEST_ROUTES: Route[] = [
  { method: 'POST', pattern: new RegExp(`^/ingest/v1/${ID}/data/${ID}$`), handler: ingest },
];
