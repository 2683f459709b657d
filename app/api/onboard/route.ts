import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { currentWizard, startWizard } from '@/lib/onboarding/wizard';

const NO_STORE = { 'cache-control': 'no-store' };

// GET /api/onboard - the deployment in progress (or null)
export const GET = adminRoute({}, async ({ session }) =>
  NextResponse.json({ wizard: currentWizard(session) }, { headers: NO_STORE }),
);

// POST /api/onboard - start a deployment, or return the one already open
export const POST = adminRoute({}, async ({ session }) =>
  NextResponse.json({ wizard: startWizard(session) }, { status: 201 }),
);
