/**
 * AIMS and endpoints-service routes of the Alert Logic simulator, as documented in
 * reference/alertlogic-api.md sections 2-4 and the section 7 checklist.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendEmpty, sendJson } from '../shared/http';
import { accountView, authenticationView, keyView, rolesOf, userView } from './views';
import { MAX_KEYS_PER_USER, MFA_SESSION_SECONDS, ROLES, nowSeconds, type AimsWorld, type SimUser } from './world';

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

type Handler = (ctx: RouteContext) => void;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const LABEL_MAX = 256;
const HEX16 = /^[0-9a-fA-F]{16}$/;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

function isAdmin(user: SimUser): boolean {
  return user.roles.includes('Administrator');
}

function caller(ctx: RouteContext): SimUser | undefined {
  const resolved = ctx.world.resolveToken(header(ctx.req, 'x-aims-auth-token'));
  if (!resolved) {
    sendEmpty(ctx.res, 401);
    return undefined;
  }
  return resolved.user;
}

/** Resolves `{account_id}/users/{user_id}` for the caller, answering 401/403/404 itself. */
function targetUser(ctx: RouteContext, write: boolean): { me: SimUser; user: SimUser } | undefined {
  const me = caller(ctx);
  if (!me) return undefined;
  const [accountId, userId] = ctx.params;
  const user = ctx.world.users.get((userId ?? '').toUpperCase());
  if (!ctx.world.accounts.has(accountId ?? '') || !user || user.accountId !== accountId) {
    sendEmpty(ctx.res, 404);
    return undefined;
  }
  if (me.accountId !== accountId || (me.id !== user.id && !isAdmin(me)) || (write && !isAdmin(me))) {
    sendEmpty(ctx.res, 403);
    return undefined;
  }
  if (write && ctx.world.writesDisabled) {
    sendJson(ctx.res, 503, { error: 'writes_disabled' });
    return undefined;
  }
  return { me, user };
}

function authenticate(ctx: RouteContext): void {
  const { world, req, res } = ctx;
  const parsed = parseJson(ctx.body);
  if (!parsed.ok) return sendJson(res, 400, { error: 'invalid_json' });
  const body = parsed.value;
  const mfaCode =
    body && typeof body === 'object' && 'mfa_code' in body
      ? String((body as { mfa_code: unknown }).mfa_code)
      : undefined;

  const authz = header(req, 'authorization');
  const sessionToken = header(req, 'x-aims-session-token');

  const succeed = (user: SimUser, viaKey?: string) => {
    const t = world.issueToken(user, viaKey);
    sendJson(res, 200, authenticationView(world, user, t.token, t.expiration));
  };

  if (!authz?.startsWith('Basic ')) {
    if (!sessionToken) return sendEmpty(res, 401);
    const session = world.mfaSessions.get(sessionToken);
    if (!session || nowSeconds() - session.issuedAt > MFA_SESSION_SECONDS) {
      return sendJson(res, 401, { error: 'invalid_session_token' });
    }
    const user = world.users.get(session.userId)!;
    if (!mfaCode || mfaCode !== user.mfaCode) return sendEmpty(res, 401);
    world.mfaSessions.delete(sessionToken);
    return succeed(user);
  }

  const decoded = Buffer.from(authz.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return sendEmpty(res, 401);
  const name = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);

  if (HEX16.test(name)) {
    const key = world.findKey(name);
    if (!key || key.secret !== secret) return sendEmpty(res, 401);
    const owner = world.users.get(key.userId)!;
    key.lastLogin = nowSeconds();
    return succeed(owner, key.id);
  }

  const user = world.userByEmail(name);
  if (!user || user.password !== secret) return sendEmpty(res, 401);
  if (!world.accounts.get(user.accountId)!.active) return sendJson(res, 400, { error: 'account_inactive' });
  if (user.passwordExpired) return sendJson(res, 400, { error: 'password_expired' });
  if (user.mfaCode) {
    if (!mfaCode) {
      return sendJson(
        res,
        401,
        { error: 'mfa_code_required' },
        { 'x-aims-session-token': world.startMfaSession(user) },
      );
    }
    if (mfaCode !== user.mfaCode) return sendEmpty(res, 401);
  }
  return succeed(user);
}

function tokenInfo(ctx: RouteContext): void {
  const resolved = ctx.world.resolveToken(header(ctx.req, 'x-aims-auth-token'));
  if (!resolved) return sendEmpty(ctx.res, 401);
  const { user, token } = resolved;
  sendJson(ctx.res, 200, {
    account: accountView(ctx.world.accounts.get(user.accountId)!),
    user: userView(user),
    roles: rolesOf(user),
    token_expiration: token.expiration,
    entity_id: user.id,
    entity_type: 'user',
    requester_id: `${user.accountId}:user:${user.id}`,
  });
}

function listGlobalRoles(ctx: RouteContext): void {
  if (caller(ctx)) sendJson(ctx.res, 200, { roles: Object.values(ROLES) });
}

function getUser(ctx: RouteContext): void {
  const t = targetUser(ctx, false);
  if (!t) return;
  const include = ctx.query.get('include_access_keys') !== 'false';
  sendJson(ctx.res, 200, {
    ...userView(t.user),
    ...(include ? { access_keys: ctx.world.keysOf(t.user.id).map((k) => keyView(k, true)) } : {}),
  });
}

function getUserRoles(ctx: RouteContext): void {
  const t = targetUser(ctx, false);
  if (t) sendJson(ctx.res, 200, { roles: rolesOf(t.user) });
}

function getUserRoleIds(ctx: RouteContext): void {
  const t = targetUser(ctx, false);
  if (t) sendJson(ctx.res, 200, { role_ids: rolesOf(t.user).map((r) => r.id) });
}

function listKeys(ctx: RouteContext): void {
  const t = targetUser(ctx, false);
  if (!t) return;
  const keys = ctx.world.keysOf(t.user.id);
  const full = ctx.query.get('out') === 'full';
  sendJson(ctx.res, 200, { access_keys: full ? keys.map((k) => keyView(k)) : keys.map((k) => k.id) });
}

/** Validates the optional `{"label": "..."}` body shared by create and relabel. */
function readLabel(ctx: RouteContext, required: boolean): { label?: string } | undefined {
  const parsed = parseJson(ctx.body);
  if (!parsed.ok) {
    sendJson(ctx.res, 400, { error: 'invalid_json' });
    return undefined;
  }
  const body = parsed.value;
  if (body === undefined) {
    if (required) sendJson(ctx.res, 400, { error: 'missing_required_property' });
    return required ? undefined : {};
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendJson(ctx.res, 400, { error: 'invalid_json' });
    return undefined;
  }
  const extra = Object.keys(body).filter((k) => k !== 'label');
  if (extra.length > 0) {
    sendJson(ctx.res, 400, { error: 'invalid_property' });
    return undefined;
  }
  const label = (body as { label?: unknown }).label;
  if (label === undefined) {
    if (required) sendJson(ctx.res, 400, { error: 'missing_required_property' });
    return required ? undefined : {};
  }
  if (typeof label !== 'string' || label.trim() === '' || label.length > LABEL_MAX) {
    sendJson(ctx.res, 400, { error: 'invalid_label' });
    return undefined;
  }
  return { label };
}

function createKey(ctx: RouteContext): void {
  const t = targetUser(ctx, true);
  if (!t) return;
  const input = readLabel(ctx, false);
  if (!input) return;
  if (ctx.world.keysOf(t.user.id).length >= MAX_KEYS_PER_USER) {
    return sendJson(ctx.res, 400, { error: 'limit_exceeded' });
  }
  const key = ctx.world.createKey(t.user, t.me.email, input.label);
  sendJson(ctx.res, 201, { ...keyView(key), secret_key: key.secret });
}

function keyOfTarget(ctx: RouteContext, write: boolean) {
  const t = targetUser(ctx, write);
  if (!t) return undefined;
  const key = ctx.world.findKey(ctx.params[2] ?? '');
  if (!key || key.userId !== t.user.id) {
    sendEmpty(ctx.res, 404);
    return undefined;
  }
  return key;
}

function getKey(ctx: RouteContext): void {
  const key = keyOfTarget(ctx, false);
  if (key) sendJson(ctx.res, 200, keyView(key, true));
}

function deleteKey(ctx: RouteContext): void {
  const key = keyOfTarget(ctx, true);
  if (!key) return;
  ctx.world.keys.delete(key.id);
  sendEmpty(ctx.res, 204);
}

/** Short forms `/aims/v1/access_keys/{id}`: the caller must own the key or administer its account. */
function shortFormKey(ctx: RouteContext, write: boolean) {
  const me = caller(ctx);
  if (!me) return undefined;
  const key = ctx.world.findKey(ctx.params[0] ?? '');
  if (!key || key.accountId !== me.accountId) {
    sendEmpty(ctx.res, 404);
    return undefined;
  }
  if ((key.userId !== me.id && !isAdmin(me)) || (write && !isAdmin(me))) {
    sendEmpty(ctx.res, 403);
    return undefined;
  }
  if (write && ctx.world.writesDisabled) {
    sendJson(ctx.res, 503, { error: 'writes_disabled' });
    return undefined;
  }
  return key;
}

function getKeyShort(ctx: RouteContext): void {
  const key = shortFormKey(ctx, false);
  if (key) sendJson(ctx.res, 200, keyView(key, true));
}

function relabelKey(ctx: RouteContext): void {
  const key = shortFormKey(ctx, true);
  if (!key) return;
  const input = readLabel(ctx, true);
  if (!input) return;
  key.label = input.label;
  key.modified = nowSeconds();
  sendJson(ctx.res, 200, keyView(key, true));
}

const RESIDENCIES = new Set(['default', 'us', 'emea']);

/** Every service of this simulator lives on its own base URL, so each lookup answers with it. */
function endpointFor(ctx: RouteContext, accountId: string, residency: string): boolean {
  if (!caller(ctx)) return false;
  if (!RESIDENCIES.has(residency)) {
    sendJson(ctx.res, 400, { error: 'invalid_residency' });
    return false;
  }
  if (!ctx.world.accounts.has(accountId)) {
    sendEmpty(ctx.res, 404);
    return false;
  }
  return true;
}

function getEndpoint(ctx: RouteContext): void {
  const [accountId, residency, service] = ctx.params as [string, string, string];
  if (endpointFor(ctx, accountId, residency)) sendJson(ctx.res, 200, { [service]: ctx.selfUrl });
}

function getEndpoints(ctx: RouteContext): void {
  const [accountId, residency] = ctx.params as [string, string];
  if (!endpointFor(ctx, accountId, residency)) return;
  const parsed = parseJson(ctx.body);
  if (!parsed.ok || !Array.isArray(parsed.value) || !parsed.value.every((s) => typeof s === 'string')) {
    return sendJson(ctx.res, 400, { error: 'invalid_json' });
  }
  sendJson(ctx.res, 200, Object.fromEntries((parsed.value as string[]).map((s) => [s, ctx.selfUrl])));
}

const ID = '([^/]+)';
export const AIMS_ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/aims\/v1\/authenticate\/?$/, handler: authenticate },
  { method: 'GET', pattern: /^\/aims\/v1\/token_info\/?$/, handler: tokenInfo },
  { method: 'GET', pattern: /^\/aims\/v1\/roles\/?$/, handler: listGlobalRoles },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/access_keys/${ID}$`), handler: getKeyShort },
  { method: 'POST', pattern: new RegExp(`^/aims/v1/access_keys/${ID}$`), handler: relabelKey },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}$`), handler: getUser },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/roles$`), handler: getUserRoles },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/role_ids$`), handler: getUserRoleIds },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys$`), handler: listKeys },
  { method: 'POST', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys$`), handler: createKey },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys/${ID}$`), handler: getKey },
  { method: 'DELETE', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys/${ID}$`), handler: deleteKey },
  {
    method: 'GET',
    pattern: new RegExp(`^/endpoints/v1/${ID}/residency/${ID}/services/${ID}/endpoint$`),
    handler: getEndpoint,
  },
  { method: 'POST', pattern: new RegExp(`^/endpoints/v1/${ID}/residency/${ID}/endpoints$`), handler: getEndpoints },
];

/** Finds the route; `405` when the path exists under another method, `404` otherwise. */
export function matchRoute(method: string, path: string): { handler: Handler; params: string[] } | number {
  let pathKnown = false;
  for (const route of AIMS_ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (route.method === method) return { handler: route.handler, params: m.slice(1).map(decodeURIComponent) };
  }
  return pathKnown ? 405 : 404;
}
