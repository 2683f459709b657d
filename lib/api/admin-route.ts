import 'server-only';
/**
 * The wrapper every GuardLink route handler goes through: session, Administrator role, same-origin
 * check for writes, zod validation of params and body, and the shared error mapping. The proxy
 * only adds headers; the decisions are made here, per request.
 */
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { getSessionState, type ConsoleSession } from '../auth/session';
import { env } from '../env';
import { AppError, errorResponse } from './errors';

const MAX_BODY_BYTES = 16 * 1024;

export interface RouteContext<P, B, Q> {
  session: ConsoleSession;
  params: P;
  body: B;
  query: Q;
  request: NextRequest;
}

interface RouteSpec<P, B, Q> {
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
}

function expectedOrigin(request: NextRequest): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = request.headers.get('host') ?? request.nextUrl.host;
  const proto = request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol.replace(':', '');
  return `${proto}://${host}`;
}

/** Browsers send Origin on every cross-origin or non-GET fetch; a missing or foreign one is refused. */
function assertSameOrigin(request: NextRequest): void {
  const origin = request.headers.get('origin');
  if (request.headers.get('sec-fetch-site') === 'cross-site' || !origin || origin !== expectedOrigin(request)) {
    throw new AppError('cross_site', 'Cross-site request refused.', 403);
  }
}

async function readJsonBody(request: NextRequest): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (text.length === 0) return undefined;
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('unsupported_media_type', 'Send the request body as application/json.', 415);
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError('payload_too_large', 'The request body is too large.', 413);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.', 400);
  }
}

export function adminRoute<P = Record<string, never>, B = undefined, Q = undefined>(
  spec: RouteSpec<P, B, Q>,
  handler: (ctx: RouteContext<P, B, Q>) => Promise<Response>,
) {
  return async (
    request: NextRequest,
    routeCtx: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    const context = `${request.method} ${request.nextUrl.pathname}`;
    try {
      const state = await getSessionState();
      if (state.kind === 'none') throw new AppError('unauthenticated', 'Sign in to GuardLink first.', 401);
      if (state.kind === 'expired')
        throw new AppError('session_expired', 'Your session has expired. Sign in again.', 401);
      const { session } = state;
      if (!session.isAdmin) {
        throw new AppError(
          'forbidden',
          `This needs the Alert Logic Administrator role; your role is ${session.roles.join(', ') || 'none'}.`,
          403,
        );
      }
      if (!['GET', 'HEAD'].includes(request.method)) assertSameOrigin(request);
      const rawParams = await routeCtx.params;
      const params = spec.params ? spec.params.parse(rawParams) : ({} as P);
      const rawBody = spec.body ? await readJsonBody(request) : undefined;
      const body = spec.body ? spec.body.parse(rawBody ?? {}) : (undefined as B);
      const query = spec.query ? spec.query.parse(Object.fromEntries(request.nextUrl.searchParams)) : (undefined as Q);
      return await handler({ session, params, body, query, request });
    } catch (err) {
      return errorResponse(err, context);
    }
  };
}
