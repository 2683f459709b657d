'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CodeBlock } from '@/components/ui/code-block';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useRemoveTarget, useTargets, type TargetView } from '@/lib/queries/use-targets';
import { RegisterTargetForm } from './register-target-form';
import { TableHead } from '@/components/ui/table-head';

export function TargetsManager() {
  const targets = useTargets();
  const remove = useRemoveTarget();
  const [toRemove, setToRemove] = useState<TargetView | null>(null);

  if (targets.isPending) return <p role="status">Loading accounts…</p>;
  if (targets.isError)
    return (
      <Alert tone="error" title="Could not load the accounts">
        {targets.error.message}
      </Alert>
    );
  const { setup } = targets.data;
  return (
    <div className="space-y-6">
      <Card title="Registered accounts">
        {targets.data.targets.length === 0 ? (
          <p className="text-sm text-slate-600">No AWS account registered yet. Add one below.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead columns={['Label', 'Account', 'Access', 'Verified', 'Actions']} srOnly={{ Actions: true }} />
            <tbody>
              {targets.data.targets.map((t) => (
                <tr key={t.accountId} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="py-2.5 pr-4 font-medium">
                    {t.label}
                  </th>
                  <td className="py-2.5 pr-4 font-mono">{t.accountId}</td>
                  <td className="py-2.5 pr-4 break-all">
                    {t.roleArn ? (
                      <>
                        <span className="font-mono text-xs">{t.roleArn}</span>
                        <span className="block text-xs text-slate-500">ExternalId {t.externalId}</span>
                      </>
                    ) : (
                      "GuardLink's own credentials"
                    )}
                  </td>
                  <td className="py-2.5 pr-4">{t.verifiedAt ? new Date(t.verifiedAt).toLocaleString() : 'Never'}</td>
                  <td className="py-2.5 text-right">
                    <Button variant="secondary" aria-label={`Remove account ${t.label}`} onClick={() => setToRemove(t)}>
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title="Register an account">
        <RegisterTargetForm suggestedExternalId={setup.suggestedExternalId} roleName={setup.roleName} />
      </Card>
      <Card title="Create the role in the account">
        {setup.hubError && <Alert tone="warning">{setup.hubError}</Alert>}
        <p className="mb-4 text-sm text-slate-700">
          The role <strong>{setup.roleName}</strong> trusts GuardLink&apos;s AWS account
          {setup.hubAccountId ? ` (${setup.hubAccountId})` : ''} only when it presents the ExternalId, and allows only
          what deploying the collector needs. Create it with any of these.
        </p>
        <div className="space-y-3">
          <details>
            <summary className="cursor-pointer text-sm font-medium">Trust policy</summary>
            <CodeBlock code={setup.trustPolicy} label="trust policy" />
          </details>
          <details>
            <summary className="cursor-pointer text-sm font-medium">Permission policy (least privilege)</summary>
            <CodeBlock code={setup.permissionPolicy} label="permission policy" />
          </details>
          <details>
            <summary className="cursor-pointer text-sm font-medium">
              CloudFormation template that creates the role
            </summary>
            <CodeBlock code={setup.cloudFormationTemplate} label="role template" />
          </details>
          <details>
            <summary className="cursor-pointer text-sm font-medium">AWS CLI commands</summary>
            <CodeBlock code={setup.cliCommands} label="CLI commands" />
          </details>
        </div>
      </Card>
      <ConfirmDialog
        open={toRemove !== null}
        title={`Remove account “${toRemove?.label ?? ''}”?`}
        confirmLabel="Remove account"
        pendingLabel="Removing…"
        pending={remove.isPending}
        error={remove.error}
        errorTitle="The account was not removed"
        onCancel={() => setToRemove(null)}
        onConfirm={() => toRemove && remove.mutate(toRemove.accountId, { onSuccess: () => setToRemove(null) })}
      >
        <p>
          GuardLink forgets account {toRemove?.accountId}. Collectors already deployed there keep running; remove them
          from the AWS console if you no longer want them.
        </p>
      </ConfirmDialog>
    </div>
  );
}
