import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { deleteKey, relabelKey } from '@/lib/keys/service';
import { keyParamsSchema, relabelKeyBodySchema } from '@/lib/schemas/keys';

// DELETE /api/keys/:id - delete one of the user's access keys
export const DELETE = adminRoute({ params: keyParamsSchema }, async ({ session, params }) => {
  await deleteKey(session, params.id);
  return new NextResponse(null, { status: 204 });
});

// PATCH /api/keys/:id - change a key's label (the only editable field)
export const PATCH = adminRoute(
  { params: keyParamsSchema, body: relabelKeyBodySchema },
  async ({ session, params, body }) => NextResponse.json(await relabelKey(session, params.id, body.label)),
);
