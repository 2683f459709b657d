import { NextResponse } from 'next/server';
import { z } from 'zod';
import { adminRoute } from '@/lib/api/admin-route';
import { itemEvents } from '@/lib/onboarding/wizard';
import { deploymentIdSchema, itemQuerySchema } from '@/lib/schemas/onboarding';

// GET /api/onboard/:id/events?accountId&region - the stack events of one account/region
export const GET = adminRoute(
  { params: z.object({ id: deploymentIdSchema }), query: itemQuerySchema },
  async ({ session, params, query }) =>
    NextResponse.json(await itemEvents(session, params.id, query.accountId, query.region), {
      headers: { 'cache-control': 'no-store' },
    }),
);
