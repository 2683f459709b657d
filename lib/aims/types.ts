/** GuardLink's own view of AIMS data, independent of the wire format. */

export interface AimsIdentity {
  accountId: string;
  accountName: string;
  userId: string;
  userName: string;
  email: string;
  defaultLocation?: string;
  token: string;
  /** Epoch seconds. */
  tokenExpiration: number;
}

export type AuthenticateResult =
  | { kind: 'authenticated'; identity: AimsIdentity }
  /** Second step needed; the session token is good for 3 minutes and is itself a secret. */
  | { kind: 'mfa_required'; sessionToken: string };

export interface AimsRole {
  id: string;
  name: string;
}

export interface AccessKey {
  id: string;
  label?: string;
  /** Epoch seconds. */
  createdAt?: number;
  createdBy?: string;
  /** Epoch seconds; undefined when AIMS did not say, 0 when never used. */
  lastUsedAt?: number;
}

export interface CreatedAccessKey {
  key: AccessKey;
  /** Shown to the user once, never stored or logged. */
  secretKey: string;
}

export const ADMINISTRATOR_ROLE = 'Administrator';
export const MAX_ACCESS_KEYS = 5;

/** The README's shell check compares the whole role list; a user may hold several roles. */
export function hasAdministratorRole(roles: readonly { name: string }[]): boolean {
  return roles.some((r) => r.name === ADMINISTRATOR_ROLE);
}
