import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { statusQuerySchema } from '@/lib/schemas/status';
import { cachedMatrix } from '@/lib/status/matrix';

// GET /api/status - the accounts × regions health matrix (shared cache of a few seconds)
export const GET = adminRoute({ query: statusQuerySchema }, async ({ session, query }) =>
  NextResponse.json(await cachedMatrix(session, query.fresh === '1'), { headers: { 'cache-control': 'no-store' } }),
);
