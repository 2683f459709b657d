'use client';

import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useRotation, useStartRotation } from '@/lib/queries/use-status';
import type { KeyView } from '@/lib/schemas/keys';

const STATE_TEXT = {
  pending: 'Waiting',
  updating: 'Updating stack…',
  updated: 'Uses the new key',
  failed: 'Failed',
} as const;

/** Confirmation, then per-stack progress of a rotation; the old key goes only when every stack moved. */
export function RotateKey({
  keyToRotate,
  usedBy,
  suggestedLabel,
  onClose,
}: {
  keyToRotate: KeyView | null;
  usedBy: { accountId: string; region: string }[];
  suggestedLabel: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const start = useStartRotation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [label, setLabel] = useState(`${suggestedLabel}-rotated`);
  const rotation = useRotation(jobId);
  const open = keyToRotate !== null;
  useEffect(() => {
    const el = dialog.current;
    if (open && el && !el.open) el.showModal();
    if (!open && el?.open) el.close();
  }, [open]);
  const job = rotation.data?.job;
  const close = () => {
    setJobId(null);
    start.reset();
    onClose();
  };
  return (
    <dialog
      ref={dialog}
      aria-label="Rotate access key"
      onCancel={(e) => {
        e.preventDefault();
        if (!job || job.status !== 'running') close();
      }}
      className="m-auto w-full max-w-xl rounded-lg p-6 shadow-xl"
    >
      {open && (
        <div className="space-y-3 text-sm">
          <h2 className="text-lg font-semibold">Rotate key “{keyToRotate.label ?? keyToRotate.id}”</h2>
          {!job ? (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                start.mutate({ keyId: keyToRotate.id, label }, { onSuccess: (r) => setJobId(r.job.id) });
              }}
            >
              <p>
                GuardLink creates a new key, switches the {usedBy.length} collector stack(s) that use this one to it,
                and deletes this key only after every update succeeded.
              </p>
              <label className="block font-medium">
                Label of the new key
                <input
                  className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
                  value={label}
                  onChange={(e) => setLabel(e.target.value)}
                />
              </label>
              {start.error && (
                <Alert tone="error" title="The rotation did not start">
                  {start.error.message}
                </Alert>
              )}
              <div className="flex justify-end gap-3">
                <Button variant="secondary" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" disabled={start.isPending}>
                  {start.isPending ? 'Starting…' : 'Rotate'}
                </Button>
              </div>
            </form>
          ) : (
            <>
              <ul className="space-y-1" aria-label="Rotation progress">
                {job.stacks.map((s) => (
                  <li key={`${s.accountId}/${s.region}`} data-testid={`rotation-${s.accountId}-${s.region}`}>
                    {s.accountId} / {s.region}: <strong>{STATE_TEXT[s.state]}</strong>
                    {s.message && <span className="block text-xs text-red-800">{s.message}</span>}
                  </li>
                ))}
              </ul>
              {job.status === 'running' && <p role="status">Rotating… new key {job.newKeyId ?? '(being created)'}</p>}
              {job.status !== 'running' && (
                <Alert
                  tone={job.status === 'done' ? 'success' : 'error'}
                  title={job.status === 'done' ? 'Rotation finished' : 'Rotation stopped'}
                >
                  {job.message}
                </Alert>
              )}
              <div className="flex justify-end">
                <Button onClick={close} disabled={job.status === 'running'}>
                  Close
                </Button>
              </div>
            </>
          )}
        </div>
      )}
    </dialog>
  );
}
