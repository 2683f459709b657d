/**
 * The AWS simulator's test-only control interface under `/_sim/` (never an AWS path), JSON in/out:
 *
 * - `POST /_sim/reset` → `{ok}`: stops running stack operations and the collector pipeline (its
 *   timers and in-flight invocations), reseeds the world (world.ts: findings, logs and metrics
 *   included), clears faults, throttles, failed regions, denies, latency, collector faults, and
 *   restores the start-up duration, check-in interval and pipeline delay.
 * - `POST /_sim/config` `{stackDurationMs?, latencyMs?, registrationTimeoutMs?, checkinIntervalMs?,
 *   pipelineDelayMs?}` → `{ok}`. `registrationTimeoutMs` is the collector Lambda's time limit for
 *   every invocation; `checkinIntervalMs` (default 60000, the time-scaled 15 minutes, min 50)
 *   applies at once; `pipelineDelayMs` (default 500) is finding → Lambda invocation, split between
 *   the EventBridge/Kinesis hop and the Lambda poll.
 * - `POST /_sim/throttle` `{service: cloudformation|sts|guardduty|ec2|iam|lambda|logs|cloudwatch, rate: 0..1}` →
 *   `{throttles}`; that fraction of the service's calls gets its throttling error; rate 0 removes it.
 * - `POST /_sim/fail-region` `{region, mode: error|timeout|off}` → `{failRegions}`: every call
 *   signed for the region answers 500 InternalFailure, or is never answered.
 * - `POST /_sim/deny` `{account, principal, actions: ["iam:CreateRole", "iam:*", "*"]}` → `{ok}`;
 *   the principal is the IAM user or role name; empty `actions` clears.
 * - `POST /_sim/faults` (sim/shared/control.ts faultSchema) → `{faults}`; `DELETE /_sim/faults`.
 *   A fault's `match` is tested against `METHOD /path`, then, for form and JSON RPC calls, against
 *   `METHOD Action=<Op>` (e.g. `Action=CreateStack`).
 * - `GET /_sim/state` → `{stacks, createStackCalls, detectors, functions, logs, assumeRoleCalls,
 *   denies, settings, faults}` (see `state` below; secrets are masked), plus the collector's
 *   `{findings, invocations, metrics, collectorFaults}` (control-collector.ts).
 * - `POST /_sim/collector-fault`, `POST /_sim/findings`, `POST /_sim/scenario`: control-collector.ts.
 * - `POST /_sim/accounts` `{accountIds, collectors?}`: extra target accounts for benchmarks
 *   (scenario/extra-accounts.ts).
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
import { type CollectorPipeline } from './collector/pipeline';
import { collectorControl, collectorState } from './control-collector';

export interface ControlTarget {
  world: AwsWorld;
  settings: SimSettings;
  engine: StackEngine;
  pipeline: CollectorPipeline;
  faults: FaultInjector;
  aimsUrl: string;
}

const configSchema = z
  .object({
    stackDurationMs: z.number().int().min(0).max(3_600_000).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    registrationTimeoutMs: z.number().int().min(1).max(900_000).optional(),
    checkinIntervalMs: z.number().int().min(50).max(86_400_000).optional(),
    pipelineDelayMs: z.number().int().min(0).max(600_000).optional(),
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

function state(target: ControlTarget): unknown {
  const { world, settings, faults } = target;
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
      checkinIntervalMs: settings.checkinIntervalMs,
      pipelineDelayMs: settings.pipelineDelayMs,
      throttles: Object.fromEntries(settings.throttles),
      failRegions: Object.fromEntries(settings.failRegions),
    },
    faults: faults.list(),
    ...collectorState(target),
  };
}

export async function control(target: ControlTarget, req: IncomingMessage, res: ServerResponse, path: string) {
  const body = await readBody(req);
  const json = body.length ? (JSON.parse(body.toString('utf8')) as unknown) : {};
  const { world, settings, engine, pipeline, faults } = target;
  switch (`${req.method} ${path}`) {
    case 'POST reset':
      // Running stack operations and collector runs stop first, so none can write into the fresh world.
      await engine.cancelAll();
      await pipeline.cancelAll();
      world.seed();
      settings.reset();
      faults.clear();
      pipeline.rescheduleCheckins();
      return sendJson(res, 200, { ok: true });
    case 'POST config': {
      const cfg = configSchema.parse(json);
      if (cfg.stackDurationMs !== undefined) settings.stackDurationMs = cfg.stackDurationMs;
      if (cfg.latencyMs !== undefined) settings.latencyMs = cfg.latencyMs;
      if (cfg.registrationTimeoutMs !== undefined) settings.registrationTimeoutMs = cfg.registrationTimeoutMs;
      if (cfg.pipelineDelayMs !== undefined) settings.pipelineDelayMs = cfg.pipelineDelayMs;
      if (cfg.checkinIntervalMs !== undefined) {
        settings.checkinIntervalMs = cfg.checkinIntervalMs;
        pipeline.rescheduleCheckins();
      }
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
      if (await collectorControl(target, req.method ?? 'GET', path, json, res)) return;
      return sendJson(res, 404, { error: 'unknown control request' });
  }
}
