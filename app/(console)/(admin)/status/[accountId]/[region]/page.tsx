import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RegionDetailView } from '@/components/status/region-detail';
import { requirePageSession } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { suggestedKeyLabel } from '@/lib/schemas/keys';
import { cellParamsSchema } from '@/lib/schemas/status';
import { getTarget } from '@/lib/store/targets';

export const metadata: Metadata = { title: 'Region status' };

export default async function RegionStatusPage({ params }: { params: Promise<{ accountId: string; region: string }> }) {
  const session = await requirePageSession();
  const parsed = cellParamsSchema.safeParse(await params);
  if (!parsed.success || !getTarget(session.accountId, parsed.data.accountId)) notFound();
  return (
    <RegionDetailView
      accountId={parsed.data.accountId}
      region={parsed.data.region}
      testWaitMs={env().STATUS_TEST_FINDING_WAIT_MS}
      suggestedLabel={suggestedKeyLabel()}
    />
  );
}
