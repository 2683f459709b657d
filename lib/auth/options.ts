import 'server-only';
/**
 * next-auth configuration: a Credentials provider that signs in against AIMS. The AIMS token is
 * kept only inside the encrypted JWT cookie (httpOnly); the session object the browser can read
 * carries names and roles, never the token.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { aims } from '../aims';
import { isAimsError } from '../aims/errors';
import { residencyOf } from '../aims/residency';
import { hasAdministratorRole } from '../aims/types';
import { env } from '../env';
import { logger } from '../log';
import { signInSchema } from '../schemas/sign-in';
import { openMfaChallenge, sealMfaChallenge } from './mfa-challenge';
import { MFA_REQUIRED_PREFIX, type SignInErrorCode } from './sign-in-errors';
import './types';

/** Upper bound; the session really ends when the AIMS token does (see session.ts). */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

function signInError(code: SignInErrorCode): Error {
  return new Error(code);
}

async function authorize(raw: Record<string, string> | undefined) {
  const input = signInSchema.safeParse(raw ?? {});
  if (!input.success) throw signInError('invalid_input');
  const client = aims();
  try {
    let outcome;
    let email: string;
    if ('challenge' in input.data) {
      const challenge = await openMfaChallenge(input.data.challenge);
      if (!challenge) throw signInError('mfa_expired');
      email = challenge.email;
      outcome = await client.authenticateMfa({ sessionToken: challenge.sessionToken, mfaCode: input.data.mfaCode });
    } else {
      email = input.data.email;
      outcome = await client.authenticate({ username: email, password: input.data.password });
    }
    if (outcome.kind === 'mfa_required') {
      throw new Error(MFA_REQUIRED_PREFIX + (await sealMfaChallenge(outcome.sessionToken, email)));
    }
    const id = outcome.identity;
    const roles = await client.userRoles({ token: id.token, accountId: id.accountId, userId: id.userId });
    logger.info('sign-in', { user: id.email, account: id.accountId, roles: roles.map((r) => r.name) });
    return {
      id: id.userId,
      userId: id.userId,
      email: id.email,
      name: id.userName,
      accountId: id.accountId,
      accountName: id.accountName,
      location: id.defaultLocation ?? null,
      roles: roles.map((r) => r.name),
      aimsToken: id.token,
      aimsExp: id.tokenExpiration,
    };
  } catch (err) {
    if (!isAimsError(err)) throw err;
    logger.warn('sign-in refused', { code: err.code, status: err.status });
    switch (err.code) {
      case 'invalid_credentials':
      case 'invalid_mfa_code':
      case 'mfa_enrollment_required':
      case 'tos_required':
      case 'password_expired':
      case 'account_inactive':
      case 'account_locked':
      case 'account_unavailable':
        throw signInError(err.code);
      case 'invalid_session_token':
        throw signInError('mfa_expired');
      default:
        throw signInError('aims_unavailable');
    }
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Alert Logic',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          challenge: { type: 'hidden' },
          mfaCode: { label: 'MFA code', type: 'text' },
        },
        authorize,
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const { id: _id, ...fields } = user;
          return { ...token, ...fields, sub: user.userId };
        }
        return token;
      },
      session({ session, token }) {
        const aimsExpMs = (token.aimsExp ?? 0) * 1000;
        return {
          user: { name: token.name ?? null, email: token.email ?? null },
          expires: new Date(Math.min(Date.parse(session.expires), aimsExpMs)).toISOString(),
          accountName: token.accountName ?? '',
          residency: residencyOf(token.location ?? undefined).caption,
          roles: token.roles ?? [],
          isAdmin: hasAdministratorRole((token.roles ?? []).map((name) => ({ name }))),
        };
      },
    },
    logger: {
      error: (code, metadata) =>
        logger.error(`next-auth ${code}`, { metadata: metadata instanceof Error ? metadata.message : undefined }),
      warn: (code) => logger.warn(`next-auth ${code}`),
      debug: () => undefined,
    },
  };
}
