import 'server-only';
/**
 * The MFA second step needs AIMS's `x-aims-session-token`. Rather than keep it in server memory
 * (lost on restart, not shared between instances), the browser holds it sealed: encrypted with
 * the auth secret under a distinct salt, valid as long as AIMS honours it (3 minutes).
 */
import { decode, encode } from 'next-auth/jwt';
import { z } from 'zod';
import { env } from '../env';

const SALT = 'guardlink.mfa-challenge';
const MFA_SESSION_SECONDS = 180;
const challengeSchema = z.object({ st: z.string().min(1), email: z.string() });

export async function sealMfaChallenge(sessionToken: string, email: string): Promise<string> {
  return encode({
    token: { st: sessionToken, email },
    secret: env().AUTH_SECRET,
    salt: SALT,
    maxAge: MFA_SESSION_SECONDS,
  });
}

export async function openMfaChallenge(sealed: string): Promise<{ sessionToken: string; email: string } | null> {
  try {
    const payload = await decode({ token: sealed, secret: env().AUTH_SECRET, salt: SALT });
    const parsed = challengeSchema.safeParse(payload);
    return parsed.success ? { sessionToken: parsed.data.st, email: parsed.data.email } : null;
  } catch {
    return null;
  }
}
