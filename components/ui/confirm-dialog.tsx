'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: Error | null;
  errorTitle: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** A modal <dialog> for destructive actions: focus trapped, Escape cancels, Cancel has focus first. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  errorTitle,
  onCancel,
  onConfirm,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      cancel.current?.focus();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-lg p-6 shadow-xl"
    >
      {open && (
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{title}</h2>
          <div className="text-sm text-slate-700">{children}</div>
          {error && (
            <Alert tone="error" title={errorTitle}>
              {error.message}
            </Alert>
          )}
          <div className="flex justify-end gap-3">
            <Button ref={cancel} variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button variant="danger" onClick={onConfirm} disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
