import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';

// GET|POST /api/auth/* - next-auth: CSRF token, credentials sign-in, session, sign-out
async function handler(request: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return (NextAuth(authOptions()) as (r: NextRequest, c: unknown) => Promise<Response>)(request, ctx);
}

export { handler as GET, handler as POST };
