'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { useReview, type WizardView } from '@/lib/queries/use-onboarding';
import type { WizardAction } from '@/lib/schemas/onboarding';
import { TableHead } from '@/components/ui/table-head';

export function ReviewStep({
  wizard,
  pending,
  act,
}: {
  wizard: WizardView;
  pending: boolean;
  act: (a: WizardAction) => void;
}) {
  const review = useReview(wizard.deployment.id, true);
  const [ack, setAck] = useState(false);
  const ready = wizard.items.filter((i) => i.preflight?.verdict === 'ready').length;
  const adopt = wizard.items.filter((i) => i.preflight?.verdict === 'adopt').length;
  if (review.isPending) return <p role="status">Reading the collector template from CloudFormation…</p>;
  if (review.isError) return <Alert tone="error">{review.error.message}</Alert>;
  const r = review.data;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        GuardLink will create stack <strong className="font-mono">{r.stackName}</strong> in <strong>{ready}</strong>{' '}
        account/region pair(s)
        {adopt > 0 && (
          <>
            {' '}
            and adopt <strong>{adopt}</strong> existing collector(s)
          </>
        )}
        , with key <strong className="font-mono">{wizard.deployment.keyLabel ?? wizard.deployment.keyId}</strong>.
      </p>
      <table className="w-full text-left text-sm">
        <caption className="text-left text-sm font-medium">Template parameters (from GetTemplateSummary)</caption>
        <TableHead columns={['Parameter', 'Value', 'Description']} />
        <tbody>
          {r.parameters.map((p) => (
            <tr key={p.key} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-mono font-normal">
                {p.key}
              </th>
              <td className="py-2 pr-4 font-mono">{p.value || <span className="text-slate-400">(empty)</span>}</td>
              <td className="py-2 text-slate-600">{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} className="mt-1" />
        <span>
          I acknowledge that this stack creates IAM resources ({r.capabilities.join(', ')}). {r.capabilitiesReason}
        </span>
      </label>
      <details>
        <summary className="cursor-pointer text-sm font-medium">The equivalent AWS CLI command, per region</summary>
        <CodeBlock code={r.cliCommand} label="create-stack command" />
      </details>
      <div className="flex gap-3">
        <Button variant="secondary" disabled={pending} onClick={() => act({ action: 'back', step: 'key' })}>
          Back
        </Button>
        <Button disabled={pending || !ack} onClick={() => act({ action: 'deploy', acknowledgeIam: true })}>
          {pending ? 'Starting…' : `Deploy to ${ready} region(s)`}
        </Button>
      </div>
    </div>
  );
}
