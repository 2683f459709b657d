'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useCreateKey, useDeleteKey, useKeys } from '@/lib/queries/use-keys';
import { useKeyUsage } from '@/lib/queries/use-status';
import type { KeyView } from '@/lib/schemas/keys';
import { CreateKeyForm } from './create-key-form';
import { DeleteKeyDialog } from './delete-key-dialog';
import { KeyTable } from './key-table';
import { KeyUsage } from './key-usage';
import { RotateKey } from './rotate-key';
import { SecretOnce } from './secret-once';

export function KeysManager({ suggestedLabel }: { suggestedLabel: string }) {
  const keys = useKeys();
  const create = useCreateKey();
  const remove = useDeleteKey();
  const usage = useKeyUsage();
  const [toDelete, setToDelete] = useState<KeyView | null>(null);
  const [toRotate, setToRotate] = useState<KeyView | null>(null);
  const [deletedNotice, setDeletedNotice] = useState('');

  const list = keys.data?.keys ?? [];
  const limit = keys.data?.limit ?? 5;
  const full = keys.data !== undefined && list.length >= limit;

  return (
    <div className="space-y-6">
      {create.data && <SecretOnce created={create.data} onDone={() => create.reset()} />}

      <Card title="Your keys" actions={keys.data && <KeyUsage used={list.length} limit={limit} />}>
        {keys.isPending && (
          <p role="status" className="text-sm text-slate-600">
            Loading keys from Alert Logic…
          </p>
        )}
        {keys.isError && (
          <div className="space-y-3">
            <Alert tone="error" title="Could not load your keys">
              {keys.error.message}
            </Alert>
            <Button variant="secondary" onClick={() => void keys.refetch()}>
              Try again
            </Button>
          </div>
        )}
        {deletedNotice && (
          <div className="mb-4">
            <Alert tone="success">{deletedNotice}</Alert>
          </div>
        )}
        {keys.data && (
          <KeyTable
            keys={list}
            usage={usage.data?.usage ?? (usage.isError ? {} : undefined)}
            onRotate={setToRotate}
            onDelete={(k) => {
              remove.reset();
              setDeletedNotice('');
              setToDelete(k);
            }}
          />
        )}
      </Card>

      <Card title="Create a key">
        {create.error && (
          <div className="mb-4">
            <Alert tone="error" title="The key was not created">
              {create.error.message}
            </Alert>
          </div>
        )}
        {full ? (
          <Alert tone="warning" title={`All ${limit} keys are in use`}>
            Alert Logic allows {limit} access keys per user. Delete a key you no longer use (one no collector depends
            on), then create the new one.
          </Alert>
        ) : (
          <CreateKeyForm
            suggestedLabel={suggestedLabel}
            pending={create.isPending}
            disabled={!keys.data || create.data !== undefined}
            onCreate={(label) => {
              setDeletedNotice('');
              create.mutate(label);
            }}
          />
        )}
      </Card>

      <RotateKey
        keyToRotate={toRotate}
        usedBy={toRotate ? (usage.data?.usage[toRotate.id] ?? []) : []}
        suggestedLabel={suggestedLabel}
        onClose={() => setToRotate(null)}
      />
      <DeleteKeyDialog
        keyToDelete={toDelete}
        usedBy={toDelete ? (usage.data?.usage[toDelete.id] ?? []) : []}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setToDelete(null)}
        onConfirm={(k) =>
          remove.mutate(k.id, {
            onSuccess: () => {
              setToDelete(null);
              setDeletedNotice(`Deleted key ${k.label ?? k.id}.`);
            },
          })
        }
      />
    </div>
  );
}
