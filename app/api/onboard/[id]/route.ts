import { NextResponse } from 'next/server';
import { z } from 'zod';
import { adminRoute } from '@/lib/api/admin-route';
import { applyWizardAction, discardWizard, wizardById } from '@/lib/onboarding/wizard';
import { deploymentIdSchema, wizardActionSchema } from '@/lib/schemas/onboarding';

const params = z.object({ id: deploymentIdSchema });

// GET /api/onboard/:id - one deployment with its items (polled while deploying)
export const GET = adminRoute({ params }, async ({ session, params }) =>
  NextResponse.json({ wizard: wizardById(session, params.id) }, { headers: { 'cache-control': 'no-store' } }),
);

// POST /api/onboard/:id - one wizard action (set targets, regions, key, deploy, retry, ...)
export const POST = adminRoute({ params, body: wizardActionSchema }, async ({ session, params, body }) =>
  NextResponse.json({ wizard: await applyWizardAction(session, params.id, body) }),
);

// DELETE /api/onboard/:id - discard a draft (refused while stacks are deploying)
export const DELETE = adminRoute({ params }, async ({ session, params }) => {
  discardWizard(session, params.id);
  return new NextResponse(null, { status: 204 });
});
