import 'server-only';
/**
 * Reads GuardLink's session on the server, straight from the encrypted next-auth cookie, so the
 * AIMS token never passes through the browser-visible session object. A session whose AIMS
 * token has expired is no session: it ends no later than the token.
 */
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { hasAdministratorRole } from '../aims/types';
import { env } from '../env';
import { sessionTokenSchema, type SessionToken } from './types';

const COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
/** Treat the token as expired slightly early, so a call never starts with a dying token. */
const EXPIRY_SKEW_SECONDS = 5;

export interface ConsoleSession extends SessionToken {
  isAdmin: boolean;
}

export type SessionState = { kind: 'none' } | { kind: 'expired' } | { kind: 'active'; session: ConsoleSession };

export async function readSessionState(): Promise<SessionState> {
  const jar = await cookies();
  const raw = COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return { kind: 'none' };
  let payload: unknown;
  try {
    payload = await decode({ token: raw, secret: env().AUTH_SECRET });
  } catch {
    return { kind: 'expired' };
  }
  const parsed = sessionTokenSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'expired' };
  if (parsed.data.aimsExp - EXPIRY_SKEW_SECONDS <= Date.now() / 1000) return { kind: 'expired' };
  const isAdmin = hasAdministratorRole(parsed.data.roles.map((name) => ({ name })));
  return { kind: 'active', session: { ...parsed.data, isAdmin } };
}

/** One decode per request, however many components ask. */
export const getSessionState = cache(readSessionState);

/** For pages: the session, or a redirect to sign-in saying why. */
export async function requirePageSession(): Promise<ConsoleSession> {
  const state = await getSessionState();
  if (state.kind === 'active') return state.session;
  redirect(state.kind === 'expired' ? '/sign-in?reason=expired' : '/sign-in');
}
