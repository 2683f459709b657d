/**
 * The AWS simulator: one HTTP server on 127.0.0.1 that every AWS SDK client reaches through
 * `AWS_ENDPOINT_URL`, speaking each service's real wire protocol, plus the test-only control
 * interface under `/_sim/`.
 *
 * Every AWS call goes through, in order: latency, faults, SigV4 scope, failed region, expired
 * session, opt-in region, throttling, the deny list, then the operation itself.
 *
 * Besides the request/answer services, the collector pipeline (collector/pipeline.ts) runs on
 * timers: GuardDuty findings flow to the collector Lambda and on to the Alert Logic simulator, and
 * collectors check in; it stops with the simulator and on reset.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { z } from 'zod';
import { CONTROL_PREFIX } from '../shared/control';
import { BodyTooLargeError, FaultInjector, readBody, sendEmpty, sendJson, sleep } from '../shared/http';
import { control } from './control';
import { type Classified, classify } from './dispatch';
import {
  AwsError,
  accessDenied,
  expiredToken,
  internalFailure,
  invalidToken,
  missingAuthentication,
  throttled,
} from './errors';
import { parseScope, resolveIdentity, sessionExpired } from './identity';
import { uuid } from './ids';
import { type CallContext, isJsonReply } from './operation';
import { isKnownRegion } from './regions';
import { sendAwsError, sendEc2Result, sendJsonReply, sendQueryResult, sendRpcReply } from './respond';
import { SimSettings } from './settings';
import { AwsWorld } from './world';
import { StackEngine } from './cloudformation/engine';
import { CollectorPipeline } from './collector/pipeline';

export interface AwsSimulator {
  url: string;
  world: AwsWorld;
  settings: SimSettings;
  faults: FaultInjector;
  close(): Promise<void>;
}

export interface AwsSimulatorOptions {
  port?: number;
  host?: string;
  /** Base URL of the Alert Logic simulator the collector's registration authenticates against. */
  aimsUrl: string;
  stackDurationMs?: number;
}

interface Simulator {
  world: AwsWorld;
  settings: SimSettings;
  engine: StackEngine;
  pipeline: CollectorPipeline;
  faults: FaultInjector;
  aimsUrl: string;
}

/**
 * FaultInjector matches `METHOD <url>`. Form and JSON RPC calls all POST to `/`, so a second
 * match runs against a view of the request whose url is `Action=<Op>` (e.g. `POST Action=CreateStack`).
 */
function applyFaults(faults: FaultInjector, req: IncomingMessage, res: ServerResponse, c: Classified): boolean {
  if (faults.apply(req, res)) return true;
  if (!c.actionLabel) return false;
  const view = Object.create(req, { url: { value: c.actionLabel } }) as IncomingMessage;
  return faults.apply(view, res);
}

/** The control state lists every CreateStack call that reached the simulator, with its outcome. */
function noteCreateStack(sim: Simulator, c: Classified, account: string, region: string, outcome: string): void {
  if (c.service !== 'cloudformation' || c.op?.name !== 'CreateStack') return;
  const token = c.form.get('ClientRequestToken');
  sim.world.createStackCalls.push({ account, region, stackName: c.form.get('StackName') ?? '', token, outcome });
}

/**
 * Why a call is turned away before its operation runs, in pipeline order; `silent` means it is
 * never answered (a region failing in "timeout" mode; the socket closes when the simulator stops).
 */
function refusal(sim: Simulator, c: Classified, ctx: CallContext | undefined): AwsError | 'silent' | undefined {
  const { world, settings } = sim;
  if (!ctx) return missingAuthentication(c.service);
  const failure = settings.failRegions.get(ctx.region);
  if (failure === 'timeout') return 'silent';
  if (failure === 'error') return internalFailure(c.service);
  const { identity, region } = ctx;
  if (sessionExpired(world, ctx.accessKeyId)) return expiredToken(c.service);
  // IAM is global: its endpoint knows the caller in every region, opt-in or not.
  if (!isKnownRegion(region) || (c.service !== 'iam' && !world.regionEnabled(identity.account, region))) {
    return invalidToken(c.service);
  }
  if (settings.shouldThrottle(c.service)) return throttled(c.service);
  const { op } = c;
  if (op?.action && world.isDenied(identity.account, identity.principal, op.action)) {
    return accessDenied(c.service, identity, op.action, op.resource?.(ctx) ?? '*');
  }
  return undefined;
}

async function handleAws(sim: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const body = await readBody(req);
  const requestId = uuid();
  const scope = parseScope(req.headers.authorization);
  const c = classify(req, url.pathname, body, scope?.service);
  const ctx: CallContext | undefined = scope && {
    world: sim.world,
    engine: sim.engine,
    pipeline: sim.pipeline,
    settings: sim.settings,
    region: scope.region,
    accessKeyId: scope.accessKeyId,
    identity: resolveIdentity(sim.world, scope.accessKeyId),
    requestId,
    form: c.form,
    json: c.json,
    pathParams: c.pathParams,
    query: url.searchParams,
  };
  const note = (outcome: string) => noteCreateStack(sim, c, ctx?.identity.account ?? '', ctx?.region ?? '', outcome);
  const fail = (err: AwsError) => {
    note(err.code);
    sendAwsError(res, c.service, c.protocol, err, requestId);
  };

  if (sim.settings.latencyMs > 0) await sleep(sim.settings.latencyMs);
  if (applyFaults(sim.faults, req, res, c)) return note('fault');
  if (c.error || !c.op) return fail(c.error ?? new AwsError('InvalidAction', 'Unknown operation'));
  const refused = refusal(sim, c, ctx);
  if (refused === 'silent') return note('no-answer');
  if (refused || !ctx) return fail(refused ?? missingAuthentication(c.service));

  const { op } = c;
  try {
    const result = await op.run(ctx);
    note(ctx.outcome ?? 'ok');
    if (c.protocol === 'restJson') {
      return sendJsonReply(res, isJsonReply(result) ? result : { body: {} }, requestId);
    }
    if (c.protocol === 'json' || c.protocol === 'json10') {
      return sendRpcReply(res, c.protocol, isJsonReply(result) ? result : { body: {} }, requestId);
    }
    const xml = isJsonReply(result) ? '' : result;
    if (c.protocol === 'ec2') return sendEc2Result(res, op.name, xml ?? '', requestId);
    return sendQueryResult(res, c.service, op.name, xml, requestId);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    return fail(err);
  }
}

export async function startAwsSimulator(options: AwsSimulatorOptions): Promise<AwsSimulator> {
  const world = new AwsWorld();
  const settings = new SimSettings(options.stackDurationMs);
  const engine = new StackEngine(world, settings, options.aimsUrl);
  const pipeline = new CollectorPipeline(world, settings, options.aimsUrl);
  const faults = new FaultInjector();
  const sim: Simulator = { world, settings, engine, pipeline, faults, aimsUrl: options.aimsUrl };
  pipeline.start();
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      try {
        if (url.pathname.startsWith(CONTROL_PREFIX)) {
          return await control(sim, req, res, url.pathname.slice(CONTROL_PREFIX.length));
        }
        await handleAws(sim, req, res, url);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return sendEmpty(res, 413);
        if (err instanceof z.ZodError || err instanceof SyntaxError) {
          return sendJson(res, 400, { error: 'bad control request', detail: String(err) });
        }
        console.error('[sim/aws] unexpected error', err);
        if (!res.headersSent)
          sendJson(res, 500, { message: 'simulator error' }, { 'x-amzn-errortype': 'InternalFailure' });
      }
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    world,
    settings,
    faults,
    close: async () => {
      await pipeline.close();
      await engine.cancelAll();
      await new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };
}
