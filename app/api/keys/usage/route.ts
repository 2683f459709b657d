import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { keyUsage } from '@/lib/keys/rotation';

// GET /api/keys/usage - which collector stacks use each key (their AccessKeyId parameter)
export const GET = adminRoute({}, async ({ session }) =>
  NextResponse.json(await keyUsage(session), { headers: { 'cache-control': 'no-store' } }),
);
