'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import type { RegionDetail } from '@/lib/queries/use-status';

/**
 * Watches a sample finding travel: GuardDuty has it, then Alert Logic shows an incident for this
 * region created after it was sent. Gives a verdict either way.
 */
export function TestFindingWatch({
  sentAt,
  detail,
  waitMs,
}: {
  sentAt: number;
  detail: RegionDetail | undefined;
  waitMs: number;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const inGuardDuty = detail?.findings.some((f) => f.sample && Date.parse(f.updatedAt) >= sentAt - 1000) ?? false;
  const incident = detail?.incidents.find((i) => (i.createdAt ?? 0) * 1000 >= sentAt - 1000);
  const elapsed = Math.round((now - sentAt) / 1000);
  if (incident) {
    return (
      <Alert tone="success" title="The test finding reached Alert Logic">
        It arrived as incident {incident.friendlyId ?? incident.id} ({incident.summary}) within{' '}
        {Math.max(1, Math.round(((incident.createdAt ?? 0) * 1000 - sentAt) / 1000))} s.
      </Alert>
    );
  }
  if (now - sentAt > waitMs) {
    return (
      <Alert tone="error" title="The test finding did not arrive">
        {inGuardDuty ? 'GuardDuty generated it, but' : 'GuardDuty did not show it, and'} no Alert Logic incident
        appeared within {Math.round(waitMs / 60000)} min. Check the collector errors and pipeline counters below: a
        disabled rule shows no matched events; a rejected key shows ERROR lines.
      </Alert>
    );
  }
  return (
    <Alert tone="info" title="Waiting for the test finding">
      Sent {elapsed} s ago. {inGuardDuty ? 'GuardDuty has it; waiting for Alert Logic…' : 'Waiting for GuardDuty…'} (up
      to {Math.round(waitMs / 60000)} min)
    </Alert>
  );
}
