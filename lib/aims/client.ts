/**
 * Typed AIMS client: authentication (with the MFA second step), token check, roles, access keys
 * and the endpoints service. Built from options so tests can point it at the simulator.
 */
import type { z } from 'zod';
import { AimsError, errorField, errorForStatus } from './errors';
import {
  accessKeyListWireSchema,
  authenticationWireSchema,
  accessKeyWireSchema,
  createdAccessKeyWireSchema,
  rolesWireSchema,
  tokenInfoWireSchema,
  userWithKeysWireSchema,
  type AccessKeyWire,
} from './schemas';
import { aimsFetch, type AimsResponse, type TransportOptions } from './transport';
import type { AccessKey, AimsIdentity, AimsRole, AuthenticateResult, CreatedAccessKey } from './types';

export type AimsClientOptions = Omit<TransportOptions, 'retries' | 'retryBaseMs'> &
  Partial<Pick<TransportOptions, 'retries' | 'retryBaseMs'>>;

export interface UserRef {
  token: string;
  accountId: string;
  userId: string;
}

function parse<T>(schema: z.ZodType<T>, res: AimsResponse): T {
  const result = schema.safeParse(res.body);
  if (!result.success) {
    throw new AimsError('bad_response', 'Alert Logic sent an answer GuardLink could not read', res.status, {
      cause: result.error,
    });
  }
  return result.data;
}

function toKey(wire: AccessKeyWire): AccessKey {
  return {
    id: wire.access_key_id.toLowerCase(),
    label: wire.label,
    createdAt: wire.created?.at,
    createdBy: wire.created?.by,
    lastUsedAt: wire.last_login,
  };
}

function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

const seg = encodeURIComponent;

export function createAimsClient(options: AimsClientOptions) {
  const transport: TransportOptions = { retries: 2, retryBaseMs: 300, ...options };
  const call = (req: Parameters<typeof aimsFetch>[1]) => aimsFetch(transport, req);
  const userPath = (u: UserRef) => `/aims/v1/${seg(u.accountId)}/users/${seg(u.userId)}`;

  /** Shared by both authentication steps: turns the documented answers into a result or error. */
  function authOutcome(res: AimsResponse, step: 'password' | 'mfa'): AuthenticateResult {
    if (res.status === 200) {
      const a = parse(authenticationWireSchema, res).authentication;
      const identity: AimsIdentity = {
        accountId: a.account.id,
        accountName: a.account.name,
        userId: a.user.id,
        userName: a.user.name,
        email: a.user.email,
        defaultLocation: a.account.default_location,
        token: a.token,
        tokenExpiration: a.token_expiration,
      };
      return { kind: 'authenticated', identity };
    }
    const code = errorField(res.body);
    if (res.status === 401) {
      const sessionToken = res.headers.get('x-aims-session-token');
      if (code === 'mfa_code_required' && sessionToken) return { kind: 'mfa_required', sessionToken };
      if (code === 'mfa_enrollment_required') {
        throw new AimsError('mfa_enrollment_required', 'Alert Logic requires this user to enrol in MFA first', 401);
      }
      if (code === 'accept_tos_required' || code === 'reaccept_tos_required') {
        throw new AimsError('tos_required', 'Alert Logic terms of service must be accepted first', 401);
      }
      if (code === 'invalid_session_token') {
        throw new AimsError('invalid_session_token', 'The sign-in attempt expired', 401);
      }
      if (step === 'mfa') throw new AimsError('invalid_mfa_code', 'The MFA code was not accepted', 401);
      throw new AimsError('invalid_credentials', 'Email or password not accepted by Alert Logic', 401);
    }
    if (res.status === 400) {
      if (code === 'password_expired') throw new AimsError('password_expired', 'The password has expired', 400);
      if (code === 'account_inactive') throw new AimsError('account_inactive', 'The account is inactive', 400);
      throw new AimsError('account_locked', 'Alert Logic refused the sign-in (account locked?)', 400);
    }
    if (res.status === 403) throw new AimsError('account_unavailable', 'The Alert Logic account is unavailable', 403);
    throw errorForStatus(res.status, res.body);
  }

  async function expectOk(res: AimsResponse, ...ok: number[]): Promise<AimsResponse> {
    if (!ok.includes(res.status)) throw errorForStatus(res.status, res.body);
    return res;
  }

  async function keyLastLogins(u: UserRef): Promise<Map<string, number>> {
    const res = await expectOk(await call({ method: 'GET', path: userPath(u), token: u.token, idempotent: true }), 200);
    const user = parse(userWithKeysWireSchema, res);
    return new Map(
      (user.access_keys ?? []).flatMap((k) =>
        k.last_login === undefined ? [] : [[k.access_key_id.toLowerCase(), k.last_login]],
      ),
    );
  }

  return {
    /** Step one: email and password (plus a code, if the caller already has one). */
    async authenticate(input: { username: string; password: string; mfaCode?: string }): Promise<AuthenticateResult> {
      const res = await call({
        method: 'POST',
        path: '/aims/v1/authenticate',
        headers: { authorization: basic(input.username, input.password) },
        json: input.mfaCode ? { mfa_code: input.mfaCode } : undefined,
        idempotent: false,
      });
      return authOutcome(res, input.mfaCode ? 'mfa' : 'password');
    },

    /** Step two of MFA, within 3 minutes of step one. */
    async authenticateMfa(input: { sessionToken: string; mfaCode: string }): Promise<AuthenticateResult> {
      const res = await call({
        method: 'POST',
        path: '/aims/v1/authenticate',
        headers: { 'x-aims-session-token': input.sessionToken },
        json: { mfa_code: input.mfaCode },
        idempotent: false,
      });
      return authOutcome(res, 'mfa');
    },

    /** Checks an access key and secret the way the deployed collector will. */
    async authenticateAccessKey(input: { accessKeyId: string; secretKey: string }): Promise<AimsIdentity> {
      const res = await call({
        method: 'POST',
        path: '/aims/v1/authenticate',
        headers: { authorization: basic(input.accessKeyId, input.secretKey) },
        idempotent: false,
      });
      const outcome = authOutcome(res, 'password');
      if (outcome.kind !== 'authenticated') throw new AimsError('invalid_credentials', 'Key not accepted', 401);
      return outcome.identity;
    },

    async tokenInfo(token: string): Promise<{ roles: AimsRole[]; tokenExpiration: number }> {
      const res = await expectOk(
        await call({ method: 'GET', path: '/aims/v1/token_info', token, idempotent: true }),
        200,
      );
      const info = parse(tokenInfoWireSchema, res);
      return { roles: info.roles.map(({ id, name }) => ({ id, name })), tokenExpiration: info.token_expiration };
    },

    async userRoles(u: UserRef): Promise<AimsRole[]> {
      const res = await expectOk(
        await call({ method: 'GET', path: `${userPath(u)}/roles`, token: u.token, idempotent: true }),
        200,
      );
      return parse(rolesWireSchema, res).roles.map(({ id, name }) => ({ id, name }));
    },

    /** Full key records, with the last use merged in from the user record (where AIMS keeps it). */
    async listAccessKeys(u: UserRef): Promise<AccessKey[]> {
      const [listRes, lastLogins] = await Promise.all([
        call({ method: 'GET', path: `${userPath(u)}/access_keys?out=full`, token: u.token, idempotent: true }),
        keyLastLogins(u).catch(() => new Map<string, number>()),
      ]);
      const list = parse(accessKeyListWireSchema, await expectOk(listRes, 200));
      return list.access_keys.map((w) => {
        const key = toKey(w);
        return { ...key, lastUsedAt: key.lastUsedAt ?? lastLogins.get(key.id) };
      });
    },

    /** Not retried: a repeated POST could mint a second key. */
    async createAccessKey(u: UserRef, label?: string): Promise<CreatedAccessKey> {
      const res = await expectOk(
        await call({
          method: 'POST',
          path: `${userPath(u)}/access_keys`,
          token: u.token,
          json: label === undefined ? undefined : { label },
          idempotent: false,
        }),
        201,
      );
      const created = parse(createdAccessKeyWireSchema, res);
      return { key: toKey(created), secretKey: created.secret_key };
    },

    async getAccessKey(u: UserRef, keyId: string): Promise<AccessKey> {
      const res = await expectOk(
        await call({
          method: 'GET',
          path: `${userPath(u)}/access_keys/${seg(keyId)}`,
          token: u.token,
          idempotent: true,
        }),
        200,
      );
      return toKey(parse(accessKeyWireSchema, res));
    },

    async relabelAccessKey(token: string, keyId: string, label: string): Promise<AccessKey> {
      const res = await expectOk(
        await call({
          method: 'POST',
          path: `/aims/v1/access_keys/${seg(keyId)}`,
          token,
          json: { label },
          idempotent: true,
        }),
        200,
      );
      return toKey(parse(accessKeyWireSchema, res));
    },

    async deleteAccessKey(u: UserRef, keyId: string): Promise<void> {
      await expectOk(
        await call({
          method: 'DELETE',
          path: `${userPath(u)}/access_keys/${seg(keyId)}`,
          token: u.token,
          idempotent: true,
        }),
        204,
      );
    },

    /** A service's base URL for the account; hosts without a scheme get https, as Alert Logic's clients do. */
    async resolveEndpoint(
      token: string,
      accountId: string,
      service: string,
      residency: 'default' | 'us' | 'emea' = 'default',
    ): Promise<string> {
      const res = await expectOk(
        await call({
          method: 'GET',
          path: `/endpoints/v1/${seg(accountId)}/residency/${residency}/services/${seg(service)}/endpoint`,
          token,
          idempotent: true,
        }),
        200,
      );
      const host = (res.body as Record<string, unknown> | undefined)?.[service];
      if (typeof host !== 'string' || host === '') {
        throw new AimsError('bad_response', `Alert Logic did not name a host for ${service}`, res.status);
      }
      return host.startsWith('http') ? host : `https://${host}`;
    },
  };
}

export type AimsClient = ReturnType<typeof createAimsClient>;
