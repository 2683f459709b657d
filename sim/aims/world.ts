/**
 * The Alert Logic simulator's state: accounts, users, roles, access keys, tokens and MFA
 * sessions, seeded with the documented demo users (see README); plus what collectors did
 * (registrations, statuses, ingested messages, incidents: collection-store.ts), which a seed empties.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CollectionStore } from './collection-store';
import { type RoleName } from './roles';

export { ROLES, type RoleName } from './roles';

export interface SimAccount {
  id: string;
  name: string;
  active: boolean;
  defaultLocation: string;
  accessibleLocations: string[];
  created: number;
}

export interface SimUser {
  id: string;
  accountId: string;
  name: string;
  email: string;
  password: string;
  roles: RoleName[];
  mfaCode?: string;
  passwordExpired?: boolean;
  created: number;
}

export interface SimAccessKey {
  id: string;
  secret: string;
  userId: string;
  accountId: string;
  label?: string;
  created: number;
  modified: number;
  createdBy: string;
  lastLogin: number;
}

export interface SimToken {
  token: string;
  userId: string;
  accountId: string;
  expiration: number;
  viaKey?: string;
}

export interface SimMfaSession {
  userId: string;
  issuedAt: number;
}

export const MAX_KEYS_PER_USER = 5;
export const DEFAULT_TOKEN_TTL_SECONDS = 6 * 60 * 60;
export const MFA_SESSION_SECONDS = 180;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Tokens look like the spec's: three dot-separated parts in padded standard base64. */
function makeToken(user: SimUser, expiration: number): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
  return [
    b64({ typ: 'JWT', alg: 'HS256' }),
    b64({ user: user.id, account: user.accountId, expiration, renew_countdown: 24 }),
    randomBytes(32).toString('base64'),
  ].join('.');
}

export class AimsWorld {
  accounts = new Map<string, SimAccount>();
  users = new Map<string, SimUser>();
  keys = new Map<string, SimAccessKey>();
  tokens = new Map<string, SimToken>();
  mfaSessions = new Map<string, SimMfaSession>();
  tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
  latencyMs = 0;
  writesDisabled = false;
  collection = new CollectionStore();

  constructor() {
    this.seed();
  }

  seed(): void {
    this.accounts.clear();
    this.users.clear();
    this.keys.clear();
    this.tokens.clear();
    this.mfaSessions.clear();
    this.tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
    this.latencyMs = 0;
    this.writesDisabled = false;
    this.collection.clear();
    const created = 1700000000;
    this.accounts.set('10000001', {
      id: '10000001',
      name: 'Demo Corp',
      active: true,
      defaultLocation: 'insight-us-virginia',
      accessibleLocations: ['insight-us-virginia', 'defender-us-ashburn'],
      created,
    });
    this.accounts.set('20000002', {
      id: '20000002',
      name: 'Dormant Ltd',
      active: false,
      defaultLocation: 'insight-eu-ireland',
      accessibleLocations: ['insight-eu-ireland'],
      created,
    });
    const users: Omit<SimUser, 'created'>[] = [
      {
        id: '715A4EC0-9833-4D6E-9C03-A537E3F98D23',
        accountId: '10000001',
        name: 'Ada Admin',
        email: 'admin@example.com',
        password: 'Demo-Admin-1',
        roles: ['Administrator'],
      },
      {
        id: '2B1F8A3C-5D4E-4F60-8A7B-9C0D1E2F3A4B',
        accountId: '10000001',
        name: 'Mo Factor',
        email: 'mfa@example.com',
        password: 'Demo-Mfa-1',
        roles: ['Administrator'],
        mfaCode: '123456',
      },
      {
        id: '3C2E9B4D-6E5F-4071-9B8C-0D1E2F3A4B5C',
        accountId: '10000001',
        name: 'Pat Power',
        email: 'power@example.com',
        password: 'Demo-Power-1',
        roles: ['Power User'],
      },
      {
        id: '4D3FAC5E-7F60-4182-AC9D-1E2F3A4B5C6D',
        accountId: '10000001',
        name: 'Rita Reader',
        email: 'readonly@example.com',
        password: 'Demo-Read-1',
        roles: ['Read Only'],
      },
      {
        id: '5E40BD6F-8071-4293-BDAE-2F3A4B5C6D7E',
        accountId: '10000001',
        name: 'Ed Expired',
        email: 'expired@example.com',
        password: 'Demo-Expired-1',
        roles: ['Administrator'],
        passwordExpired: true,
      },
      {
        id: '6F51CE70-9182-43A4-CEBF-3A4B5C6D7E8F',
        accountId: '20000002',
        name: 'Ina Active',
        email: 'inactive@example.com',
        password: 'Demo-Inactive-1',
        roles: ['Administrator'],
      },
    ];
    for (const u of users) this.users.set(u.id, { ...u, created });
  }

  userByEmail(email: string): SimUser | undefined {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((u) => u.email.toLowerCase() === wanted);
  }

  issueToken(user: SimUser, viaKey?: string): SimToken {
    const expiration = nowSeconds() + this.tokenTtlSeconds;
    const token = makeToken(user, expiration);
    const record: SimToken = { token, userId: user.id, accountId: user.accountId, expiration, viaKey };
    this.tokens.set(token, record);
    return record;
  }

  /** A token that is unknown, expired, or whose key was deleted is worth nothing. */
  resolveToken(token: string | undefined): { token: SimToken; user: SimUser } | undefined {
    if (!token) return undefined;
    const record = this.tokens.get(token);
    if (!record || record.expiration <= nowSeconds()) return undefined;
    if (record.viaKey && !this.keys.has(record.viaKey)) return undefined;
    const user = this.users.get(record.userId);
    return user ? { token: record, user } : undefined;
  }

  startMfaSession(user: SimUser): string {
    const sessionToken = randomBytes(24).toString('hex');
    this.mfaSessions.set(sessionToken, { userId: user.id, issuedAt: nowSeconds() });
    return sessionToken;
  }

  createKey(user: SimUser, createdBy: string, label?: string): SimAccessKey {
    const at = nowSeconds();
    const key: SimAccessKey = {
      id: randomBytes(8).toString('hex'),
      secret: randomBytes(32).toString('hex'),
      userId: user.id,
      accountId: user.accountId,
      label,
      created: at,
      modified: at,
      createdBy,
      lastLogin: 0,
    };
    this.keys.set(key.id, key);
    return key;
  }

  keysOf(userId: string): SimAccessKey[] {
    return [...this.keys.values()].filter((k) => k.userId === userId).sort((a, b) => a.created - b.created);
  }

  findKey(id: string): SimAccessKey | undefined {
    return this.keys.get(id.toLowerCase());
  }
}

export const newUuid = (): string => randomUUID().toUpperCase();
