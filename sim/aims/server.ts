/**
 * The Alert Logic simulator: one HTTP server on 127.0.0.1 serving AIMS, the endpoints service, and
 * the collector-facing services (azcollect, collectors_status, ingest) and iris; plus a test-only
 * control interface under `/_sim/` (control.ts; never an Alert Logic path).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { CONTROL_PREFIX } from '../shared/control';
import { BodyTooLargeError, FaultInjector, readBody, sendEmpty, sendJson, sleep } from '../shared/http';
import { control } from './control';
import { matchRoute } from './router';
import { AimsWorld } from './world';

export interface AimsSimulator {
  url: string;
  world: AimsWorld;
  faults: FaultInjector;
  close(): Promise<void>;
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
