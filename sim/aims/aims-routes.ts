/**
 * AIMS routes of the Alert Logic simulator (authentication, tokens, users, roles), as documented in
 * reference/alertlogic-api.md sections 2-3 and the section 7 checklist; access keys and the
 * endpoints service have their own files.
 */
import { sendEmpty, sendJson } from '../shared/http';
import { ID, header, parseJson, type Route, type RouteContext } from './route-kit';
import { accountView, authenticationView, keyView, rolesOf, userView } from './views';
import { MFA_SESSION_SECONDS, ROLES, nowSeconds, type SimUser } from './world';

const HEX16 = /^[0-9a-fA-F]{16}$/;

export function isAdmin(user: SimUser): boolean {
  return user.roles.includes('Administrator');
}

export function caller(ctx: RouteContext): SimUser | undefined {
  const resolved = ctx.world.resolveToken(header(ctx.req, 'x-aims-auth-token'));
  if (!resolved) {
    sendEmpty(ctx.res, 401);
    return undefined;
  }
  return resolved.user;
}

/** Resolves `{account_id}/users/{user_id}` for the caller, answering 401/403/404 itself. */
export function targetUser(ctx: RouteContext, write: boolean): { me: SimUser; user: SimUser } | undefined {
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

export const AIMS_ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/aims\/v1\/authenticate\/?$/, handler: authenticate },
  { method: 'GET', pattern: /^\/aims\/v1\/token_info\/?$/, handler: tokenInfo },
  { method: 'GET', pattern: /^\/aims\/v1\/roles\/?$/, handler: listGlobalRoles },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}$`), handler: getUser },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/roles$`), handler: getUserRoles },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/role_ids$`), handler: getUserRoleIds },
];
