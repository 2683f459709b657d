'use client';

import { KeyUsage } from '@/components/keys/key-usage';
import { Button } from '@/components/ui/button';
import { useKeys } from '@/lib/queries/use-keys';
import type { ItemView, WizardView } from '@/lib/queries/use-onboarding';
import type { WizardAction } from '@/lib/schemas/onboarding';
import { DiagnosisBox } from './diagnosis-box';
import { TableHead } from '@/components/ui/table-head';

const VERDICT = {
  ready: { text: 'Ready to deploy', tone: 'text-emerald-800 bg-emerald-50' },
  adopt: { text: 'Collector already there: will adopt it', tone: 'text-sky-900 bg-sky-50' },
  enable_guardduty: { text: 'GuardDuty is off', tone: 'text-amber-900 bg-amber-50' },
  blocked: { text: 'Blocked', tone: 'text-red-900 bg-red-50' },
} as const;

function Cell({ item, pending, onEnable }: { item: ItemView; pending: boolean; onEnable: () => void }) {
  const p = item.preflight;
  if (!p) return null;
  const v = VERDICT[p.verdict];
  return (
    <tr
      className="border-b border-slate-100 align-top last:border-0"
      data-testid={`preflight-${item.accountId}-${item.region}`}
    >
      <td className="py-2 pr-4 font-mono whitespace-nowrap">{item.accountId}</td>
      <td className="py-2 pr-4 font-mono whitespace-nowrap">{item.region}</td>
      <td className="py-2 pr-4">
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${v.tone}`}>{v.text}</span>
        {p.existing && (
          <p className="mt-1 text-xs text-slate-600">
            Existing stack {p.existing.stackName ?? 'unknown'} ({p.existing.stackStatus ?? 'status unknown'}
            {p.existing.managedByGuardLink ? ', made by GuardLink' : ', made outside GuardLink'}); it will not be
            redeployed.
          </p>
        )}
        {p.leftover && (
          <p className="mt-1 text-xs text-slate-600">
            A failed GuardLink stack ({p.leftover.status}) is here; deploying deletes it first.
          </p>
        )}
        {p.diagnosis && <DiagnosisBox diagnosis={p.diagnosis} />}
      </td>
      <td className="py-2 pr-4">
        GuardDuty {p.guardDuty === 'none' ? 'not set up' : p.guardDuty}
        {p.verdict === 'enable_guardduty' && (
          <Button
            className="mt-1 block"
            variant="secondary"
            disabled={pending}
            onClick={onEnable}
            aria-label={`Enable GuardDuty in ${item.accountId} ${item.region}`}
          >
            Enable GuardDuty
          </Button>
        )}
      </td>
    </tr>
  );
}

export function PreflightStep({
  wizard,
  pending,
  act,
}: {
  wizard: WizardView;
  pending: boolean;
  act: (a: WizardAction) => void;
}) {
  const keys = useKeys();
  const counts = { ready: 0, adopt: 0, enable_guardduty: 0, blocked: 0 };
  for (const i of wizard.items) if (i.preflight) counts[i.preflight.verdict]++;
  return (
    <div className="space-y-4">
      <p className="text-sm" role="status">
        {counts.ready} ready, {counts.adopt} to adopt, {counts.enable_guardduty} with GuardDuty off, {counts.blocked}{' '}
        blocked. Only ready regions are deployed; adopted collectors are recorded, not redeployed.
      </p>
      {keys.data && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span>Alert Logic key slots:</span>
          <KeyUsage used={keys.data.keys.length} limit={keys.data.limit} />
          {keys.data.keys.length >= keys.data.limit && (
            <span>(none left: the next step will ask you to reuse a key)</span>
          )}
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <TableHead columns={['Account', 'Region', 'Verdict', 'GuardDuty']} />
          <tbody>
            {wizard.items.map((i) => (
              <Cell
                key={`${i.accountId}-${i.region}`}
                item={i}
                pending={pending}
                onEnable={() => act({ action: 'enableGuardDuty', accountId: i.accountId, region: i.region })}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={pending} onClick={() => act({ action: 'back', step: 'regions' })}>
          Back
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => act({ action: 'rerunPreflight' })}>
          {pending ? 'Checking…' : 'Run preflight again'}
        </Button>
        <Button
          disabled={pending || counts.ready + counts.adopt === 0}
          onClick={() => act({ action: 'back', step: 'key' })}
        >
          Next: Alert Logic key
        </Button>
      </div>
    </div>
  );
}
