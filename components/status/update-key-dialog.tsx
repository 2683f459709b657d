'use client';

import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useKeys } from '@/lib/queries/use-keys';
import type { StatusAction } from '@/lib/queries/use-status';
import { ExistingKeyFields } from '@/components/keys/existing-key-fields';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm';

export function UpdateKeyDialog({
  open,
  where,
  pending,
  error,
  suggestedLabel,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  where: string;
  pending: boolean;
  error: Error | null;
  suggestedLabel: string;
  onCancel: () => void;
  onSubmit: (key: Extract<StatusAction, { action: 'updateKey' }>['key']) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keys = useKeys();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [label, setLabel] = useState(suggestedLabel);
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  useEffect(() => {
    const el = dialog.current;
    if (open && el && !el.open) el.showModal();
    if (!open && el?.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-label={`Switch the collector in ${where} to another key`}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-lg p-6 shadow-xl"
    >
      {open && (
        <form
          className="space-y-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(mode === 'new' ? { mode, label } : { mode, keyId, secretKey: secret });
          }}
        >
          <h2 className="text-lg font-semibold">Switch the collector in {where} to another key</h2>
          <p>
            GuardLink updates the stack (UpdateStack, previous template and values kept) so the collector signs in with
            the new key.
          </p>
          <label className="flex items-center gap-2">
            <input type="radio" checked={mode === 'new'} onChange={() => setMode('new')} /> A new key
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" checked={mode === 'existing'} onChange={() => setMode('existing')} /> A key I already
            have
          </label>
          {mode === 'new' ? (
            <label className="block font-medium">
              Label of the new key
              <input className={input} value={label} onChange={(e) => setLabel(e.target.value)} />
            </label>
          ) : (
            <ExistingKeyFields
              keys={keys.data?.keys ?? []}
              keyId={keyId}
              secret={secret}
              onKeyId={setKeyId}
              onSecret={setSecret}
            />
          )}
          {error && (
            <Alert tone="error" title="The key was not switched">
              {error.message}
            </Alert>
          )}
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Updating…' : 'Update the stack'}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
