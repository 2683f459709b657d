import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { removeTarget } from '@/lib/onboarding/targets';
import { targetParamsSchema } from '@/lib/schemas/targets';

// DELETE /api/targets/:accountId - forget an account (its stacks stay in AWS)
export const DELETE = adminRoute({ params: targetParamsSchema }, async ({ session, params }) => {
  removeTarget(session, params.accountId);
  return new NextResponse(null, { status: 204 });
});
