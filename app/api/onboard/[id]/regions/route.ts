import { NextResponse } from 'next/server';
import { z } from 'zod';
import { adminRoute } from '@/lib/api/admin-route';
import { regionChoices } from '@/lib/onboarding/wizard';
import { deploymentIdSchema } from '@/lib/schemas/onboarding';

// GET /api/onboard/:id/regions - per chosen account, the regions it has enabled (EC2 DescribeRegions)
export const GET = adminRoute({ params: z.object({ id: deploymentIdSchema }) }, async ({ session, params }) =>
  NextResponse.json({ accounts: await regionChoices(session, params.id) }),
);
