import { NextResponse } from 'next/server';
import { z } from 'zod';
import { adminRoute } from '@/lib/api/admin-route';
import { reviewOf } from '@/lib/onboarding/wizard';
import { deploymentIdSchema } from '@/lib/schemas/onboarding';

// GET /api/onboard/:id/review - template parameters (from GetTemplateSummary) and the CLI equivalent
export const GET = adminRoute({ params: z.object({ id: deploymentIdSchema }) }, async ({ session, params }) =>
  NextResponse.json(await reviewOf(session, params.id)),
);
