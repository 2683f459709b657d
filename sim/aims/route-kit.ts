/** What every Alert Logic simulator route shares: its context, the auth header, JSON bodies, and the account check. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendEmpty } from '../shared/http';
import { type AimsWorld, type SimUser } from './world';

export interface RouteContext {
  world: AimsWorld;
  req: IncomingMessage;
  res: ServerResponse;
  body: Buffer;
  params: string[];
  query: URLSearchParams;
  /** Base URL of this simulator, handed out by the endpoints service. */
  selfUrl: string;
}

export type Handler = (ctx: RouteContext) => void;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** A path segment capture, for the route tables. */
export const ID = '([^/]+)';

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The caller of an account-scoped service call (`/<service>/<version>/{cid}/…`): a valid
 * `x-aims-auth-token` (else 401, empty) whose account is `cid` (else 403, empty).
 */
export function accountCaller(ctx: RouteContext, cid: string): SimUser | undefined {
  const resolved = ctx.world.resolveToken(header(ctx.req, 'x-aims-auth-token'));
  if (!resolved) {
    sendEmpty(ctx.res, 401);
    return undefined;
  }
  if (resolved.user.accountId !== cid) {
    sendEmpty(ctx.res, 403);
    return undefined;
  }
  return resolved.user;
}
