import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { roleSetupInfo } from '@/lib/onboarding/setup-info';
import { registerTarget } from '@/lib/onboarding/targets';
import { targetInputSchema } from '@/lib/schemas/targets';
import { listTargets } from '@/lib/store/targets';

// GET /api/targets - registered AWS accounts, and how to create the deploying role
export const GET = adminRoute({}, async ({ session }) =>
  NextResponse.json({ targets: listTargets(session.accountId), setup: await roleSetupInfo(session) }),
);

// POST /api/targets - register (or re-verify) an account; verified with STS before it is saved
export const POST = adminRoute({ body: targetInputSchema }, async ({ session, body }) =>
  NextResponse.json({ target: await registerTarget(session, body) }, { status: 201 }),
);
