/**
 * Small HTTP toolkit shared by the simulators: request bodies, JSON answers, and the fault
 * injector the tests drive through each simulator's control interface.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

/** An answer with no body and none of the service's own headers (AIMS's documented 401). */
export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type FaultKind = 'status' | 'html' | 'garbage' | 'reset' | 'hang';

export interface Fault {
  kind: FaultKind;
  /** Regular expression tested against `METHOD /path`; absent means every request. */
  match?: string;
  /** HTTP status for `status` faults (default 500). */
  status?: number;
  /** How many requests the fault hits before it clears itself; absent means until removed. */
  times?: number;
}

/** Faults are consumed in order; the first whose pattern matches the request fires. */
export class FaultInjector {
  private faults: (Fault & { remaining: number })[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map(({ remaining: _r, ...f }) => f);
  }

  /** Returns true when a fault answered (or dropped) the request. */
  apply(req: IncomingMessage, res: ServerResponse): boolean {
    const target = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    const index = this.faults.findIndex((f) => !f.match || new RegExp(f.match).test(target));
    if (index < 0) return false;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    switch (fault.kind) {
      case 'status':
        sendJson(res, fault.status ?? 500, { error: 'simulated_fault' });
        return true;
      case 'html':
        res.writeHead(fault.status ?? 502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return true;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"authentication": {"tok');
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        // Never answers: the caller's timeout is what is being tested. The socket is closed
        // when the simulator stops.
        return true;
    }
  }
}
