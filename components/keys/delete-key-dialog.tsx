'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { KeyView } from '@/lib/schemas/keys';

interface Props {
  keyToDelete: KeyView | null;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (key: KeyView) => void;
}

export function DeleteKeyDialog({ keyToDelete, pending, error, onCancel, onConfirm }: Props) {
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
    </ConfirmDialog>
  );
}
