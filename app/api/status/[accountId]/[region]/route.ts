import { NextResponse } from 'next/server';
import { adminRoute } from '@/lib/api/admin-route';
import { AppError } from '@/lib/api/errors';
import { startWizardFor } from '@/lib/onboarding/wizard';
import { cellParamsSchema, statusActionSchema } from '@/lib/schemas/status';
import { resolveKey } from '@/lib/keys/service';
import { removeCollector, sendTestFinding, switchStackKey } from '@/lib/status/actions';
import { regionDetail } from '@/lib/status/detail';

// GET /api/status/:accountId/:region - the evidence behind one cell
export const GET = adminRoute({ params: cellParamsSchema }, async ({ session, params }) =>
  NextResponse.json(await regionDetail(session, params.accountId, params.region), {
    headers: { 'cache-control': 'no-store' },
  }),
);

// POST /api/status/:accountId/:region - send a test finding, switch key, remove, or redeploy
export const POST = adminRoute(
  { params: cellParamsSchema, body: statusActionSchema },
  async ({ session, params, body }) => {
    const { accountId, region } = params;
    switch (body.action) {
      case 'sendTestFinding':
        return NextResponse.json(await sendTestFinding(session, accountId, region));
      case 'removeCollector':
        if (body.confirm !== `${accountId}/${region}`) {
          throw new AppError('bad_request', `To remove the collector, confirm with "${accountId}/${region}".`, 400);
        }
        await removeCollector(session, accountId, region);
        return NextResponse.json({ removing: true });
      case 'updateKey': {
        const key = await resolveKey(session, body.key);
        return NextResponse.json({ update: await switchStackKey(session, accountId, region, key), keyId: key.keyId });
      }
      case 'redeploy':
        return NextResponse.json({ wizard: await startWizardFor(session, accountId, region) });
    }
  },
);
