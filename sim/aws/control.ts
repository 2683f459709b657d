/**
 * The AWS simulator's test-only control interface under `/_sim/` (never an AWS path), JSON in/out:
 *
 * - `POST /_sim/reset` → `{ok}`: stops running stack operations, reseeds the world (world.ts),
 *   clears faults, throttles, failed regions, denies, latency, and restores the start-up duration.
 * - `POST /_sim/config` `{stackDurationMs?, latencyMs?, registrationTimeoutMs?}` → `{ok}`.
 * - `POST /_sim/throttle` `{service: cloudformation|sts|guardduty|ec2|iam|lambda, rate: 0..1}` →
 *   `{throttles}`; that fraction of the service's calls gets its throttling error; rate 0 removes it.
 * - `POST /_sim/fail-region` `{region, mode: error|timeout|off}` → `{failRegions}`: every call
 *   signed for the region answers 500 InternalFailure, or is never answered.
 * - `POST /_sim/deny` `{account, principal, actions: ["iam:CreateRole", "iam:*", "*"]}` → `{ok}`;
 *   the principal is the IAM user or role name; empty `actions` clears.
 * - `POST /_sim/faults` (sim/shared/control.ts faultSchema) → `{faults}`; `DELETE /_sim/faults`.
 *   A fault's `match` is tested against `METHOD /path`, then, for form and JSON RPC calls, against
 *   `METHOD Action=<Op>` (e.g. `Action=CreateStack`).
 * - `GET /_sim/state` → `{stacks, createStackCalls, detectors, functions, logs, assumeRoleCalls,
 *   denies, settings, faults}` (see `state` below; secrets are masked).
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultSchema } from '../shared/control';
import { type FaultInjector, readBody, sendJson } from '../shared/http';
import { THROTTLED_SERVICES } from './services';
import { type SimSettings } from './settings';
import { type AwsWorld } from './world';
import { type StackEngine } from './cloudformation/engine';
import { maskedParameters } from './cloudformation/views';

export interface ControlTarget {
  world: AwsWorld;
  settings: SimSettings;
  engine: StackEngine;
  faults: FaultInjector;
}

const configSchema = z
  .object({
    stackDurationMs: z.number().int().min(0).max(3_600_000).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    registrationTimeoutMs: z.number().int().min(1).max(900_000).optional(),
  })
  .strict();

const throttleSchema = z.object({ service: z.enum(THROTTLED_SERVICES), rate: z.number().min(0).max(1) }).strict();

const failRegionSchema = z
  .object({ region: z.string().min(1).max(50), mode: z.enum(['error', 'timeout', 'off']) })
  .strict();

const denySchema = z
  .object({
    account: z.string().regex(/^\d{12}$/),
    principal: z.string().min(1).max(128),
    actions: z.array(z.string().regex(/^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*]+)$/)),
  })
  .strict();

function state({ world, settings, faults }: ControlTarget): unknown {
  return {
    stacks: world.stacks.map((s) => ({
      account: s.account,
      region: s.region,
      stackName: s.stackName,
      stackId: s.stackId,
      status: s.status,
      statusReason: s.statusReason ?? null,
      tags: s.tags,
      parameters: maskedParameters(s),
      clientRequestTokens: s.clientRequestTokens,
      createdAt: s.creationTime.toISOString(),
    })),
    createStackCalls: world.createStackCalls,
    detectors: [...world.detectors.values()].map((d) => ({
      account: d.account,
      region: d.region,
      detectorId: d.id,
      status: d.status,
    })),
    functions: [...world.functions.values()].map((f) => ({
      account: f.account,
      region: f.region,
      name: f.name,
      stackId: f.stackId ?? null,
    })),
    logs: world.logs.snapshot(),
    assumeRoleCalls: world.assumeRoleCalls,
    denies: Object.fromEntries([...world.denies].map(([key, actions]) => [key, [...actions]])),
    settings: {
      stackDurationMs: settings.stackDurationMs,
      latencyMs: settings.latencyMs,
      registrationTimeoutMs: settings.registrationTimeoutMs,
      throttles: Object.fromEntries(settings.throttles),
      failRegions: Object.fromEntries(settings.failRegions),
    },
    faults: faults.list(),
  };
}

export async function control(target: ControlTarget, req: IncomingMessage, res: ServerResponse, path: string) {
  const body = await readBody(req);
  const json = body.length ? (JSON.parse(body.toString('utf8')) as unknown) : {};
  const { world, settings, engine, faults } = target;
  switch (`${req.method} ${path}`) {
    case 'POST reset':
      // Running stack operations stop first, so none can write into the fresh world.
      await engine.cancelAll();
      world.seed();
      settings.reset();
      faults.clear();
      return sendJson(res, 200, { ok: true });
    case 'POST config': {
      const cfg = configSchema.parse(json);
      if (cfg.stackDurationMs !== undefined) settings.stackDurationMs = cfg.stackDurationMs;
      if (cfg.latencyMs !== undefined) settings.latencyMs = cfg.latencyMs;
      if (cfg.registrationTimeoutMs !== undefined) settings.registrationTimeoutMs = cfg.registrationTimeoutMs;
      return sendJson(res, 200, { ok: true });
    }
    case 'POST throttle': {
      const t = throttleSchema.parse(json);
      if (t.rate === 0) settings.throttles.delete(t.service);
      else settings.throttles.set(t.service, t.rate);
      return sendJson(res, 200, { throttles: Object.fromEntries(settings.throttles) });
    }
    case 'POST fail-region': {
      const f = failRegionSchema.parse(json);
      if (f.mode === 'off') settings.failRegions.delete(f.region);
      else settings.failRegions.set(f.region, f.mode);
      return sendJson(res, 200, { failRegions: Object.fromEntries(settings.failRegions) });
    }
    case 'POST deny': {
      const d = denySchema.parse(json);
      world.setDenied(d.account, d.principal, d.actions);
      return sendJson(res, 200, { ok: true });
    }
    case 'POST faults':
      faults.add(faultSchema.parse(json));
      return sendJson(res, 200, { faults: faults.list() });
    case 'DELETE faults':
      faults.clear();
      return sendJson(res, 200, { faults: [] });
    case 'GET state':
      return sendJson(res, 200, state(target));
    default:
      return sendJson(res, 404, { error: 'unknown control request' });
  }
}
