'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useItemEvents, type ItemView, type WizardView } from '@/lib/queries/use-onboarding';
import type { WizardAction } from '@/lib/schemas/onboarding';
import { DiagnosisBox } from './diagnosis-box';
import { KeyStep } from './key-step';

const STATE_TEXT: Record<ItemView['state'], string> = {
  planned: 'Planned',
  skipped: 'Skipped',
  adopted: 'Adopted existing collector',
  queued: 'Queued',
  deleting: 'Deleting the failed stack',
  deploying: 'Deploying',
  complete: 'Deployed',
  failed: 'Failed',
};

const ACTIVE = new Set(['queued', 'deleting', 'deploying']);

function Events({ deploymentId, item }: { deploymentId: string; item: ItemView }) {
  const events = useItemEvents(deploymentId, item.accountId, item.region, ACTIVE.has(item.state));
  if (events.isPending) return <p className="text-xs">Loading events…</p>;
  if (events.isError) return <p className="text-xs text-red-700">{events.error.message}</p>;
  if (events.data.events.length === 0) return <p className="text-xs text-slate-500">No stack events yet.</p>;
  return (
    <ol
      className="mt-2 max-h-64 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs"
      aria-label={`Stack events ${item.accountId} ${item.region}`}
    >
      {events.data.events.map((e) => (
        <li key={e.eventId}>
          {new Date(e.timestamp).toLocaleTimeString()} {e.logicalId} {e.status}
          {e.reason ? ` – ${e.reason}` : ''}
        </li>
      ))}
    </ol>
  );
}

function Row({
  wizard,
  item,
  act,
  pending,
}: {
  wizard: WizardView;
  item: ItemView;
  act: (a: WizardAction) => void;
  pending: boolean;
}) {
  const [open, setOpen] = useState(false);
  const reason = item.state === 'skipped' ? item.preflight?.diagnosis : item.diagnosis;
  const pct = item.progress ? Math.round((item.progress.done / item.progress.total) * 100) : 0;
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid={`deploy-${item.accountId}-${item.region}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="text-sm">
          <span className="font-mono">{item.accountId}</span> · <span className="font-mono">{item.region}</span>
          <span className="ml-3 font-medium" data-testid="item-state">
            {STATE_TEXT[item.state]}
          </span>
          {item.stackStatus && <span className="ml-2 text-xs text-slate-500">{item.stackStatus}</span>}
        </div>
        <div className="flex gap-2">
          {item.stackId && (
            <Button variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? 'Hide events' : 'Show events'}
            </Button>
          )}
          {item.state === 'failed' && (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => act({ action: 'retry', accountId: item.accountId, region: item.region })}
              aria-label={`Retry ${item.accountId} ${item.region}`}
            >
              Retry
            </Button>
          )}
        </div>
      </div>
      {item.state === 'deploying' && item.progress && (
        <div className="mt-2">
          <progress
            className="h-2 w-full"
            max={item.progress.total}
            value={item.progress.done}
            aria-label={`Progress ${item.accountId} ${item.region}`}
          />
          <p className="text-xs text-slate-600">
            {item.progress.done} of {item.progress.total} resources ({pct}%)
            {item.progress.last ? ` · ${item.progress.last.logicalId} ${item.progress.last.status}` : ''}
          </p>
        </div>
      )}
      {item.state === 'skipped' && !reason && (
        <p className="mt-1 text-xs text-slate-600">Preflight did not pass here.</p>
      )}
      {reason && (item.state === 'failed' || item.state === 'skipped') && <DiagnosisBox diagnosis={reason} />}
      {open && <Events deploymentId={wizard.deployment.id} item={item} />}
    </li>
  );
}

export function DeployStep({
  wizard,
  pending,
  act,
  onNew,
  suggestedLabel,
}: {
  wizard: WizardView;
  pending: boolean;
  act: (a: WizardAction) => void;
  onNew: () => void;
  suggestedLabel: string;
}) {
  const keyRejected = wizard.items.some(
    (i) => i.state === 'failed' && i.diagnosis?.code === 'alert_logic_key_rejected',
  );
  const count = (s: ItemView['state']) => wizard.items.filter((i) => i.state === s).length;
  const running = wizard.items.filter((i) => ACTIVE.has(i.state)).length;
  return (
    <div className="space-y-4">
      <p className="text-sm" role="status" data-testid="deploy-summary">
        {running > 0 ? `${running} in progress · ` : ''}
        {count('complete')} deployed · {count('adopted')} adopted · {count('failed')} failed · {count('skipped')}{' '}
        skipped
      </p>
      <ul className="space-y-2">
        {wizard.items.map((i) => (
          <Row key={`${i.accountId}-${i.region}`} wizard={wizard} item={i} act={act} pending={pending} />
        ))}
      </ul>
      {keyRejected && wizard.deployment.status === 'deploying' && (
        <section aria-labelledby="retry-key" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h3 id="retry-key" className="text-sm font-semibold">
            Alert Logic rejected key {wizard.deployment.keyLabel ?? wizard.deployment.keyId}. Choose another key for the
            retries.
          </h3>
          <div className="mt-3">
            <KeyStep suggestedLabel={suggestedLabel} pending={pending} act={act} forRetries />
          </div>
        </section>
      )}
      {wizard.deployment.status === 'finished' && (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm">
          <p className="font-medium">Onboarding finished.</p>
          <p>The secret GuardLink held for retries has been deleted.</p>
          <Button className="mt-3" onClick={onNew}>
            Onboard more accounts or regions
          </Button>
        </div>
      )}
    </div>
  );
}
