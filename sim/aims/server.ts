/**
 * The Alert Logic simulator: one HTTP server on 127.0.0.1 serving AIMS and the endpoints
 * service, plus a test-only control interface under `/_sim/` (never an Alert Logic path).
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { CONTROL_PREFIX, faultSchema } from '../shared/control';
import { BodyTooLargeError, FaultInjector, readBody, sendEmpty, sendJson, sleep } from '../shared/http';
import { matchRoute } from './aims-routes';
import { AimsWorld } from './world';

export interface AimsSimulator {
  url: string;
  world: AimsWorld;
  faults: FaultInjector;
  close(): Promise<void>;
}

const configSchema = z
  .object({
    tokenTtlSeconds: z.number().int().positive().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    writesDisabled: z.boolean().optional(),
  })
  .strict();

async function control(
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
      return sendJson(res, 200, {
        users: [...world.users.values()].map((u) => ({
          email: u.email,
          keys: world.keysOf(u.id).map((k) => ({ id: k.id, label: k.label ?? null })),
        })),
        tokens: [...world.tokens.values()].map((t) => ({ token: t.token, userId: t.userId, expiration: t.expiration })),
        tokenTtlSeconds: world.tokenTtlSeconds,
        writesDisabled: world.writesDisabled,
      });
    default:
      return sendJson(res, 404, { error: 'unknown control request' });
  }
}

export async function startAimsSimulator(options: { port?: number; host?: string } = {}): Promise<AimsSimulator> {
  const world = new AimsWorld();
  const faults = new FaultInjector();
  const sockets = new Set<Socket>();
  let selfUrl = '';

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      try {
        if (url.pathname.startsWith(CONTROL_PREFIX)) {
          return await control({ world, faults }, req, res, url.pathname.slice(CONTROL_PREFIX.length));
        }
        if (world.latencyMs > 0) await sleep(world.latencyMs);
        if (faults.apply(req, res)) return;
        const route = matchRoute(req.method ?? 'GET', url.pathname);
        if (typeof route === 'number') return sendEmpty(res, route);
        const body = await readBody(req);
        route.handler({ world, req, res, body, params: route.params, query: url.searchParams, selfUrl });
      } catch (err) {
        if (err instanceof BodyTooLargeError) return sendEmpty(res, 413);
        if (err instanceof z.ZodError || err instanceof SyntaxError) {
          return sendJson(res, 400, { error: 'bad control request', detail: String(err) });
        }
        console.error('[sim/aims] unexpected error', err);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
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
  selfUrl = `http://${address}:${port}`;

  return {
    url: selfUrl,
    world,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
