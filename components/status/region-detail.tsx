'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useRegionDetail, useStatusAction } from '@/lib/queries/use-status';
import { HEALTH_STYLE } from './health-style';
import { ErrorsSection, FindingsSection, IncidentsSection, PipelineSection, StackSection } from './region-evidence';
import { TestFindingWatch } from './test-finding-watch';
import { UpdateKeyDialog } from './update-key-dialog';
import { UpdatedAgo } from './updated-ago';

interface Props {
  accountId: string;
  region: string;
  testWaitMs: number;
  suggestedLabel: string;
}

export function RegionDetailView({ accountId, region, testWaitMs, suggestedLabel }: Props) {
  const router = useRouter();
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'remove' | 'key' | null>(null);
  const [notice, setNotice] = useState('');
  const action = useStatusAction(accountId, region);
  const stackBusy = (s: string | undefined) => !!s && s.endsWith('_IN_PROGRESS');
  const detail = useRegionDetail(accountId, region, sentAt !== null || dialog !== null || notice !== '');
  const d = detail.data;
  const where = `${accountId} / ${region}`;
  const watching = sentAt !== null || stackBusy(d?.cell.stack?.status);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href="/status" className="text-brand-700 underline">
              Status
            </Link>{' '}
            / {d?.label ?? accountId} / {region}
          </p>
          <h1 className="mt-1 text-2xl font-semibold">
            {accountId} · {region}
          </h1>
          {d && (
            <p className="mt-1 text-sm">
              <span
                className={`rounded border px-2 py-0.5 text-xs font-medium ${HEALTH_STYLE[d.cell.state].className}`}
                data-testid="detail-state"
              >
                {HEALTH_STYLE[d.cell.state].label}
              </span>{' '}
              {d.cell.reason}
            </p>
          )}
        </div>
        {d && (
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <UpdatedAgo at={detail.dataUpdatedAt} />
            <Button
              variant="secondary"
              disabled={action.isPending || d.cell.guardDuty !== 'enabled' || !d.cell.stack}
              onClick={() =>
                action.mutate(
                  { action: 'sendTestFinding' },
                  { onSuccess: (r) => setSentAt(typeof r.sentAt === 'number' ? r.sentAt : Date.now()) },
                )
              }
            >
              Send a test finding
            </Button>
            <Button variant="secondary" disabled={!d.cell.stack || action.isPending} onClick={() => setDialog('key')}>
              Switch key
            </Button>
            <Button
              variant="secondary"
              disabled={action.isPending || (d.cell.state !== 'failing' && d.cell.state !== 'not_installed')}
              onClick={() => action.mutate({ action: 'redeploy' }, { onSuccess: () => router.push('/onboard') })}
            >
              Redeploy
            </Button>
            <Button variant="danger" disabled={!d.cell.stack || action.isPending} onClick={() => setDialog('remove')}>
              Remove collector
            </Button>
          </div>
        )}
      </div>
      {detail.isPending && <p role="status">Reading this region…</p>}
      {detail.isError && (
        <Alert tone="error" title="Could not read this region">
          {detail.error.message}
        </Alert>
      )}
      {action.error && dialog === null && (
        <Alert tone="error" title="That did not work">
          {action.error.message}
        </Alert>
      )}
      {notice && <Alert tone="info">{notice}</Alert>}
      {sentAt !== null && <TestFindingWatch sentAt={sentAt} detail={d} waitMs={testWaitMs} />}
      {watching && (
        <p className="sr-only" role="status">
          Refreshing every 3 seconds
        </p>
      )}
      {d && (
        <>
          <StackSection d={d} />
          <ErrorsSection d={d} />
          <PipelineSection d={d} />
          <FindingsSection d={d} />
          <IncidentsSection d={d} />
        </>
      )}
      <ConfirmDialog
        open={dialog === 'remove'}
        title={`Remove the collector from ${where}?`}
        confirmLabel="Remove collector"
        pendingLabel="Removing…"
        pending={action.isPending}
        error={action.error}
        errorTitle="The collector was not removed"
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          action.mutate(
            { action: 'removeCollector', confirm: `${accountId}/${region}` },
            {
              onSuccess: () => {
                setDialog(null);
                setNotice(
                  `Deleting stack ${d?.cell.stack?.name ?? ''} in ${where}. GuardDuty findings here stop reaching Alert Logic.`,
                );
              },
            },
          )
        }
      >
        <p>
          GuardLink deletes stack <strong className="font-mono">{d?.cell.stack?.name}</strong> in account {accountId},
          region {region}
          {d?.cell.stack && !d.cell.stack.managedByGuardLink ? ' (a stack made outside GuardLink)' : ''}. GuardDuty
          findings from this region stop reaching Alert Logic.
        </p>
      </ConfirmDialog>
      <UpdateKeyDialog
        open={dialog === 'key'}
        where={where}
        pending={action.isPending}
        error={action.error}
        suggestedLabel={suggestedLabel}
        onCancel={() => setDialog(null)}
        onSubmit={(key) =>
          action.mutate(
            { action: 'updateKey', key },
            {
              onSuccess: (r) => {
                setDialog(null);
                setNotice(
                  r.update === 'no_changes'
                    ? 'The stack already uses that key.'
                    : `Updating the stack to key ${String(r.keyId)}…`,
                );
              },
            },
          )
        }
      />
    </div>
  );
}
