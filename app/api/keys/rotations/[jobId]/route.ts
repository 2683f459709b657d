import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { getRotation } from '@/lib/keys/rotation';
import { rotationParamsSchema } from '@/lib/schemas/status';

// GET /api/keys/rotations/:jobId - a rotation's per-stack progress
export const GET = adminRoute({ params: rotationParamsSchema }, async ({ session, params }) =>
  NextResponse.json(
    { job: getRotation(session.accountId, params.jobId) },
    { headers: { 'cache-control': 'no-store' } },
  ),
);
