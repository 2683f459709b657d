'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { KeyView } from '@/lib/schemas/keys';

interface Props {
  keyToDelete: KeyView | null;
  /** Collector stacks that sign in with this key. */
  usedBy: { accountId: string; region: string; stackName: string }[];
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (key: KeyView) => void;
}

export function DeleteKeyDialog({ keyToDelete, usedBy, pending, error, onCancel, onConfirm }: Props) {
  const name = keyToDelete ? (keyToDelete.label ?? 'unlabelled key') : '';
  return (
    <ConfirmDialog
      open={keyToDelete !== null}
      title={`Delete access key “${name}”?`}
      confirmLabel="Delete key"
      pendingLabel="Deleting…"
      pending={pending}
      error={error}
      errorTitle="The key was not deleted"
      onCancel={onCancel}
      onConfirm={() => keyToDelete && onConfirm(keyToDelete)}
    >
      <p>
        Key id <code className="font-mono">{keyToDelete?.id}</code> will be deleted in Alert Logic. Anything that signs
        in with it, such as a deployed GuardDuty collector, will stop sending findings. This cannot be undone.
      </p>
      {usedBy.length > 0 && (
        <div className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-950" role="alert">
          <p className="font-semibold">This key is in use by {usedBy.length} collector(s), which will break:</p>
          <ul className="mt-1 list-disc pl-5">
            {usedBy.map((u) => (
              <li key={`${u.accountId}/${u.region}`}>
                {u.accountId} / {u.region} (stack {u.stackName})
              </li>
            ))}
          </ul>
          <p className="mt-1">Rotate the key instead to move them to a new one first.</p>
        </div>
      )}
    </ConfirmDialog>
  );
}
