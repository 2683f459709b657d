/**
 * The Alert Logic simulator's test-only control interface under `/_sim/` (never an Alert Logic
 * path), JSON in and out:
 *
 * - `POST /_sim/reset` → `{ok}`: reseeds users, drops keys, tokens, registrations, statuses,
 *   ingested counts and incidents, faults and settings.
 * - `POST /_sim/config` `{tokenTtlSeconds?, latencyMs?, writesDisabled?}` → `{ok}`.
 * - `POST /_sim/faults` (sim/shared/control.ts faultSchema) → `{faults}`; `DELETE /_sim/faults`.
 * - `GET /_sim/state` → `{users, tokens, tokenTtlSeconds, writesDisabled, registrations, statuses,
 *   incidents, ingested}`: `registrations` lists live and deregistered collectors `{collectorId, cid,
 *   account, region, functionName, stackName, registeredAt, deregisteredAt, lastCheckin,
 *   lastCheckinStatus, lastCheckinErrorCode, checkins}` (times ISO or null); `statuses` is
 *   `"<cid>/<collector id>"` → status objects, newest first; `incidents` are the iris incidents,
 *   newest first; `ingested` is `cid` → `{secmsgs, logmsgs, lmcstats}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultSchema } from '../shared/control';
import { type FaultInjector, readBody, sendJson } from '../shared/http';
import { type Registration } from './collection-store';
import { type AimsWorld } from './world';

const configSchema = z
  .object({
    tokenTtlSeconds: z.number().int().positive().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    writesDisabled: z.boolean().optional(),
  })
  .strict();

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

function registrationView(r: Registration) {
  return {
    collectorId: r.id,
    cid: r.cid,
    account: r.awsAccountId,
    region: r.region,
    functionName: r.functionName,
    stackName: (r.properties.stackName ?? r.properties.cf_stack_name ?? null) as string | null,
    registeredAt: iso(r.registeredAt),
    deregisteredAt: iso(r.deregisteredAt),
    lastCheckin: iso(r.lastCheckin?.at),
    lastCheckinStatus: r.lastCheckin?.status ?? null,
    lastCheckinErrorCode: r.lastCheckin?.errorCode ?? null,
    checkins: r.checkins,
  };
}

function state(world: AimsWorld) {
  const { collection } = world;
  return {
    users: [...world.users.values()].map((u) => ({
      email: u.email,
      keys: world.keysOf(u.id).map((k) => ({ id: k.id, label: k.label ?? null })),
    })),
    tokens: [...world.tokens.values()].map((t) => ({ token: t.token, userId: t.userId, expiration: t.expiration })),
    tokenTtlSeconds: world.tokenTtlSeconds,
    writesDisabled: world.writesDisabled,
    registrations: [...collection.registrations.values(), ...collection.deregistered].map(registrationView),
    statuses: Object.fromEntries([...collection.statuses].map(([key, list]) => [key, [...list].reverse()])),
    incidents: [...collection.incidents].sort((a, b) => b.createTime - a.createTime),
    ingested: Object.fromEntries(collection.ingested),
  };
}

export async function control(
  sim: { world: AimsWorld; faults: FaultInjector },
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const body = await readBody(req);
  const json = body.length ? (JSON.parse(body.toString('utf8')) as unknown) : {};
  const { world, faults } = sim;
  switch (`${req.method} ${path}`) {
    case 'POST reset':
      world.seed();
      faults.clear();
      return sendJson(res, 200, { ok: true });
    case 'POST config': {
      const cfg = configSchema.parse(json);
      if (cfg.tokenTtlSeconds !== undefined) world.tokenTtlSeconds = cfg.tokenTtlSeconds;
      if (cfg.latencyMs !== undefined) world.latencyMs = cfg.latencyMs;
      if (cfg.writesDisabled !== undefined) world.writesDisabled = cfg.writesDisabled;
      return sendJson(res, 200, { ok: true });
    }
    case 'POST faults':
      faults.add(faultSchema.parse(json));
      return sendJson(res, 200, { faults: faults.list() });
    case 'DELETE faults':
      faults.clear();
      return sendJson(res, 200, { faults: [] });
    case 'GET state':
      // Lets tests check what the console did, and that tokens never leaked to the browser.
      return sendJson(res, 200, state(world));
    default:
      return sendJson(res, 404, { error: 'unknown control request' });
  }
}
