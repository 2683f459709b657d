import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { startRotation } from '@/lib/keys/rotation';
import { keyParamsSchema } from '@/lib/schemas/keys';
import { rotateBodySchema } from '@/lib/schemas/status';

// POST /api/keys/:id/rotate - new key, every stack moved to it, then the old key deleted
export const POST = adminRoute({ params: keyParamsSchema, body: rotateBodySchema }, async ({ session, params, body }) =>
  NextResponse.json({ job: await startRotation(session, params.id, body.label) }, { status: 202 }),
);
