/** AIMS access keys (reference/alertlogic-api.md §3.4): list, create, read, delete, relabel. */
import { sendEmpty, sendJson } from '../shared/http';
import { caller, isAdmin, targetUser } from './aims-routes';
import { ID, parseJson, type Route, type RouteContext } from './route-kit';
import { keyView } from './views';
import { MAX_KEYS_PER_USER, nowSeconds } from './world';

const LABEL_MAX = 256;

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

export const ACCESS_KEY_ROUTES: Route[] = [
  { method: 'GET', pattern: new RegExp(`^/aims/v1/access_keys/${ID}$`), handler: getKeyShort },
  { method: 'POST', pattern: new RegExp(`^/aims/v1/access_keys/${ID}$`), handler: relabelKey },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys$`), handler: listKeys },
  { method: 'POST', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys$`), handler: createKey },
  { method: 'GET', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys/${ID}$`), handler: getKey },
  { method: 'DELETE', pattern: new RegExp(`^/aims/v1/${ID}/users/${ID}/access_keys/${ID}$`), handler: deleteKey },
];
