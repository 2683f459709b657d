import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { createKey, listKeys } from '@/lib/keys/service';
import { createKeyBodySchema } from '@/lib/schemas/keys';

const NO_STORE = { 'cache-control': 'no-store' };

// GET /api/keys - the signed-in user's Alert Logic access keys
export const GET = adminRoute({}, async ({ session }) =>
  NextResponse.json(await listKeys(session), { headers: NO_STORE }),
);

// POST /api/keys - create a labelled key; the secret is in this answer and nowhere else
export const POST = adminRoute({ body: createKeyBodySchema }, async ({ session, body }) =>
  NextResponse.json(await createKey(session, body.label), { status: 201, headers: NO_STORE }),
);
