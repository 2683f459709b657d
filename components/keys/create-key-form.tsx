'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { KEY_LABEL_MAX, keyLabelSchema } from '@/lib/schemas/keys';

interface Props {
  suggestedLabel: string;
  pending: boolean;
  disabled: boolean;
  onCreate: (label: string) => void;
}

export function CreateKeyForm({ suggestedLabel, pending, disabled, onCreate }: Props) {
  const [label, setLabel] = useState(suggestedLabel);
  const [fieldError, setFieldError] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = keyLabelSchema.safeParse(label);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? 'Invalid label');
      return;
    }
    setFieldError('');
    onCreate(parsed.data);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div>
        <label htmlFor="key-label" className="block text-sm font-medium text-slate-800">
          Label
        </label>
        <p id="key-label-hint" className="text-xs text-slate-500">
          Name the key after what will use it, so you can tell keys apart later.
        </p>
        <div className="mt-1 flex flex-wrap gap-3">
          <input
            id="key-label"
            name="label"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={KEY_LABEL_MAX + 20}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'key-label-hint key-label-error' : 'key-label-hint'}
            className="focus:border-brand-600 focus:ring-brand-600 block w-full max-w-sm rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:ring-1 focus:outline-none"
          />
          <Button type="submit" disabled={pending || disabled}>
            {pending ? 'Creating…' : 'Create key'}
          </Button>
        </div>
        <p id="key-label-error" aria-live="polite" className="mt-1 text-sm text-red-700">
          {fieldError}
        </p>
      </div>
    </form>
  );
}
