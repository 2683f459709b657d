'use client';

import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { KeyView } from '@/lib/schemas/keys';

interface Props {
  keyToDelete: KeyView | null;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (key: KeyView) => void;
}

/** A modal <dialog>: focus is trapped, Escape cancels, and the safe choice has focus first. */
export function DeleteKeyDialog({ keyToDelete, pending, error, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (keyToDelete && !el.open) {
      el.showModal();
      cancel.current?.focus();
    } else if (!keyToDelete && el.open) {
      el.close();
    }
  }, [keyToDelete]);

  const name = keyToDelete ? (keyToDelete.label ?? 'unlabelled key') : '';
  return (
    <dialog
      ref={dialog}
      aria-labelledby="delete-key-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-lg p-6 shadow-xl"
    >
      {keyToDelete && (
        <div className="space-y-4">
          <h2 id="delete-key-title" className="text-lg font-semibold">
            Delete access key “{name}”?
          </h2>
          <p className="text-sm text-slate-700">
            Key id <code className="font-mono">{keyToDelete.id}</code> will be deleted in Alert Logic. Anything that
            signs in with it, such as a deployed GuardDuty collector, will stop sending findings. This cannot be undone.
          </p>
          {error && (
            <Alert tone="error" title="The key was not deleted">
              {error.message}
            </Alert>
          )}
          <div className="flex justify-end gap-3">
            <Button ref={cancel} variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => onConfirm(keyToDelete)} disabled={pending}>
              {pending ? 'Deleting…' : 'Delete key'}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
