/** The wire shapes AIMS answers with (reference/alertlogic-api.md section 3). */
import { ROLES, type AimsWorld, type SimAccessKey, type SimAccount, type SimUser } from './world';

export function accountView(a: SimAccount) {
  return {
    id: a.id,
    name: a.name,
    active: a.active,
    version: 1,
    accessible_locations: a.accessibleLocations,
    default_location: a.defaultLocation,
    mfa_required: false,
    created: { at: a.created, by: 'system' },
    modified: { at: a.created, by: 'system' },
  };
}

export function userView(u: SimUser) {
  return {
    id: u.id,
    account_id: u.accountId,
    name: u.name,
    email: u.email,
    active: true,
    locked: false,
    version: 1,
    linked_users: [],
    created: { at: u.created, by: 'System' },
    modified: { at: u.created, by: 'System' },
  };
}

/** `?out=full` omits last_login (as the spec's example does); the user record embeds it. */
export function keyView(k: SimAccessKey, withLastLogin = false) {
  return {
    access_key_id: k.id,
    user_id: k.userId,
    account_id: k.accountId,
    ...(k.label !== undefined ? { label: k.label } : {}),
    created: { at: k.created, by: k.createdBy },
    modified: { at: k.modified, by: k.createdBy },
    ...(withLastLogin ? { last_login: k.lastLogin } : {}),
  };
}

export function rolesOf(u: SimUser) {
  return u.roles.map((r) => ROLES[r]);
}

export function authenticationView(world: AimsWorld, user: SimUser, token: string, expiration: number) {
  const account = world.accounts.get(user.accountId)!;
  return {
    authentication: {
      user: userView(user),
      account: accountView(account),
      token,
      token_expiration: expiration,
    },
  };
}
